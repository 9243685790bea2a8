import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './bucket-encryption.js';
import { bucket, buckets, KEY, trail, trailArn, trails } from './__tests__/fixtures.js';

const noKey = trail('main', { kmsKeyId: undefined });
const T = trailArn('main');

testCheck(check, {
  pass: [
    {
      name: 'SSE-KMS on the trail: the bucket need not be read',
      inventory: [trails('us-east-1', trail('main'))],
      findings: [{ status: 'pass', resourceId: T, message: `Trail main encrypts its logs with KMS key ${KEY}.` }],
    },
    {
      name: 'no key on the trail, SSE-KMS by default on the bucket',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: ok({ rules: [{ algorithm: 'aws:kms', kmsKeyId: KEY }] }) }))],
      findings: [{ status: 'pass', resourceId: T, message: 'Trail main writes to bucket trail-logs, whose default encryption is SSE-KMS.' }],
    },
    {
      name: 'SSE-S3 on the bucket passes, as a note',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs'))],
      findings: [
        {
          status: 'pass',
          resourceId: T,
          severity: 'info',
          message: 'Trail main writes to bucket trail-logs, encrypted with S3-managed keys (SSE-S3) only; SSE-KMS on the trail also controls who can decrypt.',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'no key and no default encryption',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: absent() }))],
      findings: [{ status: 'fail', resourceId: T, message: 'Trail main has no KMS key and its bucket trail-logs has no default encryption.' }],
    },
    {
      name: 'SSE-S3 when the configuration requires SSE-KMS (CIS 3.5)',
      options: { requireKms: true },
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs'))],
      findings: [
        { status: 'fail', resourceId: T, message: 'Trail main has no KMS key: its logs in bucket trail-logs are encrypted with S3-managed keys (SSE-S3) only, and this configuration requires SSE-KMS.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'the bucket belongs to another account: unknown, never fail',
      inventory: [trails('us-east-1', noKey), buckets(bucket('some-other-bucket'))],
      findings: [
        {
          status: 'unknown',
          resourceId: T,
          message: "Trail main has no KMS key, and its bucket trail-logs is not among this account's buckets (an organisation trail or another account's log archive): scan that account to judge its encryption.",
        },
      ],
    },
    {
      name: 'the encryption could not be read',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: failed('s3:GetEncryptionConfiguration', 'AccessDenied') }))],
      findings: [{ status: 'unknown', resourceId: T, message: 'Could not read the default encryption of bucket trail-logs: s3:GetEncryptionConfiguration failed: AccessDenied.' }],
    },
    {
      name: 'the bucket list could not be read',
      inventory: [trails('us-east-1', noKey)],
      findings: [{ status: 'unknown', resourceId: T, message: 'Could not read the bucket of trail main: s3:ListAllMyBuckets failed: not collected: not part of this inventory.' }],
    },
  ],
});
