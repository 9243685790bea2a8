import { z } from 'zod';
import { attr, ResourceBase, TagsSchema } from './attr.js';

export const DbInstanceSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  engine: z.string(),
  engineVersion: z.string().optional(),
  instanceClass: z.string().optional(),
  status: z.string().optional(),
  publiclyAccessible: z.boolean(),
  storageEncrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  vpcId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  endpoint: z.object({ address: z.string().optional(), port: z.number().int().optional() }).optional(),
  clusterId: z.string().optional(),
  tags: TagsSchema.default({}),
});
export type DbInstance = z.infer<typeof DbInstanceSchema>;

export const DbClusterSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  engine: z.string(),
  status: z.string().optional(),
  storageEncrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  publiclyAccessible: z.boolean().optional(),
  securityGroupIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  port: z.number().int().optional(),
  tags: TagsSchema.default({}),
});
export type DbCluster = z.infer<typeof DbClusterSchema>;

export const DbSnapshotSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  kind: z.enum(['instance', 'cluster']),
  sourceId: z.string().optional(),
  encrypted: z.boolean(),
  snapshotType: z.string().optional(), // manual | automated | shared | public
  createTime: z.string().optional(),
  /** DescribeDB(Cluster)SnapshotAttributes 'restore': 'all' makes it public. */
  restoreAccounts: attr(z.array(z.string())),
  tags: TagsSchema.default({}),
});
export type DbSnapshot = z.infer<typeof DbSnapshotSchema>;

export const RdsSchema = z.object({
  instances: attr(z.array(DbInstanceSchema)),
  clusters: attr(z.array(DbClusterSchema)),
  snapshots: attr(z.array(DbSnapshotSchema)),
});
export type RdsInventory = z.infer<typeof RdsSchema>;
