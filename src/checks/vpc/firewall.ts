import { z } from 'zod';
import type { Inventory, RegionalInventory, Vpc } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional, missing } from '../helpers.js';
import { inUse, regionUsage } from './usage.js';
import { ownedElsewhere, vpcLabel, vpcRef } from './vpc-ref.js';

const options = z.object({
  /** A VPC tag that names the firewall appliance inspecting its traffic (Palo Alto, Fortinet, a central inspection VPC...). */
  applianceTagKey: z.string().min(1).default('firewall-appliance'),
  /** When set, only these values of the tag count. */
  applianceTagValues: z.array(z.string()).optional(),
});
type Options = z.infer<typeof options>;
type Message = 'networkFirewall' | 'appliance' | 'noFirewall';

function judge(v: Vpc, r: RegionalInventory, region: string, o: Options, inv: Inventory): CheckResult<Message | 'missing'>[] {
  if (ownedElsewhere(v, inv)) return [];
  const usage = regionUsage(r);
  const used = inUse(v, usage);
  // An empty default VPC is no workload; one that only looks empty (unread lists) may be.
  if (!used && usage.unread.length === 0) return [];
  const resource = vpcRef(v, region);
  const vpc = vpcLabel(v);
  const tag = v.tags[o.applianceTagKey];
  if (tag !== undefined && (!o.applianceTagValues || o.applianceTagValues.includes(tag))) {
    return [{ status: 'pass', resource, message: 'appliance', data: { vpc, tag: `${o.applianceTagKey}=${tag}` } }];
  }
  const fws = r.networkFirewall.firewalls;
  if (fws.state !== 'ok' && fws.state !== 'absent') return [missing(resource, fws, `the Network Firewall firewalls that could protect VPC ${vpc}`)];
  const fw = fws.state === 'ok' ? fws.value.filter((f) => f.vpcId === v.id) : [];
  if (fw.length > 0) return [{ status: 'pass', resource, message: 'networkFirewall', data: { vpc, firewall: fw.map((f) => f.name).join(', ') } }];
  if (!used && usage.unread[0]) return [missing(resource, usage.unread[0], `what the default VPC ${vpc} holds (it has no firewall)`)];
  return [{ status: 'fail', resource, message: 'noFirewall', data: { vpc, tagKey: o.applianceTagKey } }];
}

export default defineCheck({
  id: 'vpc.firewall',
  title: 'Traffic into the VPC passes a firewall (AWS Network Firewall or an appliance)',
  description:
    'Security groups and network ACLs filter by address and port; a firewall also inspects what passes (domains, protocols, known-bad signatures) and logs it. The guide recommends a virtual firewall appliance in front of each VPC. A VPC counts as protected when an AWS Network Firewall is deployed in it, or when it carries a tag that names the appliance or central inspection VPC its traffic is routed through.',
  severity: 'low',
  guideIds: ['vpc.firewall'],
  needs: ['regions.*.ec2.vpcs', 'regions.*.networkFirewall.firewalls', 'regions.*.ec2.instances', 'regions.*.ec2.networkInterfaces', 'regions.*.rds.instances', 'regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['ec2:DescribeVpcs', 'network-firewall:ListFirewalls', 'network-firewall:DescribeFirewall', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'rds:DescribeDBInstances', 'elasticloadbalancing:DescribeLoadBalancers'],
  sources: ['aws'],
  remediation: {
    text: "Deploy AWS Network Firewall in dedicated firewall subnets of the VPC (or in a central inspection VPC behind a transit gateway) and route internet-bound and inbound traffic through its endpoints. Where a third-party appliance or central inspection VPC already inspects the traffic, tag the VPC with the configured tag key (default 'firewall-appliance') naming it.",
    cli: 'aws network-firewall create-firewall --firewall-name prod-fw --firewall-policy-arn arn:aws:network-firewall:us-east-1:111122223333:firewall-policy/prod --vpc-id vpc-0123456789abcdef0 --subnet-mappings SubnetId=subnet-0aaa SubnetId=subnet-0bbb\naws ec2 create-tags --resources vpc-0123456789abcdef0 --tags Key=firewall-appliance,Value=central-inspection-vpc',
    cloudformation:
      'Firewall:\n  Type: AWS::NetworkFirewall::Firewall\n  Properties:\n    FirewallName: prod-fw\n    FirewallPolicyArn: !Ref FirewallPolicy\n    VpcId: !Ref Vpc\n    SubnetMappings:\n      - SubnetId: !Ref FirewallSubnetA\n      - SubnetId: !Ref FirewallSubnetB',
    terraform:
      'resource "aws_networkfirewall_firewall" "prod" {\n  name                = "prod-fw"\n  firewall_policy_arn = aws_networkfirewall_firewall_policy.prod.arn\n  vpc_id              = aws_vpc.prod.id\n  subnet_mapping {\n    subnet_id = aws_subnet.firewall_a.id\n  }\n}',
  },
  messages: {
    networkFirewall: 'VPC {{vpc}} is protected by AWS Network Firewall {{firewall}}.',
    appliance: 'VPC {{vpc}} is tagged {{tag}}: its traffic passes the firewall appliance the tag names.',
    noFirewall: 'VPC {{vpc}} has no AWS Network Firewall and no {{tagKey}} tag naming a firewall appliance.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.vpcs, 'the VPCs', (v, region, r) => judge(v, r, region, o, inventory));
  },
});
