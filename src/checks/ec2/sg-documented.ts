import { z } from 'zod';
import type { SecurityGroup, SecurityGroupRule } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional } from '../helpers.js';
import { describeSource, describeSpan, isDefaultGroup, isSelfReference, portSpan, ruleKey, sgLabel, sgRef } from './sg-rules.js';

const options = z.object({
  /** Descriptions that tools write when nobody chose one (compared case-insensitively). */
  genericDescriptions: z.array(z.string()).default(['default VPC security group', 'Managed by Terraform']),
});
type Options = z.infer<typeof options>;

// The EC2 console's launch wizard names its groups launch-wizard-N and describes them "launch-wizard-N created <timestamp>".
const LAUNCH_WIZARD = /^launch-wizard-\d+ created\b/i;
const MAX_SHOWN = 80;

const shorten = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s);

type DescriptionVerdict = 'described' | 'noDescription' | 'genericDescription' | 'wizardDescription' | 'nameAsDescription';

function descriptionVerdict(sg: SecurityGroup, o: Options): DescriptionVerdict {
  const d = sg.description.trim();
  if (d === '') return 'noDescription';
  if (LAUNCH_WIZARD.test(d)) return 'wizardDescription';
  if (o.genericDescriptions.some((g) => g.trim().toLowerCase() === d.toLowerCase())) return 'genericDescription';
  if (d.toLowerCase() === sg.name.trim().toLowerCase()) return 'nameAsDescription';
  return 'described';
}

/** AWS's own rule in a default group (all traffic from the group itself) carries no description and is not the owner's to document. */
function isAwsDefaultRule(sg: SecurityGroup, rule: SecurityGroupRule): boolean {
  return isDefaultGroup(sg) && isSelfReference(sg, rule) && portSpan(rule).kind === 'all';
}

function judge(sg: SecurityGroup, region: string, o: Options) {
  const resource = sgRef(sg, region);
  const group = sgLabel(sg);
  const out: CheckResult<DescriptionVerdict | 'rulesDescribed' | 'rulesUndescribed'>[] = [];
  // A default group's description is set by AWS and cannot be changed: only its rules are the owner's.
  if (!isDefaultGroup(sg)) {
    const verdict = descriptionVerdict(sg, o);
    out.push({ status: verdict === 'described' ? 'pass' : 'fail', resource, message: verdict, detail: 'description', data: { group, description: shorten(sg.description.trim()) } });
  }
  const rules = sg.ingress.filter((r) => !isAwsDefaultRule(sg, r));
  if (rules.length > 0) {
    const bare = rules.filter((r) => !r.description?.trim());
    out.push(
      bare.length === 0
        ? { status: 'pass', resource, message: 'rulesDescribed', detail: 'rules', data: { group, count: rules.length } }
        : {
            status: 'fail',
            resource,
            message: 'rulesUndescribed',
            detail: 'rules',
            data: { group, count: bare.length, total: rules.length, rules: bare.map((r) => `${describeSpan(portSpan(r))} from ${describeSource(r)}`).join('; ') },
            evidence: { rules: bare.map(ruleKey) },
          },
    );
  }
  return out;
}

export default defineCheck({
  id: 'ec2.sg-documented',
  title: 'Security groups and their rules are documented',
  description:
    'A reviewer can only judge a rule whose purpose is written down. A group described by the launch wizard, by a tool default or by its own name, or rules without descriptions, leave nobody able to say whether access is still needed.',
  severity: 'low',
  guideIds: ['ec2.sg-documented'],
  needs: ['regions.*.ec2.securityGroups'],
  permissions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: "Give every ingress rule a description that says who needs it and why (rule descriptions can be edited in place). A group's own description cannot be changed after creation: create a replacement group with a meaningful description, move the resources to it, and delete the old one.",
    cli: 'aws ec2 update-security-group-rule-descriptions-ingress --group-id sg-0123456789abcdef0 --ip-permissions \'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0,Description="Public HTTPS for the storefront"}]\'\naws ec2 create-security-group --group-name storefront-web --description "Storefront web tier: HTTPS from the ALB" --vpc-id vpc-0123456789abcdef0',
    cloudformation:
      'WebSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupName: storefront-web\n    GroupDescription: "Storefront web tier: HTTPS from the ALB"\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 443\n        ToPort: 443\n        SourceSecurityGroupId: !Ref AlbSecurityGroup\n        Description: HTTPS from the storefront ALB',
    terraform:
      'resource "aws_security_group" "web" {\n  name        = "storefront-web"\n  description = "Storefront web tier: HTTPS from the ALB" # not the default "Managed by Terraform"\n  vpc_id      = aws_vpc.main.id\n}\n\nresource "aws_vpc_security_group_ingress_rule" "web_https" {\n  security_group_id            = aws_security_group.web.id\n  ip_protocol                  = "tcp"\n  from_port                    = 443\n  to_port                      = 443\n  referenced_security_group_id = aws_security_group.alb.id\n  description                  = "HTTPS from the storefront ALB"\n}',
  },
  messages: {
    described: 'Security group {{group}} is described: "{{description}}".',
    noDescription: 'Security group {{group}} has no description.',
    genericDescription: 'Security group {{group}} keeps a generated description ("{{description}}") that says nothing of its purpose.',
    wizardDescription: 'Security group {{group}} keeps the launch wizard\'s description ("{{description}}").',
    nameAsDescription: 'Security group {{group}} is described only by its own name ("{{description}}").',
    rulesDescribed: 'Every ingress rule of security group {{group}} has a description ({{count}} rule(s)).',
    rulesUndescribed: 'Security group {{group}} has {{count}} of {{total}} ingress rule(s) without a description: {{rules}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.securityGroups, 'the security groups', (sg, region) => judge(sg, region, o));
  },
});
