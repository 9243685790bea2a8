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
    {
      name: 'an organisation trail archived by a rule on its organisation folder, after a tag-filtered rule',
      inventory: [
        trails('us-east-1', trail('main', { isOrganizationTrail: true })),
        buckets(bucket('trail-logs', { lifecycle: ok([{ ...rule('', 'GLACIER'), id: 'tagged', tags: { archive: 'yes' } }, rule('AWSLogs/o-a1b2c3d4e5/', 'GLACIER')]) })),
      ],
      findings: [{ status: 'pass', resourceId: T, message: 'Trail main: bucket trail-logs moves its logs to GLACIER after 30 days (rule r-GLACIER).' }],
    },
  ],
  fail: [
    {
      name: 'a tag-filtered rule never applies: CloudTrail does not tag its logs',
      inventory: [
        trails('us-east-1', trail('main')),
        buckets(bucket('trail-logs', { lifecycle: ok([{ ...rule('AWSLogs/', 'GLACIER'), tags: { class: 'logs', tier: 'cold' } }]) })),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: T,
          message: 'Trail main: rule r-GLACIER of bucket trail-logs moves to GLACIER only objects tagged class=logs, tier=cold; CloudTrail does not tag its log files, so the rule never applies to them.',
        },
      ],
    },
    {
      name: 'a size-filtered rule leaves the other log files behind',
      inventory: [trails('us-east-1', trail('main')), buckets(bucket('trail-logs', { lifecycle: ok([{ ...rule('', 'DEEP_ARCHIVE'), objectSizeGreaterThan: 1048576 }]) }))],
      findings: [
        {
          status: 'fail',
          resourceId: T,
          message: 'Trail main: rule r-DEEP_ARCHIVE of bucket trail-logs moves to DEEP_ARCHIVE only objects larger than 1048576 bytes, so log files of other sizes never move to Glacier.',
        },
      ],
    },
    {
      name: "a rule on one region's folder does not cover a multi-region trail; nor does another account's folder of an organisation trail",
      inventory: [
        trails('us-east-1', trail('main'), trail('org', { isOrganizationTrail: true, s3BucketName: 'org-logs' })),
        buckets(
          bucket('trail-logs', { lifecycle: ok([rule('AWSLogs/123456789012/CloudTrail/us-east-1/', 'GLACIER')]) }),
          bucket('org-logs', { lifecycle: ok([rule('AWSLogs/o-a1b2c3d4e5/210987654321/', 'GLACIER')]) }),
        ),
      ],
      findings: [
        { status: 'fail', resourceId: T, message: 'Trail main: no enabled lifecycle rule of bucket trail-logs moves its logs to a Glacier class.' },
        { status: 'fail', resourceId: trailArn('org'), message: 'Trail org: no enabled lifecycle rule of bucket org-logs moves its logs to a Glacier class.' },
      ],
    },
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
