import { z } from 'zod';
import type { RegionalInventory, Vpc } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional, missing } from '../helpers.js';
import { describeUsage, isEmpty, regionUsage } from './usage.js';
import { vpcLabel, vpcRef } from './vpc-ref.js';

const options = z.object({
  /** The tag that names the workload (application, team, environment) a resource belongs to. */
  workloadTagKey: z.string().min(1).default('workload'),
});
type Options = z.infer<typeof options>;
type Message = 'defaultVpcEmpty' | 'defaultVpcUsed' | 'oneWorkload' | 'sharedWorkloads';

const GONE = new Set(['terminated', 'shutting-down']);

/** The lists whose resources carry workload tags, when one could not be read: one workload seen is then not one workload. */
function unreadWorkloadList(r: RegionalInventory) {
  return [r.ec2.instances, r.rds.instances, r.elb.v2, r.elb.classic].find((a) => a.state !== 'ok' && a.state !== 'absent');
}

/** The workload tag values found on a VPC and on what runs in it. */
function workloadsIn(v: Vpc, r: RegionalInventory, key: string): string[] {
  const values = new Set<string>();
  const addFrom = (tags: Record<string, string> | undefined) => {
    const t = tags?.[key]?.trim();
    if (t) values.add(t);
  };
  addFrom(v.tags);
  if (r.ec2.instances.state === 'ok') for (const i of r.ec2.instances.value) if (i.vpcId === v.id && !GONE.has(i.state)) addFrom(i.tags);
  if (r.rds.instances.state === 'ok') for (const d of r.rds.instances.value) if (d.vpcId === v.id) addFrom(d.tags);
  if (r.elb.v2.state === 'ok') for (const lb of r.elb.v2.value) if (lb.vpcId === v.id) addFrom(lb.tags);
  if (r.elb.classic.state === 'ok') for (const lb of r.elb.classic.value) if (lb.vpcId === v.id) addFrom(lb.tags);
  return [...values].sort();
}

function judge(v: Vpc, r: RegionalInventory, region: string, o: Options): CheckResult<Message | 'missing'>[] {
  const resource = vpcRef(v, region);
  const vpc = vpcLabel(v);
  const out: CheckResult<Message | 'missing'>[] = [];
  if (v.isDefault) {
    const usage = regionUsage(r);
    const u = usage.byVpc.get(v.id);
    if (!isEmpty(u) && u) out.push({ status: 'fail', resource, detail: 'default-vpc', message: 'defaultVpcUsed', data: { vpc, resources: describeUsage(u) }, evidence: { ...u } });
    else if (usage.unread[0]) out.push(missing(resource, usage.unread[0], `what the default VPC ${vpc} holds`, 'default-vpc'));
    else out.push({ status: 'pass', resource, detail: 'default-vpc', message: 'defaultVpcEmpty', data: { vpc } });
  }
  const workloads = workloadsIn(v, r, o.workloadTagKey);
  if (workloads.length > 1) {
    out.push({ status: 'fail', resource, detail: 'workloads', severity: 'low', message: 'sharedWorkloads', data: { vpc, key: o.workloadTagKey, workloads: workloads.join(', '), count: workloads.length } });
  } else if (workloads.length === 1 && !v.isDefault) {
    const unread = unreadWorkloadList(r);
    out.push(
      unread
        ? missing(resource, unread, `the other resources of VPC ${vpc}, which may belong to another workload`, 'workloads')
        : { status: 'pass', resource, detail: 'workloads', message: 'oneWorkload', data: { vpc, key: o.workloadTagKey, workload: workloads[0] ?? '' } },
    );
  }
  return out;
}

export default defineCheck({
  id: 'vpc.isolation',
  title: 'Workloads have VPCs of their own; the default VPC is not used',
  description:
    "The guide's last VPC tip: an isolated network for each workload or organisational unit, so that a compromise of one cannot reach the others through open security groups or routes. The default VPC comes with public subnets that give every instance a public address; resources in it were usually launched without a network design. Workloads are told apart by a tag (default key 'workload') on the VPC and on what runs in it.",
  severity: 'medium',
  guideIds: ['vpc.isolation'],
  needs: ['regions.*.ec2.vpcs', 'regions.*.ec2.instances', 'regions.*.ec2.networkInterfaces', 'regions.*.rds.instances', 'regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['ec2:DescribeVpcs', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'rds:DescribeDBInstances', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeTags'],
  sources: ['aws'],
  remediation: {
    text: "Move what runs in the default VPC into a VPC designed for it (private subnets, no automatic public addresses), then delete the default VPC or leave it empty. Give each workload (application, team or environment) its own VPC, connected only where needed through peering, Transit Gateway or PrivateLink, and tag resources with the workload tag so the separation can be checked.",
    cli: 'aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=vpc-0123456789abcdef0 --query "NetworkInterfaces[].[NetworkInterfaceId,Description]"\naws ec2 delete-vpc --vpc-id vpc-0123456789abcdef0   # once it is empty (delete its subnets, internet gateway and security groups first)',
    cloudformation:
      'WorkloadVpc:\n  Type: AWS::EC2::VPC\n  Properties:\n    CidrBlock: 10.30.0.0/16\n    EnableDnsSupport: true\n    EnableDnsHostnames: true\n    Tags:\n      - Key: workload\n        Value: billing',
    terraform:
      'resource "aws_vpc" "billing" {\n  cidr_block           = "10.30.0.0/16"\n  enable_dns_support   = true\n  enable_dns_hostnames = true\n  tags = { workload = "billing" }\n}',
  },
  messages: {
    defaultVpcEmpty: 'Default VPC {{vpc}} holds no instances, network interfaces, databases or load balancers.',
    defaultVpcUsed: 'Default VPC {{vpc}} holds {{resources}}.',
    oneWorkload: 'VPC {{vpc}} hosts one workload ({{key}} = {{workload}}).',
    sharedWorkloads: 'VPC {{vpc}} hosts {{count}} workloads ({{key}}: {{workloads}}).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.vpcs, 'the VPCs', (v, region, r) => judge(v, r, region, o));
  },
});
