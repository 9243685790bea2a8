import { z } from 'zod';
import { AccountSchema } from './account.js';
import { IamSchema } from './iam.js';
import { S3Schema } from './s3.js';
import { Ec2Schema } from './ec2.js';
import { RdsSchema } from './rds.js';
import { CloudTrailSchema } from './cloudtrail.js';
import { CloudWatchSchema } from './cloudwatch.js';
import { ElbSchema } from './elb.js';
import { CloudFrontSchema } from './cloudfront.js';
import { Wafv2Schema } from './wafv2.js';
import { Route53Schema } from './route53.js';
import { GuardDutySchema, InspectorSchema, KmsSchema, NetworkFirewallSchema, SnsSchema } from './services.js';
import { HostSchema } from './host.js';

/** Bump on any change that an older Rampart could misread; readers refuse other versions. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export const SOURCE_KINDS = ['aws', 'cloudformation', 'terraform', 'host'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Everything Rampart reads in one region of one account. */
export const RegionalSchema = z.object({
  ec2: Ec2Schema,
  rds: RdsSchema,
  cloudtrail: CloudTrailSchema,
  cloudwatch: CloudWatchSchema,
  elb: ElbSchema,
  wafv2: Wafv2Schema,
  inspector: InspectorSchema,
  guardduty: GuardDutySchema,
  networkFirewall: NetworkFirewallSchema,
  sns: SnsSchema,
  kms: KmsSchema,
});
export type RegionalInventory = z.infer<typeof RegionalSchema>;

/** One API call's outcome, kept for the coverage summary (what failed, how often throttled). */
export const CallRecordSchema = z.object({
  call: z.string(), // service:Action
  region: z.string(),
  count: z.number().int(),
  errors: z.number().int().default(0),
  throttles: z.number().int().default(0),
  lastError: z.string().optional(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const InventoryMetaSchema = z.object({
  source: z.enum(SOURCE_KINDS),
  /** How this inventory reached us: collected now, read from a snapshot, the bundled demo, or templates. */
  origin: z.enum(['live', 'snapshot', 'demo', 'iac', 'host']).default('live'),
  accountId: z.string(),
  partition: z.string().default('aws'),
  collectedAt: z.string(),
  /** The regions that were scanned (enabled and selected). */
  regions: z.array(z.string()),
  identityArn: z.string().optional(),
  toolVersion: z.string().optional(),
  description: z.string().optional(),
  /** IaC: the files that were read. */
  files: z.array(z.string()).optional(),
  calls: z.array(CallRecordSchema).default([]),
});
export type InventoryMeta = z.infer<typeof InventoryMetaSchema>;

export const InventorySchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  meta: InventoryMetaSchema,
  account: AccountSchema,
  iam: IamSchema,
  s3: S3Schema,
  cloudfront: CloudFrontSchema,
  /** CLOUDFRONT-scope web ACLs (they live in us-east-1). */
  wafGlobal: Wafv2Schema,
  route53: Route53Schema,
  regions: z.record(z.string(), RegionalSchema),
  host: HostSchema.optional(),
});
export type Inventory = z.infer<typeof InventorySchema>;
/** What a snapshot file holds before defaults are applied. */
export type InventoryInput = z.input<typeof InventorySchema>;
