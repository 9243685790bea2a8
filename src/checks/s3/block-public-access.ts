import type { Bucket, Inventory } from '../../inventory/index.js';
import { accountResource, missing } from '../helpers.js';
import { defineCheck, type CheckResult } from '../types.js';
import { bucketResource, forEachBucket } from './buckets.js';
import { BPA_NAMES, BPA_SETTINGS, effectiveSetting, type BpaSetting, type EffectiveSetting } from './public-access-block.js';

type Msg = 'accountOn' | 'accountOff' | 'accountNone' | 'bucketOn' | 'bucketOff' | 'templateOff' | 'missing';

const names = (keys: BpaSetting[]) => keys.map((k) => BPA_NAMES[k]).join(', ');

function judgeAccount(inv: Inventory): CheckResult<Msg> {
  const resource = accountResource(inv);
  const a = inv.s3.accountPublicAccessBlock;
  const base = { resource, detail: 'account', severity: 'medium' as const };
  if (a.state === 'absent') return { ...base, status: 'fail', message: 'accountNone' };
  if (a.state !== 'ok') return { ...missing(resource, a, 'the account-level S3 Block Public Access settings', 'account'), severity: 'medium' };
  const off = BPA_SETTINGS.filter((k) => !a.value[k]);
  return off.length === 0 ? { ...base, status: 'pass', message: 'accountOn' } : { ...base, status: 'fail', message: 'accountOff', data: { off: names(off) } };
}

/** Who makes all four settings effective, in words. */
function how(settings: EffectiveSetting[]): string {
  const by = settings.flatMap((s) => (s.on === true ? [s.by] : []));
  if (by.every((b) => b.includes('account'))) return by.every((b) => b.includes('bucket')) ? 'set on the account and on the bucket' : 'set on the account';
  if (by.every((b) => b.includes('bucket'))) return 'set on the bucket';
  return 'the account and bucket settings together';
}

function judgeBucket(inv: Inventory, b: Bucket): CheckResult<Msg>[] {
  const resource = bucketResource(b);
  const data = { bucket: b.name };
  if (inv.meta.source !== 'aws') {
    // A template holds the bucket's own settings; the account's are outside it.
    const own = b.publicAccessBlock;
    if (own.state !== 'ok' && own.state !== 'absent') return [missing(resource, own, `the Block Public Access settings of bucket ${b.name}`)];
    const off = BPA_SETTINGS.filter((k) => own.state === 'absent' || !own.value[k]);
    return off.length === 0
      ? [{ status: 'pass', resource, message: 'bucketOn', data: { ...data, how: 'set on the bucket' } }]
      : [{ status: 'fail', resource, message: 'templateOff', data: { ...data, off: names(off) } }];
  }
  const settings = BPA_SETTINGS.map((k) => [k, effectiveSetting(inv, b, k)] as const);
  const off = settings.filter(([, s]) => s.on === false).map(([k]) => k);
  if (off.length > 0) return [{ status: 'fail', resource, message: 'bucketOff', data: { ...data, off: names(off) } }];
  const unsure = settings.filter(([, s]) => s.on === undefined);
  const first = unsure[0]?.[1];
  if (first && first.on === undefined) {
    const which = names(unsure.map(([k]) => k));
    return [missing(resource, first.unread, `the ${first.level}-level Block Public Access settings, which decide ${which} for bucket ${b.name}`)];
  }
  return [{ status: 'pass', resource, message: 'bucketOn', data: { ...data, how: how(settings.map(([, s]) => s)) } }];
}

export default defineCheck<Record<string, never>, Msg>({
  id: 's3.block-public-access',
  title: 'S3 Block Public Access is on for the account and for each bucket',
  description:
    'Block Public Access overrides bucket policies and ACLs: with its four settings on, no policy or ACL mistake can make a bucket or object public. S3 applies the account-level and bucket-level settings together (a setting is in effect when either level turns it on), so the account level protects every bucket, including those created tomorrow.',
  severity: 'high',
  guideIds: ['s3.block-public-access'],
  needs: ['s3.accountPublicAccessBlock', 's3.buckets'],
  permissions: ['s3:GetAccountPublicAccessBlock', 's3:ListAllMyBuckets', 's3:GetBucketPublicAccessBlock'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['2.1.4'], fsbp: ['S3.1', 'S3.8'] },
  remediation: {
    text: 'Turn on all four Block Public Access settings at the account level, and on each bucket. A bucket that must serve the public (a website) is better served through CloudFront with origin access control, which works with Block Public Access on.',
    cli: 'aws s3control put-public-access-block --account-id ACCOUNT_ID \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\naws s3api put-public-access-block --bucket BUCKET \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  messages: {
    accountOn: 'All four S3 Block Public Access settings are on for the account.',
    accountOff: 'Account-level S3 Block Public Access leaves {{off}} off: buckets rely on their own settings for these.',
    accountNone: 'Account-level S3 Block Public Access is not configured: every bucket relies on its own settings.',
    bucketOn: 'Bucket {{bucket}} has all four Block Public Access settings in effect ({{how}}).',
    bucketOff: 'Bucket {{bucket}} does not have {{off}} in effect: neither the account nor the bucket turns it on.',
    templateOff: 'Bucket {{bucket}} does not turn on {{off}}; whether the account-level setting covers it is outside the template.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const account = inventory.meta.source === 'aws' ? [judgeAccount(inventory)] : [];
    return [...account, ...forEachBucket<Msg>(inventory, (b) => judgeBucket(inventory, b))];
  },
});
