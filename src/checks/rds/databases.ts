import type { DbCluster, DbInstance, DbSnapshot, RegionalInventory } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';
import { refOf } from '../ec2/resource-ref.js';

export const instanceRef = (db: DbInstance, region: string): ResourceRef => refOf(db, db.arn, 'AWS::RDS::DBInstance', region);
export const clusterRef = (c: DbCluster, region: string): ResourceRef => refOf(c, c.arn, 'AWS::RDS::DBCluster', region);
export const snapshotRef = (s: DbSnapshot, region: string): ResourceRef =>
  refOf(s, s.arn, s.kind === 'cluster' ? 'AWS::RDS::DBClusterSnapshot' : 'AWS::RDS::DBSnapshot', region);

export const snapshotKind = (s: DbSnapshot) => (s.kind === 'cluster' ? 'DB cluster snapshot' : 'DB snapshot');

/** Databases being deleted are no longer the owner's concern. */
export const isLive = (status: string | undefined) => status !== 'deleting' && status !== 'deleted';

/**
 * Instances judged on their own: an Aurora (or Multi-AZ cluster) member shares storage and security
 * groups with its cluster, which is judged instead, unless the clusters could not be read.
 */
export function standaloneInstances(r: RegionalInventory): DbInstance[] {
  const instances = r.rds.instances.state === 'ok' ? r.rds.instances.value : [];
  const clusters = r.rds.clusters.state === 'ok' ? new Set(r.rds.clusters.value.map((c) => c.id)) : new Set<string>();
  return instances.filter((i) => isLive(i.status) && !(i.clusterId && clusters.has(i.clusterId)));
}
