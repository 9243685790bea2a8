import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './firewall.js';
import { ec2Arn, inRegion, instance, vpc } from '../ec2/__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('vpc', id);
/** Every list that can show a VPC in use, read and empty: an empty default VPC is then known to be empty. */
const readEmpty = { ec2: { instances: ok([]), networkInterfaces: ok([]) }, rds: { instances: ok([]) }, elb: { v2: ok([]), classic: ok([]) } };
const fw = (vpcId: string, name = 'prod-fw') => ({ arn: `arn:aws:network-firewall:us-east-1:123456789012:firewall/${name}`, name, vpcId });

testCheck(check, {
  pass: [
    {
      name: "a Network Firewall in one VPC, an appliance tag on another; an empty default VPC and another account's shared VPC are not judged",
      inventory: [
        inRegion({
          ec2: {
            vpcs: ok([vpc('vpc-prod', { tags: { Name: 'prod' } }), vpc('vpc-corp', { tags: { 'firewall-appliance': 'palo-alto-ha' } }), vpc('vpc-def', { isDefault: true }), vpc('vpc-ram', { arn: 'arn:aws:ec2:us-east-1:999988887777:vpc/vpc-ram' })]),
            ...readEmpty.ec2,
          },
          rds: readEmpty.rds,
          elb: readEmpty.elb,
          networkFirewall: { firewalls: ok([fw('vpc-prod')]) },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: arn('vpc-prod'), message: 'VPC vpc-prod (prod) is protected by AWS Network Firewall prod-fw.' },
        { status: 'pass', resourceId: arn('vpc-corp'), message: 'VPC vpc-corp is tagged firewall-appliance=palo-alto-ha: its traffic passes the firewall appliance the tag names.' },
      ],
    },
  ],
  fail: [
    {
      name: 'a VPC without a firewall, a default VPC in use, and a tag value that is not accepted',
      options: { applianceTagValues: ['central-inspection'] },
      inventory: [
        inRegion({
          ec2: { vpcs: ok([vpc('vpc-eu'), vpc('vpc-def', { isDefault: true }), vpc('vpc-x', { tags: { 'firewall-appliance': 'none' } })]), instances: ok([instance('i-1', { vpcId: 'vpc-def' })]) },
          networkFirewall: { firewalls: ok([]) },
        }),
      ],
      findings: [
        { status: 'fail', resourceId: arn('vpc-eu'), message: 'VPC vpc-eu has no AWS Network Firewall and no firewall-appliance tag naming a firewall appliance.' },
        { status: 'fail', resourceId: arn('vpc-def'), message: 'VPC vpc-def has no AWS Network Firewall and no firewall-appliance tag naming a firewall appliance.' },
        { status: 'fail', resourceId: arn('vpc-x'), message: 'VPC vpc-x has no AWS Network Firewall and no firewall-appliance tag naming a firewall appliance.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'a default VPC without a firewall whose network interfaces could not be read may be in use',
      inventory: [
        inRegion({
          ec2: { vpcs: ok([vpc('vpc-def', { isDefault: true })]), instances: ok([]), networkInterfaces: failed('ec2:DescribeNetworkInterfaces', 'AccessDenied') },
          rds: readEmpty.rds,
          elb: readEmpty.elb,
          networkFirewall: { firewalls: ok([]) },
        }),
      ],
      findings: [{ status: 'unknown', resourceId: arn('vpc-def'), message: 'Could not read what the default VPC vpc-def holds (it has no firewall): ec2:DescribeNetworkInterfaces failed: AccessDenied.' }],
    },
    {
      name: 'firewalls could not be read',
      inventory: [inRegion({ ec2: { vpcs: ok([vpc('vpc-prod')]) }, networkFirewall: { firewalls: failed('network-firewall:ListFirewalls', 'AccessDeniedException') } })],
      findings: [{ status: 'unknown', resourceId: arn('vpc-prod'), message: 'Could not read the Network Firewall firewalls that could protect VPC vpc-prod: network-firewall:ListFirewalls failed: AccessDeniedException.' }],
    },
  ],
});
