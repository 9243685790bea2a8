import { z } from 'zod';
import type { SecurityGroup } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional } from '../helpers.js';
import { describeSource, describeSpan, isAllPorts, isSelfReference, portSpan, ruleKey, sgLabel, sgRef } from './sg-rules.js';

const options = z.object({
  /** A TCP or UDP range of more ports than this is "wide". Security groups are stateful: no ephemeral range is ever needed. */
  maxRangeWidth: z.number().int().min(1).max(65535).default(20),
  /** Rules whose source is the group itself (cluster members talking to each other, the default group's own rule). */
  ignoreSelfReferences: z.boolean().default(true),
});
type Options = z.infer<typeof options>;
type Message = 'allTraffic' | 'allPorts' | 'wideRange';

function judge(sg: SecurityGroup, region: string, o: Options): CheckResult<Message | 'minimal'>[] {
  const resource = sgRef(sg, region);
  const group = sgLabel(sg);
  const out: CheckResult<Message | 'minimal'>[] = [];
  for (const rule of sg.ingress) {
    if (o.ignoreSelfReferences && isSelfReference(sg, rule)) continue;
    const span = portSpan(rule);
    const common = { status: 'fail' as const, resource, detail: ruleKey(rule) };
    const data = { group, source: describeSource(rule), ports: describeSpan(span) };
    if (span.kind === 'all') out.push({ ...common, message: 'allTraffic', severity: 'high', data });
    else if (span.kind === 'range' && isAllPorts(span)) out.push({ ...common, message: 'allPorts', severity: 'medium', data });
    else if (span.kind === 'range' && span.to - span.from + 1 > o.maxRangeWidth) {
      out.push({ ...common, message: 'wideRange', severity: 'low', data: { ...data, width: span.to - span.from + 1, max: o.maxRangeWidth } });
    }
  }
  return out.length > 0 ? out : [{ status: 'pass', resource, message: 'minimal', data: { group, count: sg.ingress.length } }];
}

export default defineCheck({
  id: 'ec2.sg-minimal-ports',
  title: 'Security groups open only the ports they need',
  description:
    'Every open port is a service an attacker can try. Rules that admit all traffic, every TCP or UDP port, or wide port ranges open far more than any application needs, and hide which ports are really in use.',
  severity: 'medium',
  guideIds: ['ec2.sg-minimal-ports'],
  needs: ['regions.*.ec2.securityGroups'],
  permissions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'Replace each all-traffic, all-port or wide-range ingress rule with one rule per port the service listens on. Security groups are stateful, so replies need no ephemeral range. Find the ports in use from VPC flow logs before tightening.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=10.0.0.0/16}]\naws ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions \'IpProtocol=tcp,FromPort=8443,ToPort=8443,IpRanges=[{CidrIp=10.0.0.0/16,Description="App API from the VPC"}]\'',
    cloudformation:
      'AppSecurityGroupIngress:\n  Type: AWS::EC2::SecurityGroupIngress\n  Properties:\n    GroupId: !Ref AppSecurityGroup\n    IpProtocol: tcp\n    FromPort: 8443\n    ToPort: 8443\n    SourceSecurityGroupId: !Ref WebSecurityGroup\n    Description: App API from the web tier',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "app_api" {\n  security_group_id            = aws_security_group.app.id\n  ip_protocol                  = "tcp"\n  from_port                    = 8443\n  to_port                      = 8443\n  referenced_security_group_id = aws_security_group.web.id\n  description                  = "App API from the web tier"\n}',
  },
  messages: {
    allTraffic: 'Security group {{group}} admits all traffic (every protocol and port) from {{source}}.',
    allPorts: 'Security group {{group}} admits {{ports}} from {{source}}.',
    wideRange: 'Security group {{group}} admits {{ports}} from {{source}}: {{width}} ports, more than {{max}}.',
    minimal: 'Security group {{group}} opens no all-traffic, all-port or wide-range ingress rule ({{count}} ingress rule(s)).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.securityGroups, 'the security groups', (sg, region) => judge(sg, region, o));
  },
});
