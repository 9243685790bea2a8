import { absent, failed, ok, type Grant } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './acl.js';
import { ALL_OFF, ALL_ON, AUTHENTICATED_USERS_URI, bucket, type BucketInput, bucketArn, OWNER_ID, publicGrant, s3 } from './__tests__/fixtures.js';

const B = bucketArn('legacy');
const owner: Grant = { grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' };
const logDelivery: Grant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' };
/** A bucket from before 2023: ACLs enabled, no ownership controls. */
const legacy = (grants: Grant[], over: Partial<BucketInput> = {}) =>
  bucket('legacy', { ownershipControls: absent(), publicAccessBlock: absent(), acl: ok({ owner: { id: OWNER_ID }, grants: [owner, ...grants] }), ...over });

testCheck(check, {
  pass: [
    {
      name: 'ACLs disabled, even when the ACL itself could not be read',
      inventory: [s3([bucket('data'), bucket('other', { acl: failed('s3:GetBucketAcl', 'AccessDenied') })])],
      findings: [
        { status: 'pass', resourceId: bucketArn('data'), message: 'Bucket data has ACLs disabled (Object Ownership: BucketOwnerEnforced): no bucket or object ACL grants access.' },
        { status: 'pass', resourceId: bucketArn('other'), message: 'Bucket other has ACLs disabled (Object Ownership: BucketOwnerEnforced): no bucket or object ACL grants access.' },
      ],
    },
    {
      name: 'ACLs enabled, no public grant (the log-delivery group is not public), IgnorePublicAcls from the account',
      inventory: [s3([legacy([logDelivery])], ALL_ON)],
      findings: [
        {
          status: 'pass',
          resourceId: B,
          message: 'The ACL of bucket legacy grants nothing to AllUsers or AuthenticatedUsers, and IgnorePublicAcls (on for the account) makes S3 ignore public object ACLs.',
        },
      ],
    },
    {
      name: 'clean ACLs enabled and nothing ignoring object ACLs: the objects are left to verify by hand',
      inventory: [s3([legacy([])])],
      findings: [
        { status: 'pass', resourceId: B, message: 'The ACL of bucket legacy grants nothing to AllUsers or AuthenticatedUsers.' },
        {
          status: 'manual',
          resourceId: B,
          detail: 'object-acls',
          severity: 'low',
          message:
            'Object ACLs of bucket legacy are not read, and nothing stops them from making objects public (ACLs enabled, IgnorePublicAcls off). Verify with aws s3api get-object-acl, or disable ACLs with BucketOwnerEnforced.',
        },
      ],
    },
    {
      name: 'a template bucket with a private ACL has no objects to verify',
      source: 'cloudformation',
      inventory: [{ s3: { buckets: ok([legacy([])]) } }],
      findings: [{ status: 'pass', resourceId: B, message: 'The ACL of bucket legacy grants nothing to AllUsers or AuthenticatedUsers.' }],
    },
    {
      name: 'clean bucket ACL, object ACLs unverifiable because IgnorePublicAcls is unknown',
      inventory: [{ s3: { accountPublicAccessBlock: failed('s3:GetAccountPublicAccessBlock', 'AccessDenied'), buckets: ok([legacy([])]) } }],
      findings: [
        { status: 'pass', resourceId: B, message: 'The ACL of bucket legacy grants nothing to AllUsers or AuthenticatedUsers.' },
        {
          status: 'manual',
          resourceId: B,
          detail: 'object-acls',
          severity: 'low',
          message:
            'Object ACLs of bucket legacy are not read, and whether IgnorePublicAcls neutralises them is unknown (s3:GetAccountPublicAccessBlock failed: AccessDenied). Verify with aws s3api get-object-acl, or disable ACLs with BucketOwnerEnforced.',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'public read',
      inventory: [s3([legacy([publicGrant('READ')])], ALL_OFF)],
      findings: [
        { status: 'fail', resourceId: B, severity: 'high', message: 'The ACL of bucket legacy grants READ to AllUsers (anyone, anonymous included). Disable ACLs with BucketOwnerEnforced.' },
      ],
    },
    {
      name: 'write for any AWS account is critical',
      inventory: [s3([legacy([publicGrant('READ'), publicGrant('WRITE', AUTHENTICATED_USERS_URI)])], ALL_OFF)],
      findings: [
        {
          status: 'fail',
          resourceId: B,
          severity: 'critical',
          message:
            'The ACL of bucket legacy grants READ to AllUsers (anyone, anonymous included), WRITE to AuthenticatedUsers (any AWS account). Disable ACLs with BucketOwnerEnforced.',
        },
      ],
    },
    {
      name: "a public grant neutralised by the bucket's IgnorePublicAcls is still reported, at low severity",
      inventory: [s3([legacy([publicGrant('FULL_CONTROL')], { publicAccessBlock: ok({ ...ALL_OFF, ignorePublicAcls: true }) })], ALL_OFF)],
      findings: [
        {
          status: 'fail',
          resourceId: B,
          severity: 'low',
          message:
            'The ACL of bucket legacy grants FULL_CONTROL to AllUsers (anyone, anonymous included); IgnorePublicAcls (on for the bucket) neutralises it for now. Remove the grant by disabling ACLs with BucketOwnerEnforced.',
        },
      ],
    },
    {
      name: 'a public grant where IgnorePublicAcls could not be read keeps its severity',
      inventory: [{ s3: { accountPublicAccessBlock: failed('s3:GetAccountPublicAccessBlock', 'AccessDenied'), buckets: ok([legacy([publicGrant('READ_ACP')])]) } }],
      findings: [
        {
          status: 'fail',
          resourceId: B,
          severity: 'high',
          message:
            'The ACL of bucket legacy grants READ_ACP to AllUsers (anyone, anonymous included); whether IgnorePublicAcls neutralises it is unknown (s3:GetAccountPublicAccessBlock failed: AccessDenied). Disable ACLs with BucketOwnerEnforced.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'the ACL could not be read and ACLs are not known to be disabled',
      inventory: [s3([bucket('data', { ownershipControls: failed('s3:GetBucketOwnershipControls', 'AccessDenied'), acl: failed('s3:GetBucketAcl', 'AccessDenied') })], ALL_ON)],
      findings: [{ status: 'unknown', resourceId: bucketArn('data'), message: 'Could not read the ACL of bucket data: s3:GetBucketAcl failed: AccessDenied.' }],
    },
  ],
});
