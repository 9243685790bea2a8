import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './sg-documented.js';
import { allTraffic, ec2Arn, fromGroup, inRegion, sg, tcp } from './__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('security-group', id);
const groups = (...g: ReturnType<typeof sg>[]) => [inRegion({ ec2: { securityGroups: ok(g) } })];

testCheck(check, {
  pass: [
    {
      name: 'a meaningful description and described rules',
      inventory: groups(sg('sg-web', { name: 'web', description: 'Web tier: HTTPS from the ALB', ingress: [fromGroup(443, 'sg-alb', 'HTTPS from the ALB')] })),
      findings: [
        { status: 'pass', resourceId: arn('sg-web'), detail: 'description', message: 'Security group sg-web (web) is described: "Web tier: HTTPS from the ALB".' },
        { status: 'pass', resourceId: arn('sg-web'), detail: 'rules', message: 'Every ingress rule of security group sg-web (web) has a description (1 rule(s)).' },
      ],
    },
    {
      name: 'a group with no ingress rules is judged on its description only',
      inventory: groups(sg('sg-out', { name: 'egress-only', description: 'Outbound HTTPS for the batch jobs' })),
      findings: [{ status: 'pass', resourceId: arn('sg-out'), detail: 'description', message: 'Security group sg-out (egress-only) is described: "Outbound HTTPS for the batch jobs".' }],
    },
  ],
  fail: [
    {
      name: "the launch wizard's description and an undescribed rule",
      inventory: groups(sg('sg-lw', { name: 'launch-wizard-3', description: 'launch-wizard-3 created 2023-04-11T09:12:44.000Z', ingress: [tcp(22, '0.0.0.0/0')] })),
      findings: [
        { status: 'fail', resourceId: arn('sg-lw'), detail: 'description', message: 'Security group sg-lw (launch-wizard-3) keeps the launch wizard\'s description ("launch-wizard-3 created 2023-04-11T09:12:44.000Z").' },
        { status: 'fail', resourceId: arn('sg-lw'), detail: 'rules', message: 'Security group sg-lw (launch-wizard-3) has 1 of 1 ingress rule(s) without a description: TCP port 22 from 0.0.0.0/0.' },
      ],
    },
    {
      name: "Terraform's default description, case aside",
      inventory: groups(sg('sg-tf', { name: 'app', description: 'managed by terraform' })),
      findings: [{ status: 'fail', resourceId: arn('sg-tf'), detail: 'description', message: 'Security group sg-tf (app) keeps a generated description ("managed by terraform") that says nothing of its purpose.' }],
    },
    {
      name: 'a description that repeats the name, and an empty one',
      inventory: groups(sg('sg-n', { name: 'analytics-etl', description: 'Analytics-ETL ' }), sg('sg-e', { name: 'empty', description: '  ' })),
      findings: [
        { status: 'fail', resourceId: arn('sg-n'), detail: 'description', message: 'Security group sg-n (analytics-etl) is described only by its own name ("Analytics-ETL").' },
        { status: 'fail', resourceId: arn('sg-e'), detail: 'description', message: 'Security group sg-e (empty) has no description.' },
      ],
    },
    {
      name: "a default group's added rule needs a description, AWS's own rule does not",
      inventory: groups(sg('sg-def', { name: 'default', description: 'default VPC security group', ingress: [allTraffic('sg-def'), tcp(22, '10.0.0.0/8')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-def'), detail: 'rules', message: 'Security group sg-def (default) has 1 of 1 ingress rule(s) without a description: TCP port 22 from 10.0.0.0/8.' }],
    },
    {
      name: 'a non-default group described "default VPC security group"',
      inventory: groups(sg('sg-copy', { name: 'app', description: 'default VPC security group' })),
      findings: [{ status: 'fail', resourceId: arn('sg-copy'), detail: 'description', message: 'Security group sg-copy (app) keeps a generated description ("default VPC security group") that says nothing of its purpose.' }],
    },
  ],
  unknown: [
    {
      name: 'security groups could not be read in one region',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { securityGroups: ok([sg('sg-web', { name: 'web', description: 'Web tier' })]) } }),
        inRegion({ ec2: { securityGroups: failed('ec2:DescribeSecurityGroups', 'UnauthorizedOperation') } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'pass', resourceId: arn('sg-web'), detail: 'description', message: 'Security group sg-web (web) is described: "Web tier".' },
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', message: 'Could not read the security groups: ec2:DescribeSecurityGroups failed: UnauthorizedOperation.' },
      ],
    },
  ],
});
