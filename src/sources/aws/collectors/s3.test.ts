import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPabCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { locationToRegion, s3Collector } from './s3.js';

const mocks = mockAll();
const s3 = mocks.get(S3Client);
const control = mocks.get(S3ControlClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] };
/** The region of the client that sent each call, by bucket. */
const regionsAsked = new Map<string, string>();

beforeEach(() => {
  mocks.reset();
  regionsAsked.clear();
  s3.on(ListBucketsCommand, { ContinuationToken: undefined })
    .resolves({ Buckets: [{ Name: 'site', BucketRegion: 'eu-west-1', CreationDate: new Date('2024-01-01T00:00:00Z') }], ContinuationToken: 't2' })
    .on(ListBucketsCommand, { ContinuationToken: 't2' })
    .resolves({ Buckets: [{ Name: 'old-logs' }] });
  s3.on(GetBucketLocationCommand, { Bucket: 'old-logs' }).resolves({ LocationConstraint: undefined });
  s3.on(GetBucketPolicyCommand).callsFake(async (input: { Bucket: string }, getClient) => {
    regionsAsked.set(input.Bucket, await getClient().config.region());
    if (input.Bucket === 'site') return { Policy: JSON.stringify(POLICY) };
    throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
  });
  s3.on(GetBucketPolicyStatusCommand, { Bucket: 'site' }).resolves({ PolicyStatus: { IsPublic: true } });
  s3.on(GetBucketPolicyStatusCommand, { Bucket: 'old-logs' }).rejects(awsError('NoSuchBucketPolicy', 'no policy', 404));
  s3.on(GetBucketAclCommand).resolves({
    Owner: { ID: 'owner-id' },
    Grants: [
      { Grantee: { Type: 'CanonicalUser', ID: 'owner-id' }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
    ],
  });
  s3.on(GetPublicAccessBlockCommand, { Bucket: 'site' }).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
  s3.on(GetPublicAccessBlockCommand, { Bucket: 'old-logs' }).resolves({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
  });
  s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 'none', 404));
  s3.on(GetBucketVersioningCommand, { Bucket: 'site' }).resolves({ Status: 'Enabled', MFADelete: 'Enabled' });
  s3.on(GetBucketVersioningCommand, { Bucket: 'old-logs' }).resolves({});
  s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'key-1' }, BucketKeyEnabled: true }] },
  });
  s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration', 'none', 404));
  s3.on(GetBucketLoggingCommand, { Bucket: 'site' }).resolves({ LoggingEnabled: { TargetBucket: 'old-logs', TargetPrefix: 'site/' } });
  s3.on(GetBucketLoggingCommand, { Bucket: 'old-logs' }).resolves({});
  s3.on(GetBucketTaggingCommand, { Bucket: 'site' }).resolves({ TagSet: [{ Key: 'env', Value: 'prod' }] });
  s3.on(GetBucketTaggingCommand, { Bucket: 'old-logs' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
  control.on(GetAccountPabCommand, { AccountId: ACCOUNT }).resolves({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  });
});

describe('s3 collector', () => {
  it('lists every page of buckets and reads each one in its own region', async () => {
    const { part } = await collect(s3Collector);
    const buckets = okValue(part.s3?.buckets);
    expect(buckets.map((b) => [b.name, b.region, b.arn])).toEqual([
      ['site', 'eu-west-1', 'arn:aws:s3:::site'],
      ['old-logs', 'us-east-1', 'arn:aws:s3:::old-logs'],
    ]);
    expect(regionsAsked).toEqual(new Map([['site', 'eu-west-1'], ['old-logs', 'us-east-1']]));
    // GetBucketLocation only for the bucket ListBuckets gave no region for.
    expect(s3.commandCalls(GetBucketLocationCommand).map((c) => c.args[0].input.Bucket)).toEqual(['old-logs']);
  });

  it('maps each configuration, "not configured" answers to absent and other failures to errors', async () => {
    const { part } = await collect(s3Collector);
    const [site, logs] = okValue(part.s3?.buckets);
    expect(site).toMatchObject({
      policy: { state: 'ok', value: POLICY },
      policyStatus: { state: 'ok', value: { isPublic: true } },
      publicAccessBlock: { state: 'absent' },
      ownershipControls: { state: 'absent' },
      versioning: { state: 'ok', value: { status: 'Enabled', mfaDelete: 'Enabled' } },
      encryption: { state: 'ok', value: { rules: [{ algorithm: 'aws:kms', kmsKeyId: 'key-1', bucketKeyEnabled: true }] } },
      lifecycle: { state: 'absent' },
      logging: { state: 'ok', value: { targetBucket: 'old-logs', targetPrefix: 'site/' } },
      tags: { state: 'ok', value: { env: 'prod' } },
      creationDate: '2024-01-01T00:00:00.000Z',
    });
    expect(okValue(site?.acl).grants).toEqual([
      { grantee: { type: 'CanonicalUser', id: 'owner-id' }, permission: 'FULL_CONTROL' },
      { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
    ]);
    expect(logs).toMatchObject({
      policy: { state: 'absent' },
      policyStatus: { state: 'absent' },
      versioning: { state: 'ok', value: { status: 'Disabled', mfaDelete: 'Disabled' } },
      logging: { state: 'absent' },
      tags: { state: 'error', call: 's3:GetBucketTagging', error: 'AccessDenied: Access Denied' },
    });
  });

  it('reads the account-level public access block from S3 Control, absent when not configured', async () => {
    let { part } = await collect(s3Collector);
    expect(part.s3?.accountPublicAccessBlock).toEqual({
      state: 'ok',
      value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
    control.on(GetAccountPabCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    ({ part } = await collect(s3Collector));
    expect(part.s3?.accountPublicAccessBlock).toEqual({ state: 'absent' });
  });

  it('marks every attribute of a bucket whose region cannot be learnt', async () => {
    s3.on(GetBucketLocationCommand).rejects(awsError('AccessDenied', 'no location', 403));
    const { part } = await collect(s3Collector);
    const logs = okValue(part.s3?.buckets).find((b) => b.name === 'old-logs');
    expect(logs?.region).toBe('unknown');
    expect(logs?.policy).toEqual({ state: 'error', call: 's3:GetBucketLocation', error: 'AccessDenied: no location' });
  });

  it('says a policy that is not JSON could not be read, instead of guessing', async () => {
    s3.on(GetBucketPolicyCommand).resolves({ Policy: '{not json' });
    const { part } = await collect(s3Collector);
    expect(okValue(part.s3?.buckets)[0]?.policy).toMatchObject({ state: 'error', call: 's3:GetBucketPolicy' });
  });

  it('translates GetBucketLocation answers', () => {
    expect([locationToRegion(undefined), locationToRegion(''), locationToRegion('EU'), locationToRegion('ap-south-1')]).toEqual([
      'us-east-1',
      'us-east-1',
      'eu-west-1',
      'ap-south-1',
    ]);
  });
});
