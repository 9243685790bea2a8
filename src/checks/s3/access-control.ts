import { z } from 'zod';
import { describeMissing, type Bucket, type Inventory } from '../../inventory/index.js';
import { crossAccountGrants, type CrossAccountGrant, type PublicResult } from '../../policy/index.js';
import { missing } from '../helpers.js';
import { defineCheck, type CheckResult, type ResourceRef } from '../types.js';
import { bucketResource, forEachBucket } from './buckets.js';
import { ELB_LOG_ACCOUNTS } from './elb-log-accounts.js';
import { policyVerdict, type DecidedVerdict } from './exposure.js';
import { effectiveSetting, levelsText, type EffectiveSetting } from './public-access-block.js';

const Options = z.object({
  /** Other accounts the bucket policies may grant to (your organisation's log archive, partners...). */
  trustedAccounts: z.array(z.string().regex(/^\d{12}$/, 'a 12-digit account id')).default([]),
});
type Options = z.infer<typeof Options>;

type Msg =
  | 'noPolicy'
  | 'notPublic'
  | 'public'
  | 'publicDespiteBlock'
  | 'publicRestricted'
  | 'publicUnsure'
  | 'undecided'
  | 'disagree'
  | 'crossAccount'
  | 'crossAccountTrusted'
  | 'crossAccountElb'
  | 'crossAccountRestricted'
  | 'missing';

const statementText = (r: PublicResult) =>
  r.statements.map((s) => `statement ${s.index}${s.sid ? ` (${s.sid})` : ''} allowing ${s.actions.join(', ')}`).join('; ');

function publicResult(inv: Inventory, b: Bucket, resource: ResourceRef, v: DecidedVerdict, restrict: EffectiveSetting): CheckResult<Msg>[] {
  const detail = 'public';
  const data = { bucket: b.name };
  const out: CheckResult<Msg>[] = [];
  // AWS's own verdict (GetBucketPolicyStatus) is compared: a disagreement is shown, and never resolved towards "not public".
  if (v.publicByAws !== undefined && v.publicByAws !== v.publicByEngine) {
    out.push({
      status: 'manual',
      resource,
      detail: 'policy-status',
      message: 'disagree',
      data: { ...data, engine: v.publicByEngine ? 'public' : 'not public', aws: v.publicByAws ? 'public' : 'not public' },
      severity: 'medium',
      evidence: { reasons: v.result.reasons },
    });
  }
  if (!v.publicByEngine && !v.publicByAws) {
    out.push({ status: 'pass', resource, detail, message: 'notPublic', data, evidence: { reasons: v.result.reasons } });
    return out;
  }
  const grants = v.publicByEngine ? statementText(v.result) : 'access to anyone, according to GetBucketPolicyStatus';
  const d = { ...data, grants };
  const evidence = { statements: v.result.statements };
  if (restrict.on === true) {
    out.push({ status: 'fail', resource, detail, message: 'publicRestricted', data: { ...d, by: levelsText(restrict.by) }, severity: 'low', evidence });
  } else if (restrict.on === undefined) {
    out.push({ status: 'fail', resource, detail, message: 'publicUnsure', data: { ...d, why: describeMissing(restrict.unread) }, severity: 'critical', evidence });
  } else {
    const block = effectiveSetting(inv, b, 'blockPublicPolicy');
    out.push({ status: 'fail', resource, detail, message: block.on === true ? 'publicDespiteBlock' : 'public', data: d, severity: 'critical', evidence });
  }
  return out;
}

function grantResult(b: Bucket, resource: ResourceRef, g: CrossAccountGrant, opts: Options, neutralised: EffectiveSetting | undefined): CheckResult<Msg> {
  const data = {
    bucket: b.name,
    account: g.account,
    actions: g.actions.join(', '),
    statement: `statement ${g.statement.index}${g.statement.sid ? ` (${g.statement.sid})` : ''}${g.conditional ? ', with conditions' : ''}`,
  };
  const base = { resource, detail: `account:${g.account}`, evidence: { principals: g.principals, through: g.through } };
  if (neutralised?.on === true) return { ...base, status: 'pass', message: 'crossAccountRestricted', data: { ...data, by: levelsText(neutralised.by) } };
  if (opts.trustedAccounts.includes(g.account)) return { ...base, status: 'pass', message: 'crossAccountTrusted', data };
  const elbRegion = ELB_LOG_ACCOUNTS[g.account];
  if (elbRegion && g.actions.every((a) => a === 's3:PutObject')) return { ...base, status: 'pass', message: 'crossAccountElb', data: { ...data, region: elbRegion } };
  return { ...base, status: 'fail', message: 'crossAccount', data, severity: 'high' };
}

