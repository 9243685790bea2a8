import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, mockAll } from './__tests__/mock-aws.js';
import { DEFAULT_REGIONS } from './discovery.js';
import { collectLive, IdentityError, UnknownRegionError, UnknownServiceError, type LiveOptions, type ProgressEvent } from './index.js';

const mocks = mockAll();
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
const ARN = 'arn:aws:sts::123456789012:assumed-role/Audit/rampart';

beforeEach(() => {
  mocks.reset();
  mocks.get(STSClient).on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: ARN });
  mocks.get(EC2Client).on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'opted-in' },
      { RegionName: 'ap-east-1', OptInStatus: 'not-opted-in' },
    ],
  });
});

const run = (opts: LiveOptions = {}) => {
  const events: ProgressEvent[] = [];
  const p = collectLive({
    credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'x' }),
    env: {},
    onProgress: (e) => events.push(e),
    ...opts,
  });
  return { events, p };
};

describe('collectLive', () => {
  it('scans every enabled region (opted-in ones too) and says who it scanned as', async () => {
    const { p, events } = run({ services: ['kms'] });
    const inv = await p;
    expect(inv.meta).toMatchObject({ source: 'aws', origin: 'live', accountId: '123456789012', partition: 'aws', identityArn: ARN });
    expect(inv.meta.regions).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
    expect(Object.keys(inv.regions).sort()).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
    expect(mocks.get(EC2Client).commandCalls(DescribeRegionsCommand)[0]?.args[0].input).toEqual({ AllRegions: true });
    expect(events[0]).toMatchObject({ type: 'start', units: 3, services: ['kms'] });
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(events.filter((e) => e.type === 'unit-end')).toHaveLength(3);
  });

  it('counts calls per call and region in meta.calls', async () => {
    mocks.get(KMSClient).on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1', KeyArn: 'arn:k1' }] });
    mocks.get(KMSClient).on(DescribeKeyCommand).rejects(awsError('AccessDeniedException', 'no', 400));
    const inv = await run({ services: ['kms'], regions: ['eu-west-1', 'us-east-1'] }).p;
    expect(inv.meta.calls.filter((c) => c.call === 'kms:DescribeKey')).toEqual([
      { call: 'kms:DescribeKey', region: 'eu-west-1', count: 1, errors: 1, throttles: 0, lastError: 'AccessDeniedException: no' },
      { call: 'kms:DescribeKey', region: 'us-east-1', count: 1, errors: 1, throttles: 0, lastError: 'AccessDeniedException: no' },
    ]);
    expect(inv.meta.calls.find((c) => c.call === 'sts:GetCallerIdentity')).toMatchObject({ region: 'global', count: 1 });
    // The denied key stays listed, its rotation unknown (see kms.ts).
    expect(inv.regions['eu-west-1']?.kms.keys).toEqual({
      state: 'ok',
      value: [{ arn: 'arn:k1', id: 'k1', manager: 'CUSTOMER', aliases: [], rotationEnabled: { state: 'error', call: 'kms:DescribeKey', error: 'AccessDeniedException: no' } }],
    });
  });

  it('reports a selected region the account has not enabled, without calling it', async () => {
    const inv = await run({ services: ['kms'], regions: ['ap-east-1', 'eu-west-1'] }).p;
    expect(inv.meta.regions).toEqual(['eu-west-1', 'ap-east-1']);
    expect(inv.regions['ap-east-1']?.kms.keys).toMatchObject({ state: 'error', call: 'kms:ListKeys', error: expect.stringContaining('not enabled') });
    expect(inv.meta.calls.some((c) => c.region === 'ap-east-1')).toBe(false);
  });

  it('refuses a region name AWS does not know, and a service name Rampart does not know', async () => {
    await expect(run({ services: ['kms'], regions: ['eu-wset-1'] }).p).rejects.toThrow(UnknownRegionError);
    await expect(run({ services: ['kms', 'dynamo'] }).p).rejects.toThrow(UnknownServiceError);
  });

  it('falls back to the regions every account has when DescribeRegions is denied, and warns', async () => {
    mocks.get(EC2Client).on(DescribeRegionsCommand).rejects(awsError('UnauthorizedOperation', 'no', 403));
    const { p, events } = run({ services: ['guardduty'] });
    const inv = await p;
    expect(inv.meta.regions).toEqual(DEFAULT_REGIONS);
    expect(events.some((e) => e.type === 'warning' && e.message.includes('ec2:DescribeRegions'))).toBe(true);
  });

  it('falls back to the GovCloud regions, not one region, when DescribeRegions is denied there', async () => {
    mocks.get(STSClient).on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws-us-gov:iam::123456789012:user/audit' });
    mocks.get(EC2Client).on(DescribeRegionsCommand).rejects(awsError('UnauthorizedOperation', 'no', 403));
    const inv = await run({ services: ['guardduty'], env: { AWS_REGION: 'us-gov-west-1' } }).p;
    expect(inv.meta.regions).toEqual(['us-gov-east-1', 'us-gov-west-1']);
  });

  it('needs no region list for global services only', async () => {
    const inv = await run({ services: ['account'] }).p;
    expect(inv.meta.regions).toEqual([]);
    expect(mocks.get(EC2Client).commandCalls(DescribeRegionsCommand)).toHaveLength(0);
  });

  it('stops with a clear error when the credentials cannot be identified', async () => {
    mocks.get(STSClient).on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403));
    await expect(run().p).rejects.toThrow(IdentityError);
    await expect(run().p).rejects.toThrow(/in us-east-1.*GovCloud or China/);
  });

  it('completes when a collector throws, and marks what it owned', async () => {
    mocks.get(KMSClient).on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1' }] });
    mocks.get(KMSClient).on(DescribeKeyCommand).callsFake(() => ({
      get KeyMetadata(): never {
        throw new Error('surprising answer');
      },
    }));
    const { p, events } = run({ services: ['kms', 'account'], regions: ['eu-west-1'] });
    const inv = await p;
    expect(inv.regions['eu-west-1']?.kms.keys).toMatchObject({ state: 'error', error: expect.stringContaining('the kms collector failed: surprising answer') });
    expect(inv.account.alternateContacts.security.state).toBe('ok');
    expect(events.find((e) => e.type === 'unit-end' && e.crashed)).toBeDefined();
  });

  it('hands every new SDK client to the onClient hook, with its class and region', async () => {
    const seen: string[] = [];
    await run({ services: ['kms'], regions: ['eu-west-1'], onClient: (_c, info) => seen.push(`${info.clientName}@${info.region}`) }).p;
    expect(seen.sort()).toEqual(['EC2Client@us-east-1', 'KMSClient@eu-west-1', 'STSClient@us-east-1']);
  });
});
