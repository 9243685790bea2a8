import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { rdsCollector } from './rds.js';

const mocks = mockAll();
const rds = mocks.get(RDSClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

beforeEach(() => {
  mocks.reset();
  rds
    .on(DescribeDBInstancesCommand, { Marker: undefined })
    .resolves({ DBInstances: [{ DBInstanceIdentifier: 'db1', DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:db1', Engine: 'postgres', PubliclyAccessible: true, StorageEncrypted: false, DBSubnetGroup: { VpcId: 'vpc-1' }, VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db' }], Endpoint: { Address: 'db1.x', Port: 5432 } }], Marker: 'm2' })
    .on(DescribeDBInstancesCommand, { Marker: 'm2' })
    .resolves({ DBInstances: [{ DBInstanceIdentifier: 'db2', DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:db2', Engine: 'mysql', StorageEncrypted: true }] });
  rds.on(DescribeDBSnapshotsCommand).resolves({
    DBSnapshots: [
      { DBSnapshotIdentifier: 'manual-1', DBSnapshotArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:manual-1', SnapshotType: 'manual', Encrypted: false },
      { DBSnapshotIdentifier: 'rds:auto-1', DBSnapshotArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:rds:auto-1', SnapshotType: 'automated', Encrypted: true },
    ],
  });
  rds.on(DescribeDBSnapshotAttributesCommand).resolves({
    DBSnapshotAttributesResult: { DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] },
  });
  rds.on(DescribeDBClusterSnapshotsCommand).resolves({
    DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'c-1', DBClusterSnapshotArn: 'arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:c-1', SnapshotType: 'manual', StorageEncrypted: true }],
  });
  rds.on(DescribeDBClusterSnapshotAttributesCommand).rejects(awsError('AccessDenied', 'denied', 403));
});

describe('rds collector', () => {
  it('follows DescribeDBInstances pages', async () => {
    const { part } = await collect(rdsCollector);
    const list = okValue(part.rds?.instances);
    expect(list.map((d) => d.id)).toEqual(['db1', 'db2']);
    expect(list[0]).toMatchObject({ publiclyAccessible: true, storageEncrypted: false, vpcId: 'vpc-1', securityGroupIds: ['sg-db'], endpoint: { address: 'db1.x', port: 5432 } });
  });

  it('reads the restore attribute of manual snapshots only (automated ones cannot be shared)', async () => {
    const { part } = await collect(rdsCollector);
    const snaps = okValue(part.rds?.snapshots);
    expect(snaps.map((s) => [s.id, s.kind, s.restoreAccounts])).toEqual([
      ['manual-1', 'instance', { state: 'ok', value: ['all'] }],
      ['rds:auto-1', 'instance', { state: 'ok', value: [] }],
      ['c-1', 'cluster', { state: 'error', call: 'rds:DescribeDBClusterSnapshotAttributes', error: 'AccessDenied: denied' }],
    ]);
    expect(rds.commandCalls(DescribeDBSnapshotAttributesCommand).map((c) => c.args[0].input.DBSnapshotIdentifier)).toEqual(['manual-1']);
  });
});
