import type { z } from 'zod';
import type { DbClusterSchema, DbInstanceSchema, DbSnapshotSchema } from '../../../inventory/index.js';
import { ok } from '../../../inventory/index.js';
import { ACCOUNT, REGION } from '../../ec2/__tests__/fixtures.js';

export const rdsArn = (kind: string, id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:${kind}:${id}`;

export function db(id: string, over: Partial<z.input<typeof DbInstanceSchema>> = {}): z.input<typeof DbInstanceSchema> {
  return { id, arn: rdsArn('db', id), engine: 'postgres', status: 'available', publiclyAccessible: false, storageEncrypted: true, vpcId: 'vpc-1', securityGroupIds: [], endpoint: { port: 5432 }, ...over };
}

export function cluster(id: string, over: Partial<z.input<typeof DbClusterSchema>> = {}): z.input<typeof DbClusterSchema> {
  return { id, arn: rdsArn('cluster', id), engine: 'aurora-postgresql', status: 'available', storageEncrypted: true, securityGroupIds: [], memberIds: [], port: 5432, ...over };
}

export function snapshot(id: string, over: Partial<z.input<typeof DbSnapshotSchema>> = {}): z.input<typeof DbSnapshotSchema> {
  return { id, arn: rdsArn(over.kind === 'cluster' ? 'cluster-snapshot' : 'snapshot', id), kind: 'instance', encrypted: true, snapshotType: 'manual', restoreAccounts: ok([]), ...over };
}
