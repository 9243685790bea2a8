import type { z } from 'zod';
import type { BucketSchema, InventoryPart, TrailSchema } from '../../../inventory/index.js';
import { absent, ok } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

type TrailInput = z.input<typeof TrailSchema>;
type BucketInput = z.input<typeof BucketSchema>;

export const trailArn = (name: string, region = 'us-east-1', account = TEST_ACCOUNT) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
export const ACCOUNT_ARN = `arn:aws:iam::${TEST_ACCOUNT}:root`;
export const KEY = `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const TOPIC = `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:trail-delivery`;

/** A trail every CloudTrail check passes; tests override what they exercise. */
export function trail(name: string, over: Partial<TrailInput> = {}): TrailInput {
  const home = over.homeRegion ?? 'us-east-1';
  return {
    arn: trailArn(name, home),
    name,
    homeRegion: home,
    isMultiRegion: true,
    isOrganizationTrail: false,
    s3BucketName: 'trail-logs',
    snsTopicArn: TOPIC,
    kmsKeyId: KEY,
    logFileValidationEnabled: true,
    status: ok({ isLogging: true }),
    eventSelectors: ok({ classic: [{ readWriteType: 'All', includeManagementEvents: true, excludeManagementEventSources: [] }], advanced: [] }),
    ...over,
  };
}

export const trails = (region: string, ...ts: TrailInput[]): InventoryPart => ({ regions: { [region]: { cloudtrail: { trails: ok(ts) } } } });

/** The bucket policy AWS's console writes for a trail, with aws:SourceArn. */
export function cloudtrailPolicy(bucket: string, trailArns: string[], extra: unknown[] = []) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: bucketArn(bucket), Condition: { StringEquals: { 'aws:SourceArn': trailArns } } },
      {
        Sid: 'Write',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucketArn(bucket)}/AWSLogs/${TEST_ACCOUNT}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArns } },
      },
      ...extra,
    ],
  };
}

/** A log bucket every bucket check passes for trail "main". */
export function bucket(name: string, over: Partial<BucketInput> = {}): BucketInput {
  return {
    name,
    arn: bucketArn(name),
    region: 'us-east-1',
    acl: ok({ grants: [] }),
    policy: ok(cloudtrailPolicy(name, [trailArn('main')])),
    policyStatus: ok({ isPublic: false }),
    publicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    ownershipControls: ok('BucketOwnerEnforced'),
    versioning: ok({ status: 'Enabled', mfaDelete: 'Enabled' }),
    encryption: ok({ rules: [{ algorithm: 'AES256' }] }),
    lifecycle: ok([{ id: 'archive', enabled: true, prefix: '', transitions: [{ days: 90, storageClass: 'GLACIER' }] }]),
    logging: absent(),
    tags: ok({}),
    ...over,
  };
}

export const buckets = (...bs: BucketInput[]): InventoryPart => ({ s3: { buckets: ok(bs) } });

/** Topics of a region, each with its subscriptions' pending flags. */
export const topics = (region: string, ...ts: Array<{ arn: string; pending: boolean[] }>): InventoryPart => ({
  regions: {
    [region]: {
      sns: { topics: ok(ts.map((t) => ({ arn: t.arn, subscriptions: ok(t.pending.map((p, i) => ({ arn: p ? 'PendingConfirmation' : `${t.arn}:sub-${i}`, protocol: 'email', pending: p }))) }))) },
    },
  },
});
