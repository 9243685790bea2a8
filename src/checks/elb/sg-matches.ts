import type { RegionalInventory, SecurityGroupRule } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ResourceRef } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { describeSource, describeSpan, isWorld, portSpan, ruleKey, sgLabel } from '../ec2/sg-rules.js';
import { classicLabel, classicRef, v2Label, v2Ref } from './load-balancers.js';

type Message = 'matches' | 'beyond' | 'groupNotFound';

interface Balancer {
  resource: ResourceRef;
  label: string;
  groupIds: string[];
  ports: number[];
}

/** True when the rule admits some port no listener uses. ICMP and other port-less protocols are left aside (path MTU discovery needs ICMP). */
function beyondListeners(rule: SecurityGroupRule, ports: Set<number>): boolean {
  const span = portSpan(rule);
  if (span.kind === 'portless') return false;
  if (span.kind === 'all') return true;
  if (span.to - span.from + 1 > ports.size) return true;
  for (let p = span.from; p <= span.to; p++) if (!ports.has(p)) return true;
  return false;
}

function judge(b: Balancer, r: RegionalInventory): CheckResult<Message | 'missing'>[] {
  const groups = r.ec2.securityGroups;
  if (groups.state !== 'ok') return [missing(b.resource, groups, `the security groups of ${b.label}`, 'groups')];
  const ports = new Set(b.ports);
  const listenerPorts = [...ports].sort((x, y) => x - y).join(', ') || 'none';
  const out: CheckResult<Message>[] = [];
  for (const id of b.groupIds) {
    const sg = groups.value.find((g) => g.id === id);
    if (!sg) {
      out.push({ status: 'unknown', resource: b.resource, message: 'groupNotFound', detail: `group:${id}`, data: { lb: b.label, group: id } });
      continue;
    }
    for (const rule of sg.ingress.filter((x) => beyondListeners(x, ports))) {
      out.push({
        status: 'fail',
        resource: b.resource,
        message: 'beyond',
        detail: `${sg.id}:${ruleKey(rule)}`,
        severity: isWorld(rule) ? 'medium' : 'low',
        data: { lb: b.label, group: sgLabel(sg), source: describeSource(rule), ports: describeSpan(portSpan(rule)), listenerPorts },
      });
    }
  }
  if (out.length === 0) out.push({ status: 'pass', resource: b.resource, message: 'matches', data: { lb: b.label, groups: b.groupIds.join(', '), listenerPorts } });
  return out;
}

export default defineCheck({
  id: 'elb.sg-matches',
  title: "A load balancer's security groups open only its listener ports",
  description:
    "A load balancer only answers on its listener ports, so anything else its security groups admit is either dead weight or a sign that the group is shared with instances behind it, which then become reachable on those ports from the same sources. The groups should match the services balanced, typically HTTP and HTTPS.",
  severity: 'medium',
  guideIds: ['elb.sg-matches'],
  needs: ['regions.*.elb.v2', 'regions.*.elb.classic', 'regions.*.ec2.securityGroups'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners', 'ec2:DescribeSecurityGroups'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'Give each load balancer a security group of its own that admits only its listener ports, and remove the other ingress rules. Let the targets admit traffic from that group, not from the internet.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 8080 --cidr 0.0.0.0/0',
    cloudformation:
      'LoadBalancerSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: Public ALB - HTTP and HTTPS only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: HTTPS }\n      - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0, Description: HTTP redirect }',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "alb_https" {\n  security_group_id = aws_security_group.alb.id\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  cidr_ipv4         = "0.0.0.0/0"\n  description       = "HTTPS"\n}',
  },
  messages: {
    matches: 'The security groups of {{lb}} ({{groups}}) admit only its listener ports ({{listenerPorts}}).',
    beyond: 'Security group {{group}} of {{lb}} admits {{source}} to {{ports}}, beyond its listener ports ({{listenerPorts}}).',
    groupNotFound: 'The {{lb}} uses security group {{group}}, which is not among the security groups read: its rules could not be compared with the listeners.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const { v2, classic } = r.elb;
      if (v2.state === 'ok') {
        for (const lb of v2.value) {
          // Network load balancers created without security groups cannot have them added; there is nothing to compare.
          if (lb.securityGroupIds.length === 0) continue;
          if (lb.listeners.state !== 'ok') {
            if (lb.listeners.state !== 'absent') out.push(missing(v2Ref(lb, region), lb.listeners, `the listeners of ${v2Label(lb)}`, 'listeners'));
            continue;
          }
          out.push(...judge({ resource: v2Ref(lb, region), label: v2Label(lb), groupIds: lb.securityGroupIds, ports: lb.listeners.value.map((l) => l.port) }, r));
        }
      } else if (v2.state !== 'absent') out.push(missing(accountResource(inventory, region), v2, 'the application and network load balancers', 'elbv2'));
      if (classic.state === 'ok') {
        for (const lb of classic.value.filter((c) => c.securityGroupIds.length > 0)) {
          out.push(...judge({ resource: classicRef(lb, region), label: classicLabel(lb), groupIds: lb.securityGroupIds, ports: lb.listeners.map((l) => l.port) }, r));
        }
      } else if (classic.state !== 'absent') out.push(missing(accountResource(inventory, region), classic, 'the classic load balancers', 'classic'));
    }
    return out;
  },
});
