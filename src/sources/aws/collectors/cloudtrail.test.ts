import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, awsError, mockAll, okValue, sharedForTests } from '../__tests__/mock-aws.js';
import { CollectContext } from '../context.js';
import { CallRecorder } from '../recorder.js';
import { cloudtrailCollector } from './cloudtrail.js';

const mocks = mockAll();
const ct = mocks.get(CloudTrailClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org';
const statusRegions: string[] = [];

beforeEach(() => {
  mocks.reset();
  statusRegions.length = 0;
  ct.on(DescribeTrailsCommand).resolves({
    trailList: [{ Name: 'org', TrailARN: TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, LogFileValidationEnabled: true, S3BucketName: 'trail-logs' }],
  });
  ct.on(GetTrailStatusCommand).callsFake(async (_input, getClient) => {
    statusRegions.push(await getClient().config.region());
    return { IsLogging: true, LatestDeliveryTime: new Date('2026-05-01T00:00:00Z') };
  });
  ct.on(GetEventSelectorsCommand).resolves({
    AdvancedEventSelectors: [{ Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
  });
});

describe('cloudtrail collector', () => {
  it('asks status and selectors once per trail, in its home region, for every region that shows its shadow', async () => {
    const shared = sharedForTests();
    const run = (region: string) =>
      cloudtrailCollector.collect(
        new CollectContext({ account: ACCOUNT, partition: 'aws', region, service: 'cloudtrail' }, cloudtrailCollector.commands, new CallRecorder(), shared),
      );
    const [eu, us] = await Promise.all([run('eu-west-1'), run('us-west-2')]);
    shared.pool.destroy();
    for (const part of [eu, us]) {
      const [trail] = okValue(part.cloudtrail?.trails);
      expect(trail).toMatchObject({ arn: TRAIL, homeRegion: 'us-east-1', isMultiRegion: true, isOrganizationTrail: true });
      expect(trail?.status).toEqual({ state: 'ok', value: { isLogging: true, latestDeliveryTime: '2026-05-01T00:00:00.000Z' } });
      expect(trail?.eventSelectors).toEqual({
        state: 'ok',
        value: { classic: [], advanced: [{ name: 'mgmt', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }] },
      });
    }
    expect(statusRegions).toEqual(['us-east-1']);
    expect(ct.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
    expect(ct.commandCalls(GetTrailStatusCommand)[0]?.args[0].input).toEqual({ Name: TRAIL });
  });

  it('keeps the trail when its status is denied, with the status as an error', async () => {
    ct.on(GetTrailStatusCommand).rejects(awsError('AccessDeniedException', 'no', 400));
    const shared = sharedForTests();
    const part = await cloudtrailCollector.collect(
      new CollectContext({ account: ACCOUNT, partition: 'aws', region: 'us-east-1', service: 'cloudtrail' }, cloudtrailCollector.commands, new CallRecorder(), shared),
    );
    shared.pool.destroy();
    const [trail] = okValue(part.cloudtrail?.trails);
    expect(trail?.status).toEqual({ state: 'error', call: 'cloudtrail:GetTrailStatus', error: 'AccessDeniedException: no' });
    expect(trail?.eventSelectors.state).toBe('ok');
  });
});
