import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './bucket-encryption.js';
import { bucket, buckets, KEY, trail, trailArn, trails } from './__tests__/fixtures.js';

const noKey = trail('main', { kmsKeyId: undefined });
const T = trailArn('main');
const ownKey = { status: 'pass' as const, resourceId: T, detail: 'trail-kms', message: 'Trail main has its own KMS key: reading its logs needs kms:Decrypt as well as s3:GetObject.' };
const noOwnKey = {
  status: 'fail' as const,
  resourceId: T,
  detail: 'trail-kms',
  severity: 'low' as const,
  message: 'Trail main has no KMS key of its own (CIS 3.5, FSBP CloudTrail.2): anyone with s3:GetObject on the bucket reads its logs.',
};
const atRest = (status: 'pass' | 'fail' | 'unknown', message: string) => ({ status, resourceId: T, detail: 'at-rest', message });

testCheck(check, {
  pass: [
    {
      name: 'SSE-KMS on the trail: the bucket need not be read',
      inventory: [trails('us-east-1', trail('main'))],
      findings: [atRest('pass', `Trail main encrypts its logs with KMS key ${KEY}.`), ownKey],
    },
    {
      name: "SSE-S3 on the bucket is the guide's encryption at rest; the CIS verdict can be left out",
      options: { trailKmsVerdict: false },
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs'))],
      findings: [atRest('pass', 'Trail main writes to bucket trail-logs, encrypted at rest with S3-managed keys (SSE-S3).')],
    },
  ],
  fail: [
    {
      name: 'SSE-KMS by default on the bucket: encrypted at rest, but the trail has no key of its own',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: ok({ rules: [{ algorithm: 'aws:kms', kmsKeyId: KEY }] }) }))],
      findings: [atRest('pass', 'Trail main writes to bucket trail-logs, whose default encryption is SSE-KMS.'), noOwnKey],
    },
    {
      // CloudTrail encrypts its deliveries with SSE-S3 when the trail names no key: absent bucket
      // encryption is no unencrypted log, only the missing trail key (CIS 3.5) fails.
      name: 'no key and no default encryption: the logs are still SSE-S3, the trail key is what is missing',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: absent() }))],
      findings: [
        atRest('pass', 'Trail main writes to bucket trail-logs, which names no default encryption: CloudTrail still encrypts every log file it delivers with S3-managed keys (SSE-S3).'),
        noOwnKey,
      ],
    },
  ],
  unknown: [
    {
      name: 'the bucket belongs to another account: unknown, never fail for that alone',
      inventory: [trails('us-east-1', noKey), buckets(bucket('some-other-bucket'))],
      findings: [
        atRest(
          'unknown',
          "Trail main has no KMS key, and its bucket trail-logs is not among this account's buckets (an organisation trail or another account's log archive): scan that account to judge its encryption.",
        ),
        noOwnKey,
      ],
    },
    {
      name: 'the encryption could not be read',
      inventory: [trails('us-east-1', noKey), buckets(bucket('trail-logs', { encryption: failed('s3:GetEncryptionConfiguration', 'AccessDenied') }))],
      findings: [atRest('unknown', 'Could not read the default encryption of bucket trail-logs: s3:GetEncryptionConfiguration failed: AccessDenied.'), noOwnKey],
    },
    {
      name: 'the bucket list could not be read',
      options: { trailKmsVerdict: false },
      inventory: [trails('us-east-1', noKey)],
      findings: [atRest('unknown', 'Could not read the bucket of trail main: s3:ListAllMyBuckets failed: not collected: not part of this inventory.')],
    },
  ],
});
