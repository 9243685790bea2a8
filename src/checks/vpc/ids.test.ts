import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './ids.js';
import { inRegion, instance, vpc } from '../ec2/__tests__/fixtures.js';

const ROOT = 'arn:aws:iam::123456789012:root';
const contents = { instances: ok([]), networkInterfaces: ok([]) };
const rdsNone = { instances: ok([]) };
const elbNone = { v2: ok([]), classic: ok([]) };

testCheck(check, {
  pass: [
    {
      name: 'GuardDuty on where there are resources; a region with only an empty default VPC is not judged',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { vpcs: ok([vpc('vpc-prod')]), ...contents }, guardduty: { detectors: ok([{ id: 'det-1', status: 'ENABLED' }]) } }),
        inRegion({ ec2: { vpcs: ok([vpc('vpc-d', { isDefault: true }, 'eu-west-1')]), ...contents }, rds: rdsNone, elb: elbNone, guardduty: { detectors: ok([]) } }, 'eu-west-1'),
      ],
      findings: [{ status: 'pass', resourceId: ROOT, message: 'GuardDuty watches us-east-1 (detector det-1).' }],
    },
  ],
  fail: [
    {
      name: 'no detector where instances run, and a suspended detector',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { vpcs: ok([vpc('vpc-d', { isDefault: true })]), instances: ok([instance('i-1', { vpcId: 'vpc-d' })]) }, guardduty: { detectors: ok([]) } }),
        inRegion({ ec2: { vpcs: ok([vpc('vpc-eu', {}, 'eu-west-1')]) }, guardduty: { detectors: ok([{ id: 'det-eu', status: 'DISABLED' }]) } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'fail', resourceId: ROOT, message: 'GuardDuty is not enabled in us-east-1, which has resources.' },
        { status: 'fail', resourceId: ROOT, message: 'GuardDuty is suspended in eu-west-1, which has resources (detector det-eu).' },
      ],
    },
  ],
  unknown: [
    {
      name: 'detectors could not be read',
      inventory: [inRegion({ ec2: { vpcs: ok([vpc('vpc-prod')]) }, guardduty: { detectors: failed('guardduty:ListDetectors', 'AccessDeniedException') } })],
      findings: [{ status: 'unknown', resourceId: ROOT, message: 'Could not read the GuardDuty detectors of us-east-1: guardduty:ListDetectors failed: AccessDeniedException.' }],
    },
    {
      name: 'no detector, and what the region holds could not be read',
      inventory: [inRegion({ ec2: { vpcs: ok([vpc('vpc-d', { isDefault: true })]), instances: failed('ec2:DescribeInstances', 'AccessDenied'), networkInterfaces: ok([]) }, rds: rdsNone, elb: elbNone, guardduty: { detectors: ok([]) } })],
      findings: [{ status: 'unknown', resourceId: ROOT, message: 'Could not read the resources of us-east-1 (GuardDuty is not enabled there): ec2:DescribeInstances failed: AccessDenied.' }],
    },
  ],
});
