import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './storage-encrypted.js';
import { inRegion } from '../ec2/__tests__/fixtures.js';
import { cluster, db, rdsArn, snapshot } from './__tests__/fixtures.js';

testCheck(check, {
  pass: [
    {
      name: 'an encrypted instance, an Aurora cluster judged once (not through its member) and an encrypted snapshot',
      inventory: [
        inRegion({
          rds: {
            instances: ok([db('orders'), db('prod-1', { engine: 'aurora-postgresql', clusterId: 'prod' })]),
            clusters: ok([cluster('prod', { memberIds: ['prod-1'] })]),
            snapshots: ok([snapshot('prod-2026-11-01', { kind: 'cluster' })]),
          },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: rdsArn('db', 'orders'), message: 'DB instance orders (postgres) has encrypted storage.' },
        { status: 'pass', resourceId: rdsArn('cluster', 'prod'), message: 'DB cluster prod (aurora-postgresql) has encrypted storage.' },
        { status: 'pass', resourceId: rdsArn('cluster-snapshot', 'prod-2026-11-01'), message: 'DB cluster snapshot prod-2026-11-01 is encrypted.' },
      ],
    },
  ],
  fail: [
    {
      name: 'an unencrypted instance, cluster and snapshot; a deleting instance is not judged',
      inventory: [
        inRegion({
          rds: {
            instances: ok([db('analytics', { engine: 'mysql', storageEncrypted: false }), db('old', { status: 'deleting', storageEncrypted: false })]),
            clusters: ok([cluster('legacy', { engine: 'aurora-mysql', storageEncrypted: false })]),
            snapshots: ok([snapshot('analytics-export', { encrypted: false })]),
          },
        }),
      ],
      findings: [
        { status: 'fail', resourceId: rdsArn('db', 'analytics'), message: 'DB instance analytics (mysql) stores its data unencrypted.' },
        { status: 'fail', resourceId: rdsArn('cluster', 'legacy'), message: 'DB cluster legacy (aurora-mysql) stores its data unencrypted.' },
        { status: 'fail', resourceId: rdsArn('snapshot', 'analytics-export'), message: 'DB snapshot analytics-export is not encrypted.' },
      ],
    },
    {
      name: 'a cluster member is judged itself when the clusters could not be read',
      inventory: [inRegion({ rds: { instances: ok([db('m-1', { clusterId: 'c', storageEncrypted: false })]), clusters: failed('rds:DescribeDBClusters', 'AccessDenied'), snapshots: ok([]) } })],
      findings: [
        { status: 'fail', resourceId: rdsArn('db', 'm-1'), message: 'DB instance m-1 (postgres) stores its data unencrypted.' },
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'clusters', message: 'Could not read the DB clusters: rds:DescribeDBClusters failed: AccessDenied.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'nothing could be read',
      inventory: [],
      findings: [
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'instances', message: 'Could not read the DB instances: rds:DescribeDBInstances failed: not collected: not part of this inventory.' },
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'clusters', message: 'Could not read the DB clusters: rds:DescribeDBClusters failed: not collected: not part of this inventory.' },
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'snapshots', message: 'Could not read the DB snapshots: rds:DescribeDBSnapshots failed: not collected: not part of this inventory.' },
      ],
    },
  ],
});
