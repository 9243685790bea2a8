import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { ok, type Attr, type DbCluster, type DbInstance, type DbSnapshot } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { listAll } from '../list.js';
import { attrOf, compact, iso, tagsOf } from '../outcome.js';

const commands = commandTable([
  [DescribeDBInstancesCommand, 'rds:DescribeDBInstances'],
  [DescribeDBClustersCommand, 'rds:DescribeDBClusters'],
  [DescribeDBSnapshotsCommand, 'rds:DescribeDBSnapshots'],
  [DescribeDBSnapshotAttributesCommand, 'rds:DescribeDBSnapshotAttributes'],
  [DescribeDBClusterSnapshotsCommand, 'rds:DescribeDBClusterSnapshots'],
  [DescribeDBClusterSnapshotAttributesCommand, 'rds:DescribeDBClusterSnapshotAttributes'],
]);

const PAGE = 100;

const restoreValues = (attrs: Array<{ AttributeName?: string; AttributeValues?: string[] }> | undefined) =>
  (attrs ?? []).filter((a) => a.AttributeName === 'restore').flatMap((a) => a.AttributeValues ?? []);

/**
 * Who may restore each manual snapshot ('all' = public). AWS cannot share automated snapshots,
 * so theirs is known to be empty without asking.
 */
async function withRestore(ctx: CollectContext, list: Attr<DbSnapshot[]>, read: (s: DbSnapshot) => Promise<Attr<string[]>>) {
  if (list.state !== 'ok') return list;
  await Promise.all(
    list.value.map(async (s) => {
      s.restoreAccounts = s.snapshotType === 'automated' ? ok([]) : await read(s);
    }),
  );
  return list;
}

async function snapshots(ctx: CollectContext, rds: RDSClient): Promise<Attr<DbSnapshot[]>> {
  const pending: Attr<string[]> = { state: 'absent' };
  const [instance, cluster] = await Promise.all([
    listAll(
      ctx,
      rds,
      (Marker) => new DescribeDBSnapshotsCommand({ Marker, MaxRecords: PAGE }),
      (o) => o.Marker,
      (o) =>
        (o.DBSnapshots ?? []).map(
          (s): DbSnapshot =>
            compact({
              id: s.DBSnapshotIdentifier ?? '',
              arn: s.DBSnapshotArn ?? '',
              kind: 'instance' as const,
              sourceId: s.DBInstanceIdentifier,
              encrypted: s.Encrypted === true,
              snapshotType: s.SnapshotType,
              createTime: iso(s.SnapshotCreateTime),
              restoreAccounts: pending,
              tags: tagsOf(s.TagList),
            }),
        ),
    ).then((l) =>
      withRestore(ctx, l, async (s) =>
        attrOf(await ctx.send(rds, new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: s.id })), (o) =>
          restoreValues(o.DBSnapshotAttributesResult?.DBSnapshotAttributes),
        ),
      ),
    ),
    listAll(
      ctx,
      rds,
      (Marker) => new DescribeDBClusterSnapshotsCommand({ Marker, MaxRecords: PAGE }),
      (o) => o.Marker,
      (o) =>
        (o.DBClusterSnapshots ?? []).map(
          (s): DbSnapshot =>
            compact({
              id: s.DBClusterSnapshotIdentifier ?? '',
              arn: s.DBClusterSnapshotArn ?? '',
              kind: 'cluster' as const,
              sourceId: s.DBClusterIdentifier,
              encrypted: s.StorageEncrypted === true,
              snapshotType: s.SnapshotType,
              createTime: iso(s.SnapshotCreateTime),
              restoreAccounts: pending,
              tags: tagsOf(s.TagList),
            }),
        ),
    ).then((l) =>
      withRestore(ctx, l, async (s) =>
        attrOf(await ctx.send(rds, new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: s.id })), (o) =>
          restoreValues(o.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes),
        ),
      ),
    ),
  ]);
  if (instance.state !== 'ok') return instance;
  if (cluster.state !== 'ok') return cluster;
  return ok([...instance.value, ...cluster.value]);
}

/** RDS (and Aurora, DocumentDB, Neptune: they answer the same APIs) in one region. */
export const rdsCollector: RegionalCollector = {
  service: 'rds',
  scope: 'regional',
  fills: ['rds'],
  commands,
  async collect(ctx) {
    const rds = ctx.client(RDSClient);
    const [instances, clusters, snaps] = await Promise.all([
      listAll(
        ctx,
        rds,
        (Marker) => new DescribeDBInstancesCommand({ Marker, MaxRecords: PAGE }),
        (o) => o.Marker,
        (o) =>
          (o.DBInstances ?? []).map(
            (d): DbInstance =>
              compact({
                id: d.DBInstanceIdentifier ?? '',
                arn: d.DBInstanceArn ?? '',
                engine: d.Engine ?? 'unknown',
                engineVersion: d.EngineVersion,
                instanceClass: d.DBInstanceClass,
                status: d.DBInstanceStatus,
                publiclyAccessible: d.PubliclyAccessible === true,
                storageEncrypted: d.StorageEncrypted === true,
                kmsKeyId: d.KmsKeyId,
                vpcId: d.DBSubnetGroup?.VpcId,
                securityGroupIds: (d.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean),
                endpoint: d.Endpoint ? compact({ address: d.Endpoint.Address, port: d.Endpoint.Port }) : undefined,
                clusterId: d.DBClusterIdentifier,
                tags: tagsOf(d.TagList),
              }),
          ),
      ),
      listAll(
        ctx,
        rds,
        (Marker) => new DescribeDBClustersCommand({ Marker, MaxRecords: PAGE }),
        (o) => o.Marker,
        (o) =>
          (o.DBClusters ?? []).map(
            (c): DbCluster =>
              compact({
                id: c.DBClusterIdentifier ?? '',
                arn: c.DBClusterArn ?? '',
                engine: c.Engine ?? 'unknown',
                status: c.Status,
                storageEncrypted: c.StorageEncrypted === true,
                kmsKeyId: c.KmsKeyId,
                publiclyAccessible: c.PubliclyAccessible,
                securityGroupIds: (c.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean),
                memberIds: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier ?? '').filter(Boolean),
                port: c.Port,
                tags: tagsOf(c.TagList),
              }),
          ),
      ),
      snapshots(ctx, rds),
    ]);
    return { rds: { instances, clusters, snapshots: snaps } };
  },
};
