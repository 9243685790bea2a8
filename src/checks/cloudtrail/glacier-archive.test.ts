import { absent, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './glacier-archive.js';
import { bucket, buckets, trail, trailArn, trails } from './__tests__/fixtures.js';

const T = trailArn('main');
const rule = (prefix: string, storageClass: string, enabled = true) => ({ id: `r-${storageClass}`, enabled, prefix, transitions: [{ days: 30, storageClass }] });

testCheck(check, {
  pass: [
    {
      name: 'a whole-bucket rule to GLACIER',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs'))],
      findings: [{ status: 'pass', resourceId: T, message: 'Trail main: bucket trail-logs moves its logs to GLACIER after 90 days (rule archive).' }],
    },
    {
      name: 'a rule on the trail prefix to DEEP_ARCHIVE',
      inventory: [trails('us-east-1', trail('main', { s3KeyPrefix: 'trails/' })), buckets(bucket('trail-logs', { lifecycle: ok([rule('trails/AWSLogs/', 'DEEP_ARCHIVE')]) }))],
      findings: [{ status: 'pass', resourceId: T, message: 'Trail main: bucket trail-logs moves its logs to DEEP_ARCHIVE after 30 days (rule r-DEEP_ARCHIVE).' }],
    },
  ],
  fail: [
    {
      name: 'no lifecycle configuration',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { lifecycle: absent() }))],
      findings: [{ status: 'fail', resourceId: T, message: 'Trail main: bucket trail-logs has no lifecycle configuration, so its logs never move to Glacier.' }],
    },
    {
      name: 'rules that do not archive the logs: another prefix, a disabled rule, a non-Glacier class',
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(bucket('trail-logs', { lifecycle: ok([rule('images/', 'GLACIER'), rule('', 'DEEP_ARCHIVE', false), rule('AWSLogs/', 'STANDARD_IA')]) })),
      ],
      findings: [{ status: 'fail', resourceId: T, message: 'Trail main: no enabled lifecycle rule of bucket trail-logs moves its logs to a Glacier class.' }],
    },
  ],
  unknown: [
    {
      name: "another account's bucket",
      inventory: [trails('us-east-1', trail('main', { s3BucketName: 'central-logs' })), buckets(bucket('trail-logs'))],
      findings: [
        {
          status: 'unknown',
          resourceId: T,
          message: "Trail main: bucket central-logs is not among this account's buckets (an organisation trail or another account's log archive): scan that account to judge it.",
        },
      ],
    },
  ],
});
