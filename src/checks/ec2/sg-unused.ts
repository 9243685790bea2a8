import type { RegionalInventory, SecurityGroup } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { isDefaultGroup, sgLabel, sgRef } from './sg-rules.js';

type Message = 'used' | 'unused' | 'unusedReferenced';

/** Which groups each group's rules (ingress or egress) name as a source or destination. */
function referrers(groups: SecurityGroup[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of groups) {
    for (const rule of [...g.ingress, ...g.egress]) {
      if (rule.source.kind !== 'group' || rule.source.value === g.id) continue;
      const list = out.get(rule.source.value) ?? [];
      if (!list.includes(g.id)) list.push(g.id);
      out.set(rule.source.value, list);
    }
  }
  return out;
}

function judgeRegion(groups: SecurityGroup[], r: RegionalInventory, region: string): CheckResult<Message>[] {
  const enis = r.ec2.networkInterfaces;
  if (enis.state !== 'ok') return [];
  // Every user of a group (instance, load balancer, database, Lambda, endpoint) holds it through a network interface.
  const users = new Map<string, number>();
  for (const eni of enis.value) for (const id of new Set(eni.securityGroupIds)) users.set(id, (users.get(id) ?? 0) + 1);
  const refs = referrers(groups);
  return groups
    .filter((g) => !isDefaultGroup(g))
    .map((g): CheckResult<Message> => {
      const resource = sgRef(g, region);
      const group = sgLabel(g);
      const count = users.get(g.id) ?? 0;
      if (count > 0) return { status: 'pass', resource, message: 'used', data: { group, count } };
      const by = refs.get(g.id);
      return by
        ? { status: 'fail', resource, message: 'unusedReferenced', data: { group, referrers: by.join(', ') }, evidence: { referencedBy: by } }
        : { status: 'fail', resource, message: 'unused', data: { group } };
    });
}

export default defineCheck({
  id: 'ec2.sg-unused',
  title: 'Security groups that nothing uses are removed',
  description:
    'A security group that no network interface uses protects nothing, yet anyone can attach it to a new instance by mistake and open whatever it allows. Default groups are left out: AWS creates them and they cannot be deleted.',
  severity: 'low',
  guideIds: ['ec2.sg-unused'],
  needs: ['regions.*.ec2.securityGroups', 'regions.*.ec2.networkInterfaces'],
  permissions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces'],
  sources: ['aws'],
  remediation: {
    text: 'Before deleting a group, make sure no launch template, launch configuration, Auto Scaling group or CloudFormation stack still names it (they hold no network interface until they launch). Remove the rules in other groups that reference it, then delete it.',
    cli: 'aws ec2 describe-network-interfaces --filters Name=group-id,Values=sg-0123456789abcdef0 --query "NetworkInterfaces[].NetworkInterfaceId"\naws ec2 describe-security-group-references --group-id sg-0123456789abcdef0\naws ec2 delete-security-group --group-id sg-0123456789abcdef0',
    cloudformation: '# Remove the AWS::EC2::SecurityGroup resource (and every SecurityGroupIngress/Egress that names it) from the template, then update the stack.',
    terraform: '# Remove the aws_security_group resource and the rules that reference it, then: terraform plan && terraform apply',
  },
  messages: {
    used: 'Security group {{group}} is used by {{count}} network interface(s).',
    unused: 'Security group {{group}} is attached to no network interface.',
    unusedReferenced:
      'Security group {{group}} is attached to no network interface; the rules of {{referrers}} still reference it, so remove those references before deleting it.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const groups = r.ec2.securityGroups;
      if (groups.state === 'absent') continue;
      if (groups.state !== 'ok') {
        out.push(missing(accountResource(inventory, region), groups, 'the security groups'));
        continue;
      }
      const enis = r.ec2.networkInterfaces;
      if (enis.state !== 'ok' && groups.value.some((g) => !isDefaultGroup(g))) {
        out.push(missing(accountResource(inventory, region), enis, 'the network interfaces that use the security groups'));
      }
      out.push(...judgeRegion(groups.value, r, region));
    }
    return out;
  },
});
