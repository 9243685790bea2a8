import { z } from 'zod';
import type { Attr, Bucket } from '../../inventory/index.js';
import { missing } from '../helpers.js';
import { defineCheck, type CheckResult } from '../types.js';
import { bucketResource, forEachBucket } from './buckets.js';
import { logTargets, type LogTargets } from './log-targets.js';

const Options = z.object({
  /** The tag that marks a bucket's data as critical (regulated or irreplaceable). */
  criticalTag: z
    .object({
      key: z.string().min(1).default('data-classification'),
      /** Compared without regard to case. */
      values: z.array(z.string().min(1)).min(1).default(['critical']),
    })
    .default({ key: 'data-classification', values: ['critical'] }),
});
type Options = z.infer<typeof Options>;

type Msg = 'mfa' | 'importantNoMfa' | 'importantNoMfaLifecycle' | 'importantNotVersioned' | 'versioned' | 'notVersioned' | 'missing';

const MAX_SENDERS = 3;
function sendersText(senders: string[]): string {
  return senders.slice(0, MAX_SENDERS).join(', ') + (senders.length > MAX_SENDERS ? ` and ${senders.length - MAX_SENDERS} more` : '');
}

/** Why a bucket needs MFA Delete, in words, or undefined. */
function importance(b: Bucket, logs: LogTargets, opts: Options): string | undefined {
  const reasons: string[] = [];
  const senders = logs.senders.get(b.name);
  if (senders) reasons.push(`receives ${sendersText(senders)}`);
  const tags = b.tags.state === 'ok' ? b.tags.value : {};
  const value = tags[opts.criticalTag.key];
  if (value !== undefined && opts.criticalTag.values.some((v) => v.toLowerCase() === value.toLowerCase())) {
    reasons.push(`is tagged ${opts.criticalTag.key}=${value}`);
  }
  return reasons.length > 0 ? reasons.join(' and ') : undefined;
}

function judge(b: Bucket, logs: LogTargets, opts: Options): CheckResult<Msg>[] {
  const resource = bucketResource(b);
  const v = b.versioning;
  if (v.state !== 'ok' && v.state !== 'absent') return [missing(resource, v, `the versioning configuration of bucket ${b.name}`)];
  // absent: never versioned; GetBucketVersioning then returns no Status at all.
  const status = v.state === 'ok' ? v.value.status : 'Disabled';
  const versioned = status === 'Enabled';
  const mfa = v.state === 'ok' && v.value.mfaDelete === 'Enabled';
  const data = { bucket: b.name, status };
  if (versioned && mfa) return [{ status: 'pass', resource, message: 'mfa', data }];
  const why = importance(b, logs, opts);
  if (why) {
    if (!versioned) return [{ status: 'fail', resource, message: 'importantNotVersioned', data: { ...data, why } }];
    const lifecycle = b.lifecycle.state === 'ok' && b.lifecycle.value.length > 0;
    return [{ status: 'fail', resource, message: lifecycle ? 'importantNoMfaLifecycle' : 'importantNoMfa', data: { ...data, why } }];
  }
  if (!versioned) return [{ status: 'fail', resource, message: 'notVersioned', data, severity: 'low' }];
  // Versioning alone passes only when nothing that could make the bucket important went unseen.
  const unseen: Attr<unknown> | undefined = b.tags.state !== 'ok' && b.tags.state !== 'absent' ? b.tags : logs.unread[0];
  if (unseen) {
    return [{ ...missing(resource, unseen, `whether bucket ${b.name}, versioned without MFA Delete, holds logs or critical data`), severity: 'low' }];
  }
  // The guide's pass, not CIS's: CIS 2.1.2 wants MFA Delete on every bucket, so this is no evidence for it.
  return [{ status: 'pass', resource, message: 'versioned', data: { ...data, tag: `${opts.criticalTag.key}=${opts.criticalTag.values.join('|')}` }, severity: 'low', compliance: {} }];
}

export default defineCheck<Options, Msg>({
  id: 's3.mfa-delete',
  title: 'Buckets with logs or critical data are versioned with MFA Delete; the others are versioned',
  description:
    'Versioning keeps every version of every object, so a deletion or an overwrite can be undone. MFA Delete adds that only the root user with an MFA code can delete a version or turn versioning off: a stolen access key or a runaway script cannot destroy the history. The guide asks for it where data is regulated (logs) or irreplaceable.',
  severity: 'medium',
  guideIds: ['s3.mfa-delete'],
  needs: ['s3.buckets', 'regions.*.cloudtrail.trails', 'regions.*.elb.classic', 'regions.*.elb.v2', 'regions.*.ec2.flowLogs', 'cloudfront.distributions'],
  permissions: [
    's3:ListAllMyBuckets',
    's3:GetBucketVersioning',
    's3:GetBucketTagging',
    's3:GetBucketLogging',
    's3:GetLifecycleConfiguration',
    'cloudtrail:DescribeTrails',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'ec2:DescribeFlowLogs',
    'cloudfront:ListDistributions',
    'cloudfront:GetDistributionConfig',
  ],
  sources: ['aws'],
  compliance: { cis: ['2.1.2'] },
  remediation: {
    text: 'Turn on versioning for every bucket. For buckets that hold logs or critical data, also turn on MFA Delete: only the root user can, with its MFA device, through the CLI or API (not the console). MFA Delete does not allow a lifecycle configuration; where old logs must move to Glacier by lifecycle, protect the bucket with S3 Object Lock (compliance mode) instead.',
    cli: '# Any bucket:\naws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled\n# Log and critical buckets, with root credentials and the root MFA device:\naws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled \\\n  --mfa "arn:aws:iam::ACCOUNT_ID:mfa/root-account-mfa-device 123456"',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration:\n      Status: Enabled\n# CloudFormation cannot turn on MFA Delete: run the CLI command as root after the stack is created.',
    terraform:
      'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  # mfa: "SERIAL CODE" of the root MFA device; apply with root credentials\n  mfa = var.root_mfa\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
  },
  messages: {
    mfa: 'Bucket {{bucket}} is versioned with MFA Delete.',
    importantNoMfa: 'Bucket {{bucket}} {{why}}, and is versioned without MFA Delete: stolen credentials can still destroy its old versions.',
    importantNoMfaLifecycle:
      'Bucket {{bucket}} {{why}}, and is versioned without MFA Delete. Its lifecycle configuration rules MFA Delete out (S3 allows no lifecycle on MFA Delete buckets): protect it with S3 Object Lock instead.',
    importantNotVersioned: 'Bucket {{bucket}} {{why}}, and is not versioned (versioning {{status}}): a deleted or overwritten object is gone for good.',
    versioned: 'Bucket {{bucket}} is versioned; it receives no logs and is not tagged {{tag}}, so MFA Delete is not required.',
    notVersioned: 'Bucket {{bucket}} is not versioned (versioning {{status}}): a deleted or overwritten object is gone for good.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const logs = logTargets(inventory);
    return forEachBucket<Msg>(inventory, (b) => judge(b, logs, options));
  },
});
