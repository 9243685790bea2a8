import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type Grant as SdkGrant,
  type LifecycleRule as SdkLifecycleRule,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3';
import { absent, failed, ok, type Attr, type Bucket, type Grant, type LifecycleRule, type PublicAccessBlock } from '../../../inventory/index.js';
import type { CollectContext } from '../context.js';
import { attrOf, compact, failedAttr, iso, parsePolicy, tagsOf, type Failure } from '../outcome.js';

const GRANTEE_TYPES = new Set(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']);
const PERMISSIONS = new Set(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']);
const OWNERSHIP = new Set(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

/** S3 Control and S3 share this shape. */
export const publicAccessBlock = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock => ({
  blockPublicAcls: c?.BlockPublicAcls === true,
  ignorePublicAcls: c?.IgnorePublicAcls === true,
  blockPublicPolicy: c?.BlockPublicPolicy === true,
  restrictPublicBuckets: c?.RestrictPublicBuckets === true,
});

function grant(g: SdkGrant): Grant | undefined {
  const type = g.Grantee?.Type;
  if (!type || !GRANTEE_TYPES.has(type) || !g.Permission || !PERMISSIONS.has(g.Permission)) return undefined;
  return {
    grantee: compact({
      type: type as Grant['grantee']['type'],
      id: g.Grantee?.ID,
      uri: g.Grantee?.URI,
      displayName: g.Grantee?.DisplayName,
    }),
    permission: g.Permission as Grant['permission'],
  };
}

/** A filter's tags (Filter.Tag, Filter.And.Tags); undefined when it has none. */
function filterTags(f: SdkLifecycleRule['Filter']): Record<string, string> | undefined {
  const list = [...(f?.Tag ? [f.Tag] : []), ...(f?.And?.Tags ?? [])];
  return list.length ? tagsOf(list) : undefined;
}

export function lifecycleRule(r: SdkLifecycleRule): LifecycleRule {
  const f = r.Filter;
  return compact({
    id: r.ID,
    enabled: r.Status === 'Enabled',
    // Rule.Prefix is the legacy (V1) form; V2 rules put it in Filter or Filter.And.
    prefix: r.Prefix ?? f?.Prefix ?? f?.And?.Prefix,
    tags: filterTags(f),
    objectSizeGreaterThan: f?.ObjectSizeGreaterThan ?? f?.And?.ObjectSizeGreaterThan,
    objectSizeLessThan: f?.ObjectSizeLessThan ?? f?.And?.ObjectSizeLessThan,
    transitions: (r.Transitions ?? []).map((t) => compact({ days: t.Days, date: iso(t.Date), storageClass: t.StorageClass ?? '' })),
    noncurrentVersionTransitions: (r.NoncurrentVersionTransitions ?? []).map((t) =>
      compact({ days: t.NoncurrentDays, storageClass: t.StorageClass ?? '' }),
    ),
    expirationDays: r.Expiration?.Days,
  });
}

/** A bucket whose region could not be learnt: every attribute says why. */
export function unreadableBucket(name: string, arn: string, creationDate: string | undefined, f: Failure): Bucket {
  const e = failedAttr<never>(f);
  return compact({
    name,
    arn,
    region: 'unknown',
    creationDate,
    acl: e,
    policy: e,
    policyStatus: e,
    publicAccessBlock: e,
    ownershipControls: e,
    versioning: e,
    encryption: e,
    lifecycle: e,
    logging: e,
    tags: e,
  });
}

/**
 * Every configuration read for one bucket, against its own region. Each "not configured" error
 * (NoSuch*, *NotFoundError) is `absent`; any other failure names its call.
 */
export async function readBucket(ctx: CollectContext, name: string, region: string, creationDate: string | undefined): Promise<Bucket> {
  const s3 = ctx.client(S3Client, region);
  const B = { Bucket: name };
  const [acl, policy, policyStatus, pab, ownership, versioning, encryption, lifecycle, logging, tags] = await Promise.all([
    ctx.send(s3, new GetBucketAclCommand(B)),
    ctx.send(s3, new GetBucketPolicyCommand(B)),
    ctx.send(s3, new GetBucketPolicyStatusCommand(B)),
    ctx.send(s3, new GetPublicAccessBlockCommand(B)),
    ctx.send(s3, new GetBucketOwnershipControlsCommand(B)),
    ctx.send(s3, new GetBucketVersioningCommand(B)),
    ctx.send(s3, new GetBucketEncryptionCommand(B)),
    ctx.send(s3, new GetBucketLifecycleConfigurationCommand(B)),
    ctx.send(s3, new GetBucketLoggingCommand(B)),
    ctx.send(s3, new GetBucketTaggingCommand(B)),
  ]);
  let policyDoc: Attr<Record<string, unknown>>;
  if (policy.ok) {
    const doc = parsePolicy(policy.value.Policy);
    policyDoc = doc ? ok(doc) : failed('s3:GetBucketPolicy', 'the bucket policy is not valid JSON');
  } else policyDoc = attrOf(policy, () => ({}), ['NoSuchBucketPolicy']);
  const owner = ownership.ok ? ownership.value.OwnershipControls?.Rules?.[0]?.ObjectOwnership : undefined;
  return compact({
    name,
    arn: `arn:${ctx.partition}:s3:::${name}`,
    region,
    creationDate,
    acl: attrOf(acl, (a) =>
      compact({
        owner: a.Owner ? compact({ id: a.Owner.ID, displayName: a.Owner.DisplayName }) : undefined,
        grants: (a.Grants ?? []).map(grant).filter((g): g is Grant => g !== undefined),
      }),
    ),
    policy: policyDoc,
    policyStatus: attrOf(policyStatus, (s) => ({ isPublic: s.PolicyStatus?.IsPublic === true }), ['NoSuchBucketPolicy']),
    publicAccessBlock: attrOf(pab, (p) => publicAccessBlock(p.PublicAccessBlockConfiguration), ['NoSuchPublicAccessBlockConfiguration']),
    ownershipControls:
      ownership.ok && (!owner || !OWNERSHIP.has(owner))
        ? absent()
        : attrOf(ownership, () => owner as 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter', ['OwnershipControlsNotFoundError']),
    versioning: attrOf(versioning, (v) => ({
      status: v.Status === 'Enabled' || v.Status === 'Suspended' ? v.Status : ('Disabled' as const),
      mfaDelete: v.MFADelete === 'Enabled' ? ('Enabled' as const) : ('Disabled' as const),
    })),
    encryption: attrOf(
      encryption,
      (e) => ({
        rules: (e.ServerSideEncryptionConfiguration?.Rules ?? []).map((r) =>
          compact({
            algorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? '',
            kmsKeyId: r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
            bucketKeyEnabled: r.BucketKeyEnabled,
          }),
        ),
      }),
      ['ServerSideEncryptionConfigurationNotFoundError'],
    ),
    lifecycle: attrOf(lifecycle, (l) => (l.Rules ?? []).map(lifecycleRule), ['NoSuchLifecycleConfiguration']),
    logging:
      logging.ok && !logging.value.LoggingEnabled
        ? absent()
        : attrOf(logging, (l) => compact({ targetBucket: l.LoggingEnabled?.TargetBucket ?? '', targetPrefix: l.LoggingEnabled?.TargetPrefix })),
    tags: attrOf(tags, (t) => tagsOf(t.TagSet), ['NoSuchTagSet']),
  });
}
