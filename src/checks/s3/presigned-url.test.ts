import { failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './presigned-url.js';
import { bucket, bucketArn, s3 } from './__tests__/fixtures.js';

const GUIDANCE = (b: string) =>
  `Verify by hand how presigned (query-string authenticated) URLs for bucket ${b} are issued: they should expire within minutes (not the 7-day maximum), be handed out only after your application has checked who is asking, and never replace access control, since anyone holding the link can download and the bucket owner pays the transfer.`;
const maxAge = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'TLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::downloads/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    { Sid: 'MaxSignatureAge', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::downloads/*', Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } } },
    { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::downloads/private/*', Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } } },
  ],
};

testCheck(check, {
  pass: [
    {
      name: 'each bucket gets concrete guidance; a policy that caps signature age and refuses query-string auth is quoted',
      inventory: [s3([bucket('data'), bucket('downloads', { policy: ok(maxAge) })])],
      findings: [
        { status: 'manual', resourceId: bucketArn('data'), message: `${GUIDANCE('data')} Its bucket policy sets no limit (no s3:signatureAge or s3:authType condition).` },
        {
          status: 'manual',
          resourceId: bucketArn('downloads'),
          message: `${GUIDANCE('downloads')} Its bucket policy constrains them: statement 1 (MaxSignatureAge) denies when NumericGreaterThan s3:signatureAge 600000; statement 2 denies when StringEquals s3:authType REST-QUERY-STRING.`,
        },
      ],
    },
    {
      name: 'a policy that could not be read is named, and the guidance still given',
      inventory: [s3([bucket('data', { policy: failed('s3:GetBucketPolicy', 'AccessDenied') })])],
      findings: [
        { status: 'manual', resourceId: bucketArn('data'), message: `${GUIDANCE('data')} Whether its bucket policy limits them is unknown: s3:GetBucketPolicy failed: AccessDenied.` },
      ],
    },
  ],
  fail: [],
  unknown: [
    {
      name: 'the buckets could not be listed',
      inventory: [{ s3: { buckets: failed('s3:ListAllMyBuckets', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, message: 'Could not read the S3 buckets: s3:ListAllMyBuckets failed: AccessDenied.' }],
    },
  ],
});
