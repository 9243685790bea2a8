import { absent, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './bucket-policy.js';
import { ADMIN_ARN, allow, iam, inline, doc, user } from '../account/__tests__/fixtures.js';
import { bucket, bucketArn, buckets, cloudtrailPolicy, trail, trailArn, trails } from './__tests__/fixtures.js';

const B = bucketArn('trail-logs');
const MAIN = trailArn('main');
const people = iam({ users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] }), user('reader', { inlinePolicies: [inline('ro', doc(allow(['s3:GetObject', 's3:ListBucket'])))] })] });
const writes = { status: 'pass' as const, resourceId: B, detail: 'write', message: 'Bucket trail-logs lets CloudTrail deliver the logs of main.' };
const notPublic = { status: 'pass' as const, resourceId: B, detail: 'public', message: 'The policy of bucket trail-logs grants nothing to the public.' };
const onlyDave = { status: 'pass' as const, resourceId: B, detail: 'delete', message: 'Only administrators can delete or expire the logs in bucket trail-logs (user dave).' };
const publicRead = { Sid: 'Website', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${B}/*` };

testCheck(check, {
  pass: [
    { name: "the console's policy, with aws:SourceArn; only an administrator can delete", inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs')), people], findings: [writes, notPublic, onlyDave] },
    {
      name: 'a public statement neutralised by RestrictPublicBuckets at the account level',
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(bucket('trail-logs', { policy: ok(cloudtrailPolicy('trail-logs', [MAIN], [publicRead])), publicAccessBlock: absent() })),
        { s3: { accountPublicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }) } },
        people,
      ],
      findings: [
        writes,
        {
          status: 'pass',
          resourceId: B,
          detail: 'public',
          severity: 'low',
          message: 'The policy of bucket trail-logs is public (statement 2 (Website): Principal "*" (everyone, anonymous callers included); no Condition limits it), but Block Public Access (RestrictPublicBuckets) keeps the public out.',
        },
        onlyDave,
      ],
    },
  ],
  fail: [
    {
      name: 'no bucket policy: CloudTrail cannot deliver',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { policy: absent() })), people],
      findings: [
        { status: 'fail', resourceId: B, detail: 'write', severity: 'critical', message: 'Bucket trail-logs does not let CloudTrail deliver the logs of trail main (the bucket has no policy): logging fails.' },
        notPublic,
        onlyDave,
      ],
    },
    {
      name: "a policy copied from another account's template, naming its account id",
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(bucket('trail-logs', { policy: ok(JSON.parse(JSON.stringify(cloudtrailPolicy('trail-logs', [MAIN])).replaceAll(`AWSLogs/${TEST_ACCOUNT}/`, 'AWSLogs/111122223333/'))) })),
        people,
      ],
      findings: [
        { status: 'fail', resourceId: B, detail: 'write', severity: 'critical', message: 'Bucket trail-logs does not let CloudTrail deliver the logs of trail main (no statement allows it): logging fails.' },
        notPublic,
        onlyDave,
      ],
    },
    {
      name: 'a public read statement without Block Public Access',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { policy: ok(cloudtrailPolicy('trail-logs', [MAIN], [publicRead])), publicAccessBlock: absent() })), people],
      findings: [
        writes,
        { status: 'fail', resourceId: B, detail: 'public', severity: 'critical', message: 'The policy of bucket trail-logs is public: statement 2 (Website): Principal "*" (everyone, anonymous callers included); no Condition limits it.' },
        onlyDave,
      ],
    },
    {
      name: 'a deploy user with s3:DeleteObject everywhere, and an auditor account the policy lets delete',
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(
          bucket('trail-logs', {
            policy: ok(cloudtrailPolicy('trail-logs', [MAIN], [{ Sid: 'Auditor', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: ['s3:GetObject', 's3:DeleteObject'], Resource: `${B}/*` }])),
          }),
        ),
        iam({ users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] }), user('ci', { inlinePolicies: [inline('deploy', doc(allow(['s3:PutObject', 's3:DeleteObject'])))] })] }),
      ],
      findings: [
        writes,
        notPublic,
        { status: 'fail', resourceId: B, detail: 'delete', message: 'In bucket trail-logs, user ci, account 444455556666 (arn:aws:iam::444455556666:root) can delete or expire logs (s3:DeleteObject) without being administrators.' },
      ],
    },
  ],
  unknown: [
    {
      name: "an organisation trail's bucket in the management account",
      inventory: [trails('us-east-1', trail('org', { isOrganizationTrail: true, s3BucketName: 'org-archive' })), buckets(bucket('trail-logs')), people],
      findings: [
        {
          status: 'unknown',
          resourceId: bucketArn('org-archive'),
          message: "Bucket org-archive (trail org) is not among this account's buckets (an organisation trail or another account's log archive): scan that account to judge its policy.",
        },
      ],
    },
    {
      name: 'a policy AWS would reject (a misspelt Condition element) is never read as open or closed',
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(bucket('trail-logs', { policy: ok({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:*', Resource: `${B}/*`, Conditions: {} }] }) })),
        iam({}),
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: B,
          detail: 'write',
          message: 'Could not decide whether bucket trail-logs lets CloudTrail deliver the logs of trail main: the policy cannot be read (resource policy "bucket policy of trail-logs": statement 0: unknown element "Conditions").',
        },
        {
          status: 'unknown',
          resourceId: B,
          detail: 'public',
          message: 'Could not decide whether the policy of bucket trail-logs is public: cannot read the policy: resource policy "resource policy": statement 0: unknown element "Conditions".',
        },
        {
          status: 'unknown',
          resourceId: B,
          detail: 'delete',
          message:
            'Could not decide who can delete the logs in bucket trail-logs: the bucket policy cannot be read (resource policy "bucket policy of trail-logs": statement 0: unknown element "Conditions"), and it may grant deletes.',
        },
      ],
    },
  ],
});
