import { describeMissing, type Bucket } from '../../inventory/index.js';
import { isPolicyParseError, parsePolicy } from '../../policy/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { bucketResource, forEachBucket } from './buckets.js';

type Msg = 'verify' | 'verifyConstrained' | 'verifyUnread' | 'missing';

/** The condition keys with which a bucket policy can govern presigned requests. */
const PRESIGN_KEYS = new Set(['s3:signatureage', 's3:authtype']);

/** Statements that test s3:signatureAge or s3:authType, in words; undefined when the policy cannot be parsed. */
function constraints(b: Bucket): string[] | undefined {
  if (b.policy.state !== 'ok') return [];
  const parsed = parsePolicy(b.policy.value, { type: 'resource', name: `bucket policy of ${b.name}`, attachedTo: b.name });
  if (isPolicyParseError(parsed)) return undefined;
  return parsed.statements.flatMap((st) =>
    st.conditions
      .filter((c) => PRESIGN_KEYS.has(c.keyLower))
      .map((c) => `statement ${st.index}${st.sid ? ` (${st.sid})` : ''} ${st.effect === 'Deny' ? 'denies' : 'allows'} when ${c.operator} ${c.key} ${c.values.join(' or ')}`),
  );
}

function judge(b: Bucket): CheckResult<Msg>[] {
  const resource = bucketResource(b);
  const data = { bucket: b.name };
  if (b.policy.state !== 'ok' && b.policy.state !== 'absent') {
    return [{ status: 'manual', resource, message: 'verifyUnread', data: { ...data, why: describeMissing(b.policy) } }];
  }
  const found = constraints(b);
  if (found === undefined) return [{ status: 'manual', resource, message: 'verifyUnread', data: { ...data, why: 'the policy engine cannot parse it' } }];
  return found.length > 0
    ? [{ status: 'manual', resource, message: 'verifyConstrained', data: { ...data, constraints: found.join('; ') } }]
    : [{ status: 'manual', resource, message: 'verify', data }];
}

const GUIDANCE =
  'Verify by hand how presigned (query-string authenticated) URLs for bucket {{bucket}} are issued: they should expire within minutes (not the 7-day maximum), be handed out only after your application has checked who is asking, and never replace access control, since anyone holding the link can download and the bucket owner pays the transfer.';

export default defineCheck<Record<string, never>, Msg>({
  id: 's3.presigned-url',
  title: 'Presigned downloads expire quickly and are not treated as access control',
  description:
    'A presigned URL carries its own signature: whoever has the link can use it until it expires, up to 7 days for IAM user keys. It keeps casual mischief away but is not security, and every download is billed to the bucket owner. No API lists the URLs that were issued, so their use is verified by hand; a bucket policy can cap their age with s3:signatureAge or refuse them with s3:authType.',
  severity: 'low',
  guideIds: ['s3.presigned-url'],
  needs: ['s3.buckets'],
  permissions: ['s3:ListAllMyBuckets', 's3:GetBucketPolicy'],
  sources: ['aws'],
  remediation: {
    text: 'Issue presigned URLs with short expiry (minutes), from role credentials whose session also ends soon, and only after your own authorisation check. Cap their age in the bucket policy by denying requests whose s3:signatureAge exceeds, say, 10 minutes (600000 ms), or deny s3:authType REST-QUERY-STRING on buckets that never need them. For private downloads at scale, serve through CloudFront signed URLs with a trusted key group.',
    cli: 'aws s3 presign s3://BUCKET/KEY --expires-in 300\n# Cap presigned URLs at 10 minutes for every caller:\naws s3api put-bucket-policy --bucket BUCKET --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"MaxSignatureAge","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"NumericGreaterThan":{"s3:signatureAge":"600000"}}}]}\'',
    cloudformation:
      'BucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref Bucket\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: MaxSignatureAge\n          Effect: Deny\n          Principal: "*"\n          Action: "s3:*"\n          Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]\n          Condition:\n            NumericGreaterThan:\n              s3:signatureAge: 600000',
    terraform:
      'data "aws_iam_policy_document" "max_signature_age" {\n  statement {\n    sid       = "MaxSignatureAge"\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.downloads.arn, "${aws_s3_bucket.downloads.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "NumericGreaterThan"\n      variable = "s3:signatureAge"\n      values   = ["600000"]\n    }\n  }\n}',
  },
  messages: {
    verify: `${GUIDANCE} Its bucket policy sets no limit (no s3:signatureAge or s3:authType condition).`,
    verifyConstrained: `${GUIDANCE} Its bucket policy constrains them: {{constraints}}.`,
    verifyUnread: `${GUIDANCE} Whether its bucket policy limits them is unknown: {{why}}.`,
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachBucket<Msg>(inventory, judge);
  },
});
