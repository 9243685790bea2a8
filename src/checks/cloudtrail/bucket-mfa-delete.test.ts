import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './bucket-mfa-delete.js';
import { bucket, bucketArn, buckets, trail, trails } from './__tests__/fixtures.js';

const B = bucketArn('trail-logs');

testCheck(check, {
  pass: [
    {
      name: 'two trails share one bucket: one result for the bucket',
      inventory: [trails('us-east-1', trail('main'), trail('second')), buckets(bucket('trail-logs'))],
      findings: [{ status: 'pass', resourceId: B, message: 'Bucket trail-logs (trail main, second) is versioned with MFA Delete.' }],
    },
  ],
  fail: [
    {
      name: 'versioned without MFA Delete',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { versioning: ok({ status: 'Enabled', mfaDelete: 'Disabled' }) }))],
      findings: [{ status: 'fail', resourceId: B, message: 'Bucket trail-logs (trail main) is versioned, but without MFA Delete: its log versions can be purged with a stolen key.' }],
    },
    {
      name: 'versioning suspended (MFA Delete left Enabled does not help)',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { versioning: ok({ status: 'Suspended', mfaDelete: 'Enabled' }) }))],
      findings: [{ status: 'fail', resourceId: B, message: 'Bucket trail-logs (trail main) is not versioned (versioning Suspended): deleted logs are gone for good.' }],
    },
    {
      name: 'never versioned, recorded as absent',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { versioning: absent() }))],
      findings: [{ status: 'fail', resourceId: B, message: 'Bucket trail-logs (trail main) is not versioned (versioning never enabled): deleted logs are gone for good.' }],
    },
  ],
  unknown: [
    {
      name: 'an organisation trail delivering to the management account',
      inventory: [trails('us-east-1', trail('org', { isOrganizationTrail: true, s3BucketName: 'org-log-archive' })), buckets(bucket('trail-logs'))],
      findings: [
        {
          status: 'unknown',
          resourceId: bucketArn('org-log-archive'),
          message: "Bucket org-log-archive (trail org) is not among this account's buckets (an organisation trail or another account's log archive): scan that account to judge it.",
        },
      ],
    },
    {
      name: 'versioning could not be read',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { versioning: failed('s3:GetBucketVersioning', 'AccessDenied') }))],
      findings: [{ status: 'unknown', resourceId: B, message: 'Could not read the versioning of bucket trail-logs: s3:GetBucketVersioning failed: AccessDenied.' }],
    },
  ],
});
