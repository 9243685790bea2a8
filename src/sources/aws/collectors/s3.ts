import { GetBucketLocationCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
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
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { ok, type Bucket } from '../../../inventory/index.js';
import { commandTable, type GlobalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { attrOf, failedAttr, iso } from '../outcome.js';
import { publicAccessBlock, readBucket, unreadableBucket } from './s3-bucket.js';

const commands = commandTable([
  [ListBucketsCommand, 's3:ListAllMyBuckets'],
  [GetBucketLocationCommand, 's3:GetBucketLocation'],
  [GetBucketAclCommand, 's3:GetBucketAcl'],
  [GetBucketPolicyCommand, 's3:GetBucketPolicy'],
  [GetBucketPolicyStatusCommand, 's3:GetBucketPolicyStatus'],
  [GetPublicAccessBlockCommand, 's3:GetBucketPublicAccessBlock'],
  [GetBucketOwnershipControlsCommand, 's3:GetBucketOwnershipControls'],
  [GetBucketVersioningCommand, 's3:GetBucketVersioning'],
  [GetBucketEncryptionCommand, 's3:GetEncryptionConfiguration'],
  [GetBucketLifecycleConfigurationCommand, 's3:GetLifecycleConfiguration'],
  [GetBucketLoggingCommand, 's3:GetBucketLogging'],
  [GetBucketTaggingCommand, 's3:GetBucketTagging'],
  [GetAccountPublicAccessBlockCommand, 's3:GetAccountPublicAccessBlock'],
]);

/** GetBucketLocation's answer as a region name: null means us-east-1, 'EU' is the old eu-west-1. */
export function locationToRegion(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

async function bucketRegion(ctx: CollectContext, name: string, listed: string | undefined) {
  if (listed) return { ok: true as const, value: listed };
  // Emulators (moto) omit BucketRegion from ListBuckets; AWS sends it.
  const loc = await ctx.send(ctx.client(S3Client), new GetBucketLocationCommand({ Bucket: name }));
  return loc.ok ? { ok: true as const, value: locationToRegion(loc.value.LocationConstraint) } : loc;
}

/**
 * S3 is global: every bucket is listed, whatever --regions says, and each one is read in its own
 * region. The account-level public access block comes from S3 Control.
 */
export const s3Collector: GlobalCollector = {
  service: 's3',
  scope: 'global',
  fills: ['s3'],
  commands,
  async collect(ctx) {
    const s3 = ctx.client(S3Client);
    const control = ctx.client(S3ControlClient);
    const accountPab = ctx.send(control, new GetAccountPublicAccessBlockCommand({ AccountId: ctx.account }));
    const reads: Array<Promise<Bucket>> = [];
    const listed = await ctx.pages(
      s3,
      (ContinuationToken) => new ListBucketsCommand({ ContinuationToken, MaxBuckets: 10000 }),
      (out) => out.ContinuationToken,
      (out) => {
        for (const b of out.Buckets ?? []) {
          if (!b.Name) continue;
          const name = b.Name;
          const created = iso(b.CreationDate);
          reads.push(
            bucketRegion(ctx, name, b.BucketRegion).then((r) =>
              r.ok ? readBucket(ctx, name, r.value, created) : unreadableBucket(name, `arn:${ctx.partition}:s3:::${name}`, created, r),
            ),
          );
        }
      },
    );
    const buckets = await Promise.all(reads);
    return {
      s3: {
        accountPublicAccessBlock: attrOf(await accountPab, (p) => publicAccessBlock(p.PublicAccessBlockConfiguration), [
          'NoSuchPublicAccessBlockConfiguration',
        ]),
        buckets: listed.ok ? ok(buckets) : failedAttr(listed),
      },
    };
  },
};
