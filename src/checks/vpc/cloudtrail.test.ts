import { describe, expect, it } from 'vitest';
import { buildInventory, ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import { runChecks } from '../../engine/run.js';
import { complianceStatus, getFramework } from '../../compliance/index.js';
import check from './cloudtrail.js';
import trailEnabled from '../cloudtrail/enabled.js';
import { ec2Arn, inRegion, vpc } from '../ec2/__tests__/fixtures.js';

const ROOT = 'arn:aws:iam::123456789012:root';
const trail = (name: string, over: Record<string, unknown> = {}) => ({
  arn: `arn:aws:cloudtrail:us-east-1:123456789012:trail/${name}`,
  name,
  homeRegion: 'us-east-1',
  isMultiRegion: true,
  isOrganizationTrail: false,
  logFileValidationEnabled: true,
  status: ok({ isLogging: true }),
  eventSelectors: ok({ classic: [], advanced: [] }),
  ...over,
});
const flowLog = (id: string, vpcId: string, over: Record<string, unknown> = {}) => ({ id, resourceId: vpcId, status: 'ACTIVE', trafficType: 'ALL', destinationType: 's3', ...over });
const empty = { instances: ok([]), networkInterfaces: ok([]) };
const none = { rds: { instances: ok([]) }, elb: { v2: ok([]), classic: ok([]) } };

testCheck(check, {
  pass: [
    {
      name: 'a multi-region trail seen from two regions (deduplicated), flow logs on every VPC the account owns',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        // vpc-shared belongs to another account (AWS RAM): its flow logs are the owner's.
        inRegion({ cloudtrail: { trails: ok([trail('org')]) }, ec2: { vpcs: ok([vpc('vpc-prod'), vpc('vpc-shared', { arn: 'arn:aws:ec2:us-east-1:999988887777:vpc/vpc-shared' })]), flowLogs: ok([flowLog('fl-1', 'vpc-prod')]) } }),
        inRegion({ cloudtrail: { trails: ok([trail('org')]) }, ec2: { vpcs: ok([vpc('vpc-eu', {}, 'eu-west-1')]), flowLogs: ok([flowLog('fl-2', 'vpc-eu', { trafficType: 'REJECT', destinationType: 'cloud-watch-logs' })]) } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'pass', resourceId: ROOT, detail: 'trail', message: 'CloudTrail multi-region trail org is logging and covers us-east-1.' },
        { status: 'pass', resourceId: ROOT, detail: 'trail', message: 'CloudTrail multi-region trail org is logging and covers eu-west-1.' },
        { status: 'pass', resourceId: ec2Arn('vpc', 'vpc-prod'), detail: 'flow-logs', message: 'VPC vpc-prod has an active flow log (ALL traffic to s3).' },
        { status: 'pass', resourceId: ec2Arn('vpc', 'vpc-eu', 'eu-west-1'), detail: 'flow-logs', message: 'VPC vpc-eu has an active flow log (REJECT traffic to cloud-watch-logs).' },
      ],
    },
  ],
  fail: [
    {
      name: 'no trail for a region with a VPC; a VPC without flow logs; an empty default VPC (low)',
      regions: ['eu-west-1'],
      inventory: [
        inRegion(
          { cloudtrail: { trails: ok([trail('us-only', { isMultiRegion: false })]) }, ec2: { vpcs: ok([vpc('vpc-eu', {}, 'eu-west-1'), vpc('vpc-d', { isDefault: true }, 'eu-west-1')]), flowLogs: ok([]), ...empty }, ...none },
          'eu-west-1',
        ),
      ],
      findings: [
        { status: 'fail', resourceId: ROOT, detail: 'trail', message: 'No CloudTrail trail covers eu-west-1, which has VPCs in use.' },
        { status: 'fail', resourceId: ec2Arn('vpc', 'vpc-eu', 'eu-west-1'), detail: 'flow-logs', message: 'VPC vpc-eu has no active flow log.' },
        { status: 'fail', resourceId: ec2Arn('vpc', 'vpc-d', 'eu-west-1'), detail: 'flow-logs', severity: 'low', message: 'VPC vpc-d has no active flow log (an empty default VPC: deleting it also resolves this).' },
      ],
    },
    {
      name: 'a trail that stopped logging, and a flow log whose delivery fails',
      inventory: [inRegion({ cloudtrail: { trails: ok([trail('main', { status: ok({ isLogging: false }) })]) }, ec2: { vpcs: ok([vpc('vpc-prod')]), flowLogs: ok([flowLog('fl-9', 'vpc-prod', { deliverLogsStatus: 'FAILED' })]) } })],
      findings: [
        { status: 'fail', resourceId: ROOT, detail: 'trail', message: 'Trail main covers us-east-1, which has VPCs in use, but it is not logging.' },
        { status: 'fail', resourceId: ec2Arn('vpc', 'vpc-prod'), detail: 'flow-logs', message: 'VPC vpc-prod has flow log fl-9, but its delivery is failing.' },
      ],
    },
  ],
  unknown: [
    {
      // An unread list makes the default VPC look empty: the region is then not "without VPCs in use".
      name: 'no trail, and only a default VPC whose instances could not be read',
      regions: ['eu-west-1'],
      inventory: [
        inRegion(
          {
            cloudtrail: { trails: ok([]) },
            ec2: { vpcs: ok([vpc('vpc-d', { isDefault: true }, 'eu-west-1')]), flowLogs: ok([]), instances: failed('ec2:DescribeInstances', 'AccessDenied'), networkInterfaces: ok([]) },
            ...none,
          },
          'eu-west-1',
        ),
      ],
      findings: [
        { status: 'unknown', resourceId: ROOT, detail: 'trail', message: 'Could not read what the default VPCs of eu-west-1 hold (no logging trail covers the region): ec2:DescribeInstances failed: AccessDenied.' },
        { status: 'fail', resourceId: ec2Arn('vpc', 'vpc-d', 'eu-west-1'), detail: 'flow-logs', message: 'VPC vpc-d has no active flow log.' },
      ],
    },
    {
      name: "the region's trails and flow logs could not be read",
      inventory: [inRegion({ cloudtrail: { trails: failed('cloudtrail:DescribeTrails', 'AccessDenied') }, ec2: { vpcs: ok([vpc('vpc-prod')]), flowLogs: failed('ec2:DescribeFlowLogs', 'AccessDenied') } })],
      findings: [
        { status: 'unknown', resourceId: ROOT, detail: 'trail', message: 'Could not read the trails of us-east-1: cloudtrail:DescribeTrails failed: AccessDenied.' },
        { status: 'unknown', resourceId: ec2Arn('vpc', 'vpc-prod'), detail: 'flow-logs', message: 'Could not read the flow logs of VPC vpc-prod: ec2:DescribeFlowLogs failed: AccessDenied.' },
      ],
    },
  ],
});

describe('vpc.cloudtrail in a compliance report', () => {
  // Its trail verdict accepts any logging trail, and its flow-log failures say nothing of trails:
  // CIS 3.1 / CloudTrail.1 are cloudtrail.enabled's to judge, flow logs are CIS 3.7 / EC2.6.
  it('a VPC without flow logs fails CIS 3.7 and FSBP EC2.6, and leaves CIS 3.1 and CloudTrail.1 to the trail', () => {
    const allEvents = ok({ classic: [{ readWriteType: 'All' as const, includeManagementEvents: true, excludeManagementEventSources: [] }], advanced: [] });
    const inv = buildInventory([inRegion({ cloudtrail: { trails: ok([trail('org', { eventSelectors: allEvents })]) }, ec2: { vpcs: ok([vpc('vpc-prod')]), flowLogs: ok([]) } })]);
    const checks = [check, trailEnabled];
    const { findings } = runChecks(inv, checks, { now: new Date('2026-06-01T00:00:00Z') });
    const status = (framework: string, id: string) => complianceStatus(getFramework(framework), findings, checks).requirements.find((r) => r.requirement.id === id)?.status;
    expect([status('cis', '3.1'), status('fsbp', 'CloudTrail.1')]).toEqual(['pass', 'pass']);
    expect([status('cis', '3.7'), status('fsbp', 'EC2.6')]).toEqual(['fail', 'fail']);
  });
});
