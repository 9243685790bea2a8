import { ALL_USERS_URI, AUTHENTICATED_USERS_URI, describeMissing, type Bucket, type Grant, type Inventory } from '../../inventory/index.js';
import { missing } from '../helpers.js';
import { defineCheck, type CheckResult, type Severity } from '../types.js';
import { bucketResource, forEachBucket } from './buckets.js';
import { effectiveSetting, levelsText } from './public-access-block.js';

type Msg = 'disabled' | 'clean' | 'cleanIgnored' | 'objectAcls' | 'objectAclsUnread' | 'public' | 'publicIgnored' | 'publicUnsure' | 'missing';

const GROUPS: Record<string, string> = {
  [ALL_USERS_URI]: 'AllUsers (anyone, anonymous included)',
  [AUTHENTICATED_USERS_URI]: 'AuthenticatedUsers (any AWS account)',
};
const WRITES = new Set<Grant['permission']>(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

function publicGrants(b: Bucket): Grant[] {
  return b.acl.state === 'ok' ? b.acl.value.grants.filter((g) => g.grantee.type === 'Group' && g.grantee.uri !== undefined && g.grantee.uri in GROUPS) : [];
}

const grantText = (g: Grant) => `${g.permission} to ${GROUPS[g.grantee.uri ?? '']}`;

function judge(inv: Inventory, b: Bucket): CheckResult<Msg>[] {
  const resource = bucketResource(b);
  const data = { bucket: b.name };
  // With BucketOwnerEnforced, S3 ignores every ACL, bucket and object alike.
  if (b.ownershipControls.state === 'ok' && b.ownershipControls.value === 'BucketOwnerEnforced') {
    return [{ status: 'pass', resource, message: 'disabled', data }];
  }
  if (b.acl.state !== 'ok') return [missing(resource, b.acl, `the ACL of bucket ${b.name}`)];
  const ignore = effectiveSetting(inv, b, 'ignorePublicAcls');
  const grants = publicGrants(b);
  if (grants.length > 0) {
    const severity: Severity = grants.some((g) => WRITES.has(g.permission)) ? 'critical' : 'high';
    const d = { ...data, grants: grants.map(grantText).join(', ') };
    if (ignore.on === true) return [{ status: 'fail', resource, message: 'publicIgnored', data: { ...d, by: levelsText(ignore.by) }, severity: 'low' }];
    if (ignore.on === undefined) return [{ status: 'fail', resource, message: 'publicUnsure', data: { ...d, why: describeMissing(ignore.unread) }, severity }];
    return [{ status: 'fail', resource, message: 'public', data: d, severity }];
  }
  if (ignore.on === true) return [{ status: 'pass', resource, message: 'cleanIgnored', data: { ...data, by: levelsText(ignore.by) } }];
  const clean: CheckResult<Msg> = { status: 'pass', resource, message: 'clean', data };
  // Objects exist only in a live account: a template has none to worry about.
  if (inv.meta.source !== 'aws') return [clean];
  // The bucket ACL is clean, but object ACLs (not read: one call per object) are still honoured.
  const objects: CheckResult<Msg> =
    ignore.on === false
      ? { status: 'manual', resource, detail: 'object-acls', message: 'objectAcls', data, severity: 'low' }
      : { status: 'manual', resource, detail: 'object-acls', message: 'objectAclsUnread', data: { ...data, why: describeMissing(ignore.unread) }, severity: 'low' };
  return [clean, objects];
}

export default defineCheck<Record<string, never>, Msg>({
  id: 's3.acl',
  title: 'No bucket or object ACL grants access to AllUsers or AuthenticatedUsers',
  description:
    'S3 evaluates ACLs together with policies: a grant to AllUsers opens the bucket to anyone, and one to AuthenticatedUsers to anyone with an AWS account, whatever the bucket policy says. IgnorePublicAcls makes S3 ignore such grants; Object Ownership "bucket owner enforced" disables ACLs altogether, for the bucket and every object.',
  severity: 'high',
  guideIds: ['s3.acl'],
  needs: ['s3.buckets', 's3.accountPublicAccessBlock'],
  permissions: ['s3:ListAllMyBuckets', 's3:GetBucketAcl', 's3:GetBucketOwnershipControls', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['S3.2', 'S3.3', 'S3.12'] },
  remediation: {
    text: 'Disable ACLs: set Object Ownership to BucketOwnerEnforced (first reset the bucket ACL to private; grant any access that remains needed through the bucket policy). Turn on IgnorePublicAcls and BlockPublicAcls at the account level.',
    cli: 'aws s3api put-bucket-acl --bucket BUCKET --acl private\naws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    OwnershipControls:\n      Rules:\n        - ObjectOwnership: BucketOwnerEnforced\n    # and no AccessControl property',
    terraform:
      'resource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n# and remove any aws_s3_bucket_acl resource for the bucket',
  },
  messages: {
    disabled: 'Bucket {{bucket}} has ACLs disabled (Object Ownership: BucketOwnerEnforced): no bucket or object ACL grants access.',
    clean: 'The ACL of bucket {{bucket}} grants nothing to AllUsers or AuthenticatedUsers.',
    cleanIgnored: 'The ACL of bucket {{bucket}} grants nothing to AllUsers or AuthenticatedUsers, and IgnorePublicAcls (on for {{by}}) makes S3 ignore public object ACLs.',
    objectAcls:
      'Object ACLs of bucket {{bucket}} are not read, and nothing stops them from making objects public (ACLs enabled, IgnorePublicAcls off). Verify with aws s3api get-object-acl, or disable ACLs with BucketOwnerEnforced.',
    objectAclsUnread:
      'Object ACLs of bucket {{bucket}} are not read, and whether IgnorePublicAcls neutralises them is unknown ({{why}}). Verify with aws s3api get-object-acl, or disable ACLs with BucketOwnerEnforced.',
    public: 'The ACL of bucket {{bucket}} grants {{grants}}. Disable ACLs with BucketOwnerEnforced.',
    publicIgnored:
      'The ACL of bucket {{bucket}} grants {{grants}}; IgnorePublicAcls (on for {{by}}) neutralises it for now. Remove the grant by disabling ACLs with BucketOwnerEnforced.',
    publicUnsure:
      'The ACL of bucket {{bucket}} grants {{grants}}; whether IgnorePublicAcls neutralises it is unknown ({{why}}). Disable ACLs with BucketOwnerEnforced.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachBucket<Msg>(inventory, (b) => judge(inventory, b));
  },
});
