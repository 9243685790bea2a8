import { ok, failed, absent } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './enabled.js';
import { inRegion, instance } from '../ec2/__tests__/fixtures.js';

const ROOT = 'arn:aws:iam::123456789012:root';
const running = (region = 'us-east-1') => ok([instance('i-1', {}, region), instance('i-2', { state: 'stopped' }, region), instance('i-3', { state: 'terminated' }, region)]);

testCheck(check, {
  pass: [
    {
      name: 'EC2 scanning on and no critical or high finding; a region without instances is not judged',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { instances: running() }, inspector: { status: ok({ state: 'ENABLED', ec2: 'ENABLED' }), activeFindings: ok({ critical: 0, high: 0 }) } }),
        inRegion({ ec2: { instances: ok([]) }, inspector: { status: ok({ state: 'DISABLED', ec2: 'DISABLED' }) } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'pass', resourceId: ROOT, detail: 'scanning', message: 'Amazon Inspector scans the EC2 instances of us-east-1 (2 instance(s)).' },
        { status: 'pass', resourceId: ROOT, detail: 'findings', message: 'Amazon Inspector has no active critical or high finding in us-east-1.' },
      ],
    },
  ],
  fail: [
    {
      name: 'open critical findings (high) where scanning is on; scanning off, or Inspector never activated, elsewhere',
      regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
      inventory: [
        inRegion({ ec2: { instances: running() }, inspector: { status: ok({ state: 'ENABLED', ec2: 'ENABLED' }), activeFindings: ok({ critical: 1, high: 4 }) } }),
        inRegion({ ec2: { instances: running('eu-west-1') }, inspector: { status: ok({ state: 'ENABLED', ec2: 'DISABLED', ecr: 'ENABLED' }) } }, 'eu-west-1'),
        inRegion({ ec2: { instances: running('ap-southeast-2') }, inspector: { status: absent() } }, 'ap-southeast-2'),
      ],
      findings: [
        { status: 'pass', resourceId: ROOT, detail: 'scanning', message: 'Amazon Inspector scans the EC2 instances of us-east-1 (2 instance(s)).' },
        { status: 'fail', resourceId: ROOT, detail: 'findings', severity: 'high', message: 'Amazon Inspector has 1 critical and 4 high active finding(s) in us-east-1: triage them in the Inspector console.' },
        { status: 'fail', resourceId: ROOT, detail: 'scanning', message: 'Amazon Inspector EC2 scanning is DISABLED in eu-west-1, which has 2 instance(s).' },
        { status: 'fail', resourceId: ROOT, detail: 'scanning', message: 'Amazon Inspector is not activated in ap-southeast-2, which has 2 instance(s).' },
      ],
    },
  ],
  unknown: [
    {
      name: 'status unreadable; findings unreadable where scanning is on',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { instances: running() }, inspector: { status: ok({ state: 'ENABLED', ec2: 'ENABLED' }), activeFindings: failed('inspector2:ListFindingAggregations', 'AccessDeniedException') } }),
        inRegion({ ec2: { instances: running('eu-west-1') }, inspector: { status: failed('inspector2:BatchGetAccountStatus', 'AccessDeniedException') } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'pass', resourceId: ROOT, detail: 'scanning', message: 'Amazon Inspector scans the EC2 instances of us-east-1 (2 instance(s)).' },
        { status: 'unknown', resourceId: ROOT, detail: 'findings', message: 'Could not read the active Amazon Inspector findings of us-east-1: inspector2:ListFindingAggregations failed: AccessDeniedException.' },
        { status: 'unknown', resourceId: ROOT, detail: 'scanning', message: 'Could not read the Amazon Inspector status of eu-west-1: inspector2:BatchGetAccountStatus failed: AccessDeniedException.' },
      ],
    },
    {
      name: 'scanning off and the instances could not be read',
      inventory: [inRegion({ ec2: { instances: failed('ec2:DescribeInstances', 'AccessDenied') }, inspector: { status: ok({ state: 'DISABLED', ec2: 'DISABLED' }) } })],
      findings: [{ status: 'unknown', resourceId: ROOT, detail: 'scanning', message: 'Could not read the instances of us-east-1 (Inspector EC2 scanning is not enabled there): ec2:DescribeInstances failed: AccessDenied.' }],
    },
  ],
});
