import { z } from 'zod';
import type { SecurityGroup, SecurityGroupRule } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type Severity } from '../types.js';
import { forEachRegional } from '../helpers.js';
import { ADMIN_PORTS, DATABASE_PORTS, numberList, portName } from './ports.js';
import { describeSource, describeSpan, isWorld, portSpan, ruleKey, sgLabel, sgRef, type PortSpan } from './sg-rules.js';
import { failRefs, passRefs } from './sg-compliance.js';

const port = z.number().int().min(0).max(65535);
const options = z.object({
  /** Ports meant for everyone: open to 0.0.0.0/0 or ::/0 without a finding. */
  publicPorts: z.array(port).default([80, 443]),
  /** Remote administration: critical when open to the internet. */
  adminPorts: z.array(port).default(numberList(ADMIN_PORTS)),
  /** Databases and data stores: high when open to the internet. */
  databasePorts: z.array(port).default(numberList(DATABASE_PORTS)),
});
type Options = z.infer<typeof options>;

type Exposure = { severity: Severity; message: 'openAdmin' | 'openDatabase' | 'openOther'; port?: number };

/** The worst port class a span exposes once the public ports are taken out, or undefined if it exposes none. */
function exposure(span: PortSpan, o: Options): Exposure | undefined {
  if (span.kind === 'portless') {
    // ICMP from anywhere is ordinary (ping, path MTU discovery); other port-less protocols are not.
    return span.protocol === 'icmp' || span.protocol === 'icmpv6' ? undefined : { severity: 'medium', message: 'openOther' };
  }
  const inSpan = (p: number) => span.kind === 'all' || (span.from <= p && p <= span.to);
  const exposed = (p: number) => inSpan(p) && !o.publicPorts.includes(p);
  const admin = [...o.adminPorts].sort((a, b) => a - b).find(exposed);
  if (admin !== undefined) return { severity: 'critical', message: 'openAdmin', port: admin };
  const db = [...o.databasePorts].sort((a, b) => a - b).find(exposed);
  if (db !== undefined) return { severity: 'high', message: 'openDatabase', port: db };
  if (span.kind === 'all') return { severity: 'medium', message: 'openOther' };
  const width = span.to - span.from + 1;
  const publicInside = new Set(o.publicPorts.filter(inSpan)).size;
  return width > publicInside ? { severity: 'medium', message: 'openOther' } : undefined;
}

function judge(sg: SecurityGroup, region: string, o: Options) {
  const resource = sgRef(sg, region);
  const group = sgLabel(sg);
  const publicPorts = o.publicPorts.join(', ') || 'none';
  const world = sg.ingress.filter(isWorld);
  const fails: CheckResult<'openAdmin' | 'openDatabase' | 'openOther'>[] = [];
  for (const rule of world) {
    const span = portSpan(rule);
    const e = exposure(span, o);
    if (!e) continue;
    fails.push({
      status: 'fail',
      resource,
      message: e.message,
      severity: e.severity,
      detail: ruleKey(rule),
      data: {
        group,
        source: describeSource(rule),
        ports: describeSpan(span),
        publicPorts,
        ...(e.port !== undefined ? { port: e.port, service: portName(e.port) ?? `port ${e.port}` } : {}),
      },
      evidence: { rule: ruleEvidence(rule) },
      compliance: failRefs(rule, span),
    });
  }
  if (fails.length > 0) return fails;
  const opened = world.filter((r) => portSpan(r).kind === 'range');
  const compliance = passRefs(world.map((rule) => ({ rule, span: portSpan(rule) })));
  return opened.length > 0
    ? [{ status: 'pass' as const, resource, message: 'publicOnly' as const, data: { group, ports: [...new Set(opened.map((r) => describeSpan(portSpan(r))))].join(', ') }, compliance }]
    : [{ status: 'pass' as const, resource, message: 'noWorld' as const, data: { group }, compliance }];
}

function ruleEvidence(rule: SecurityGroupRule) {
  return { protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, source: rule.source.value };
}

export default defineCheck({
  id: 'ec2.sg-public-restricted',
  title: 'Services not meant for the internet are reachable only from known address blocks',
  description:
    'A security group rule from 0.0.0.0/0 or ::/0 lets every address on the internet reach the port. Scanners find open SSH, RDP and database ports within minutes; only the ports meant for the public (by default 80 and 443) should be open to the world.',
  severity: 'high',
  guideIds: ['ec2.sg-public-restricted'],
  needs: ['regions.*.ec2.securityGroups'],
  permissions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['5.2', '5.3'], fsbp: ['EC2.18', 'EC2.19'] },
  remediation: {
    text: 'Replace each 0.0.0.0/0 or ::/0 source on a non-public port with the address blocks that need it (office, VPN), or with the security group of the calling tier. For administration prefer AWS Systems Manager Session Manager or a VPN over an open SSH or RDP port.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 22 --cidr 0.0.0.0/0\naws ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions \'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=203.0.113.0/24,Description="Office VPN"}]\'',
    cloudformation:
      'AdminSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: SSH from the office VPN only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 22\n        ToPort: 22\n        CidrIp: 203.0.113.0/24\n        Description: Office VPN',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "ssh_office" {\n  security_group_id = aws_security_group.admin.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "203.0.113.0/24"\n  description       = "Office VPN"\n}',
  },
  messages: {
    openAdmin: 'Security group {{group}} admits {{source}} to {{ports}}, which includes remote administration port {{port}} ({{service}}).',
    openDatabase: 'Security group {{group}} admits {{source}} to {{ports}}, which includes database port {{port}} ({{service}}).',
    openOther: 'Security group {{group}} admits {{source}} to {{ports}}, beyond the public ports ({{publicPorts}}).',
    publicOnly: 'Security group {{group}} admits the whole internet only to public ports ({{ports}}).',
    noWorld: 'Security group {{group}} admits nothing from 0.0.0.0/0 or ::/0.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.securityGroups, 'the security groups', (sg, region) => judge(sg, region, o));
  },
});