function judge(inv: Inventory, b: Bucket, opts: Options): CheckResult<Msg>[] {
  const resource = bucketResource(b);
  const v = policyVerdict(inv, b);
  if (v.kind === 'none') return [{ status: 'pass', resource, detail: 'public', message: 'noPolicy', data: { bucket: b.name } }];
  if (v.kind === 'unread') return [missing(resource, v.attr, `the bucket policy of ${b.name}`, 'public')];
  const doc = b.policy.state === 'ok' ? b.policy.value : {};
  const restrict = effectiveSetting(inv, b, 'restrictPublicBuckets');
  const out: CheckResult<Msg>[] = [];
  let publicPolicy = false;
  if (v.kind === 'undecided') {
    out.push({ status: 'unknown', resource, detail: 'public', message: 'undecided', data: { bucket: b.name, why: v.result.reasons.join('; ') } });
  } else {
    out.push(...publicResult(inv, b, resource, v, restrict));
    publicPolicy = v.publicByEngine || v.publicByAws === true;
  }
  // RestrictPublicBuckets also blocks the cross-account grants of a public policy (S3 API reference).
  const neutralised = publicPolicy ? restrict : undefined;
  for (const g of crossAccountGrants(doc, { ownerAccount: inv.meta.accountId })) out.push(grantResult(b, resource, g, opts, neutralised));
  return out;
}

export default defineCheck<Options, Msg>({
  id: 's3.access-control',
  title: 'No bucket policy opens a bucket to the public or to unintended accounts',
  description:
    'A bucket policy that grants to "*" without a fixed restriction (a VPC endpoint, an organisation, a source IP range) opens the bucket to anyone on the internet; one that names another account lets that account in. The policy engine decides what is public after S3\'s own definition; Block Public Access (RestrictPublicBuckets) can neutralise a public policy, and AWS\'s verdict (GetBucketPolicyStatus) is compared with ours.',
  severity: 'critical',
  guideIds: ['s3.access-control'],
  needs: ['s3.buckets', 's3.accountPublicAccessBlock'],
  permissions: ['s3:ListAllMyBuckets', 's3:GetBucketPolicy', 's3:GetBucketPolicyStatus', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['S3.2', 'S3.3', 'S3.6'] },
  remediation: {
    text: 'Remove or narrow the statements that grant to "*" (serve public content through CloudFront with origin access control instead), name only the accounts that need access, and turn on RestrictPublicBuckets and BlockPublicPolicy at the account level. Use IAM Access Analyzer to review what stays shared.',
    cli: 'aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json\n# edit policy.json, then:\naws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json\naws s3control put-public-access-block --account-id ACCOUNT_ID \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      'BucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref Bucket\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: CloudFrontOnly\n          Effect: Allow\n          Principal: { Service: cloudfront.amazonaws.com }\n          Action: s3:GetObject\n          Resource: !Sub "${Bucket.Arn}/*"\n          Condition:\n            StringEquals:\n              AWS:SourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Distribution}"',
    terraform:
      'data "aws_iam_policy_document" "bucket" {\n  statement {\n    sid       = "CloudFrontOnly"\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.site.arn}/*"]\n    principals {\n      type        = "Service"\n      identifiers = ["cloudfront.amazonaws.com"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "AWS:SourceArn"\n      values   = [aws_cloudfront_distribution.site.arn]\n    }\n  }\n}\n\nresource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = data.aws_iam_policy_document.bucket.json\n}',
  },
  messages: {
    noPolicy: 'Bucket {{bucket}} has no bucket policy: it grants nothing to the public or to other accounts.',
    notPublic: 'The policy of bucket {{bucket}} is not public.',
    public: 'The policy of bucket {{bucket}} is public: {{grants}}.',
    publicDespiteBlock:
      'The policy of bucket {{bucket}} is public: {{grants}}. BlockPublicPolicy is on, but it only refuses new public policies: this one predates it and still applies.',
    publicRestricted:
      'The policy of bucket {{bucket}} is public ({{grants}}), but RestrictPublicBuckets (on for {{by}}) neutralises it: only AWS services and this account\'s users get in. Remove the statements before that setting changes.',
    publicUnsure: 'The policy of bucket {{bucket}} is public ({{grants}}); whether RestrictPublicBuckets neutralises it is unknown ({{why}}).',
    undecided: 'Could not decide whether the policy of bucket {{bucket}} is public: {{why}}.',
    disagree:
      'Rampart and AWS disagree about the policy of bucket {{bucket}}: the policy engine finds it {{engine}}, GetBucketPolicyStatus says {{aws}}. Review the policy by hand; Rampart reports the more cautious answer.',
    crossAccount: 'The policy of bucket {{bucket}} lets account {{account}} in ({{actions}}; {{statement}}), and that account is not among the trusted accounts.',
    crossAccountTrusted: 'The policy of bucket {{bucket}} lets trusted account {{account}} in ({{actions}}; {{statement}}).',
    crossAccountElb: 'The policy of bucket {{bucket}} lets the Elastic Load Balancing log delivery account of {{region}} ({{account}}) write access logs ({{statement}}).',
    crossAccountRestricted:
      'The policy of bucket {{bucket}} names account {{account}} ({{actions}}; {{statement}}), but RestrictPublicBuckets (on for {{by}}) blocks cross-account access through this public policy.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    return forEachBucket<Msg>(inventory, (b) => judge(inventory, b, options));
  },
});
