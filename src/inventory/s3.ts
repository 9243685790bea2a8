import { z } from 'zod';
import { attr, PolicyDocumentSchema, ResourceBase, TagsSchema } from './attr.js';

export const PublicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type PublicAccessBlock = z.infer<typeof PublicAccessBlockSchema>;

export const GrantSchema = z.object({
  grantee: z.object({
    type: z.enum(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']),
    id: z.string().optional(),
    uri: z.string().optional(),
    displayName: z.string().optional(),
  }),
  permission: z.enum(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']),
});
export type Grant = z.infer<typeof GrantSchema>;
export const ALL_USERS_URI = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS_URI = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY_URI = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

export const AclSchema = z.object({
  owner: z.object({ id: z.string().optional(), displayName: z.string().optional() }).optional(),
  grants: z.array(GrantSchema),
});
export type Acl = z.infer<typeof AclSchema>;

export const LifecycleRuleSchema = z.object({
  id: z.string().optional(),
  enabled: z.boolean(),
  prefix: z.string().optional(),
  /** Filter.Tag and Filter.And.Tags: the rule applies only to objects carrying every one of these tags. */
  tags: z.record(z.string(), z.string()).optional(),
  /** Filter.ObjectSizeGreaterThan / LessThan (bytes, also under Filter.And): the rule skips other objects. */
  objectSizeGreaterThan: z.number().optional(),
  objectSizeLessThan: z.number().optional(),
  transitions: z.array(
    z.object({ days: z.number().optional(), date: z.string().optional(), storageClass: z.string() }),
  ),
  noncurrentVersionTransitions: z.array(z.object({ days: z.number().optional(), storageClass: z.string() })).default([]),
  expirationDays: z.number().optional(),
});
export type LifecycleRule = z.infer<typeof LifecycleRuleSchema>;

export const BucketSchema = z.object({
  ...ResourceBase,
  name: z.string(),
  arn: z.string(),
  /** From ListBuckets' BucketRegion, else GetBucketLocation. */
  region: z.string(),
  creationDate: z.string().optional(),
  acl: attr(AclSchema),
  /** absent = NoSuchBucketPolicy. */
  policy: attr(PolicyDocumentSchema),
  /** GetBucketPolicyStatus: AWS's own verdict; absent when there is no policy. */
  policyStatus: attr(z.object({ isPublic: z.boolean() })),
  publicAccessBlock: attr(PublicAccessBlockSchema),
  ownershipControls: attr(z.enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'])),
  versioning: attr(
    z.object({ status: z.enum(['Enabled', 'Suspended', 'Disabled']), mfaDelete: z.enum(['Enabled', 'Disabled']) }),
  ),
  /** absent = no default encryption configuration (rare since 2023: SSE-S3 is the default). */
  encryption: attr(
    z.object({
      rules: z.array(
        z.object({
          algorithm: z.string(), // AES256 | aws:kms | aws:kms:dsse
          kmsKeyId: z.string().optional(),
          bucketKeyEnabled: z.boolean().optional(),
        }),
      ),
    }),
  ),
  /** absent = no lifecycle configuration. */
  lifecycle: attr(z.array(LifecycleRuleSchema)),
  /** absent = server access logging off. */
  logging: attr(z.object({ targetBucket: z.string(), targetPrefix: z.string().optional() })),
  tags: attr(TagsSchema),
});
export type Bucket = z.infer<typeof BucketSchema>;

export const S3Schema = z.object({
  /** S3 Control GetPublicAccessBlock for the account; absent = not configured. */
  accountPublicAccessBlock: attr(PublicAccessBlockSchema),
  buckets: attr(z.array(BucketSchema)),
});
export type S3Inventory = z.infer<typeof S3Schema>;
