import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './snapshots.js';
import { ec2, snapshot, snapshotArn, volume, volumeArn } from './__tests__/fixtures.js';

// TEST_NOW is 2026-06-01T12:00:00Z.
const V = volumeArn('vol-0aaa');
const S = snapshotArn('snap-0111');
const privateOk = (id = 'snap-0111', vol = 'vol-0aaa') => [
  { status: 'pass' as const, resourceId: snapshotArn(id), detail: 'public', message: `Snapshot ${id} of volume ${vol} is not shared.` },
  { status: 'pass' as const, resourceId: snapshotArn(id), detail: 'encryption', message: `Snapshot ${id} of volume ${vol} is encrypted.` },
];

testCheck(check, {
  pass: [
    {
      name: 'a snapshot two days old; the newest of several counts; pending ones do not',
      inventory: [
        ec2(
          [volume('vol-0aaa')],
          [
            snapshot('snap-0000', 'vol-0aaa', '2026-05-01T00:00:00.000Z'),
            snapshot('snap-0111', 'vol-0aaa', '2026-05-30T03:00:00.000Z'),
            snapshot('snap-0222', 'vol-0aaa', '2026-06-01T11:00:00.000Z', { state: 'pending' }),
          ],
        ),
      ],
      findings: [
        { status: 'pass', resourceId: V, detail: 'recent-snapshot', message: 'Volume vol-0aaa has a snapshot 2 days old (snap-0111), within the 7-day limit.' },
        ...privateOk('snap-0000'),
        ...privateOk('snap-0111'),
        ...privateOk('snap-0222'),
      ],
    },
    {
      name: 'a volume created yesterday has time to get its first snapshot; detached volumes are not judged; shares with accounts are named',
      inventory: [
        ec2(
          [volume('vol-0new', { createTime: '2026-05-31T09:00:00.000Z' }), volume('vol-0old', { state: 'available', attachedInstanceIds: [] })],
          [snapshot('snap-0111', 'vol-0old', '2024-01-01T00:00:00.000Z', { createVolumePermission: ok({ public: false, accounts: ['210987654321'] }) })],
        ),
      ],
      findings: [
        { status: 'pass', resourceId: volumeArn('vol-0new'), detail: 'recent-snapshot', message: 'Volume vol-0new was created 1 day ago and has no snapshot yet; it is within the 7-day limit.' },
        { status: 'pass', resourceId: S, detail: 'public', message: 'Snapshot snap-0111 of volume vol-0old is not public; it is shared with account(s) 210987654321.' },
        { status: 'pass', resourceId: S, detail: 'encryption', message: 'Snapshot snap-0111 of volume vol-0old is encrypted.' },
      ],
    },
  ],
  fail: [
    {
      name: 'the newest snapshot is older than the limit (no control: EC2.1 is about public snapshots); snapshots of other accounts are not judged',
      inventory: [
        ec2(
          [volume('vol-0aaa')],
          [snapshot('snap-0111', 'vol-0aaa', '2026-05-20T00:00:00.000Z'), snapshot('snap-0999', 'vol-0aaa', '2026-05-31T00:00:00.000Z', { ownerId: '999999999999' })],
        ),
      ],
      findings: [
        { status: 'fail', resourceId: V, detail: 'recent-snapshot', message: 'The newest snapshot of volume vol-0aaa is 12 days old (snap-0111), older than the 7-day limit.', compliance: {} },
        ...privateOk().map((f) => ({ ...f, compliance: f.detail === 'public' ? { fsbp: ['EC2.1'] } : {} })),
      ],
    },
    {
      name: 'a snapshot exactly at the limit is too old; one from this morning is less than a day old',
      inventory: [ec2([volume('vol-0aaa'), volume('vol-0bbb')], [snapshot('snap-0111', 'vol-0aaa', '2026-05-25T12:00:00.000Z'), snapshot('snap-0222', 'vol-0bbb', '2026-06-01T02:00:00.000Z')])],
      findings: [
        { status: 'fail', resourceId: V, detail: 'recent-snapshot', message: 'The newest snapshot of volume vol-0aaa is 7 days old (snap-0111), older than the 7-day limit.' },
        { status: 'pass', resourceId: volumeArn('vol-0bbb'), detail: 'recent-snapshot', message: 'Volume vol-0bbb has a snapshot less than a day old (snap-0222), within the 7-day limit.' },
        ...privateOk(),
        ...privateOk('snap-0222', 'vol-0bbb'),
      ],
    },
    {
      name: 'the limit is an option',
      options: { maxAgeDays: 30 },
      inventory: [ec2([volume('vol-0aaa')], [snapshot('snap-0111', 'vol-0aaa', '2026-04-01T00:00:00.000Z')])],
      findings: [
        { status: 'fail', resourceId: V, detail: 'recent-snapshot', message: 'The newest snapshot of volume vol-0aaa is 61 days old (snap-0111), older than the 30-day limit.' },
        ...privateOk(),
      ],
    },
    {
      name: 'an old volume in use without any snapshot',
      inventory: [ec2([volume('vol-0aaa', { tags: { Name: 'web-root' } })], [])],
      findings: [{ status: 'fail', resourceId: V, detail: 'recent-snapshot', message: 'Volume vol-0aaa (web-root) is in use and has no completed snapshot.' }],
    },
    {
      name: 'a public, unencrypted snapshot',
      inventory: [ec2([], [snapshot('snap-0111', 'vol-0ccc', '2026-05-31T00:00:00.000Z', { encrypted: false, createVolumePermission: ok({ public: true, accounts: [] }) })])],
      findings: [
        { status: 'fail', resourceId: S, detail: 'public', severity: 'critical', message: 'Snapshot snap-0111 of volume vol-0ccc is public: any AWS account can create a volume from it.', compliance: { fsbp: ['EC2.1'] } },
        { status: 'fail', resourceId: S, detail: 'encryption', message: 'Snapshot snap-0111 of volume vol-0ccc is not encrypted: it was taken from an unencrypted volume.', compliance: {} },
      ],
    },
  ],
  unknown: [
    {
      name: "a snapshot's permissions could not be read",
      inventory: [ec2([], [snapshot('snap-0111', 'vol-0aaa', '2026-05-31T00:00:00.000Z', { createVolumePermission: failed('ec2:DescribeSnapshotAttribute', 'UnauthorizedOperation') })])],
      findings: [
        {
          status: 'unknown',
          resourceId: S,
          detail: 'public',
          message: 'Could not read who may create volumes from snapshot snap-0111: ec2:DescribeSnapshotAttribute failed: UnauthorizedOperation.',
        },
        { status: 'pass', resourceId: S, detail: 'encryption', message: 'Snapshot snap-0111 of volume vol-0aaa is encrypted.' },
      ],
    },
    {
      name: 'the snapshots could not be listed: every volume in use is unknown, and the snapshots themselves',
      inventory: [{ regions: { 'us-east-1': { ec2: { volumes: ok([volume('vol-0aaa')]), snapshots: failed('ec2:DescribeSnapshots', 'RequestLimitExceeded') } } } }],
      findings: [
        {
          status: 'unknown',
          resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`,
          detail: 'snapshots',
          message: 'Could not read the EBS snapshots in us-east-1: ec2:DescribeSnapshots failed: RequestLimitExceeded.',
        },
        {
          status: 'unknown',
          resourceId: V,
          detail: 'recent-snapshot',
          message: 'Could not read the snapshots of volume vol-0aaa: ec2:DescribeSnapshots failed: RequestLimitExceeded.',
        },
      ],
    },
    {
      name: 'the volumes could not be listed; an absent permission attribute means no sharing',
      inventory: [{ regions: { 'us-east-1': { ec2: { volumes: failed('ec2:DescribeVolumes', 'UnauthorizedOperation'), snapshots: ok([snapshot('snap-0111', 'vol-0aaa', '2026-05-31T00:00:00.000Z', { createVolumePermission: absent() })]) } } } }],
      findings: [
        { status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, detail: 'volumes', message: 'Could not read the EBS volumes in us-east-1: ec2:DescribeVolumes failed: UnauthorizedOperation.' },
        ...privateOk(),
      ],
    },
    {
      // Both gaps sit on the account in one region: their details keep the two finding ids apart.
      name: 'neither volumes nor snapshots could be listed',
      inventory: [{ regions: { 'us-east-1': { ec2: { volumes: failed('ec2:DescribeVolumes', 'UnauthorizedOperation'), snapshots: failed('ec2:DescribeSnapshots', 'UnauthorizedOperation') } } } }],
      findings: [
        { status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, detail: 'snapshots', message: 'Could not read the EBS snapshots in us-east-1: ec2:DescribeSnapshots failed: UnauthorizedOperation.' },
        { status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, detail: 'volumes', message: 'Could not read the EBS volumes in us-east-1: ec2:DescribeVolumes failed: UnauthorizedOperation.' },
      ],
    },
  ],
});
