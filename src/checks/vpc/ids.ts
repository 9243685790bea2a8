import type { RegionalInventory } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { inUse, regionUsage } from './usage.js';

type Message = 'enabled' | 'suspended' | 'noDetector';

/** True, false, or undefined when the region's contents could not be read. */
function hasResources(r: RegionalInventory): boolean | undefined {
  const usage = regionUsage(r);
  const vpcs = r.ec2.vpcs;
  if (vpcs.state === 'ok' && vpcs.value.some((v) => inUse(v, usage))) return true;
  if ([...usage.byVpc.values()].some((u) => u.instances.length + u.databases.length + u.loadBalancers.length + u.networkInterfaces.length > 0)) return true;
  return vpcs.state === 'ok' && usage.unread.length === 0 ? false : undefined;
}

export default defineCheck({
  id: 'vpc.ids',
  title: 'Intrusion detection watches the VPC (GuardDuty)',
  description:
    "The guide asks for an IDS/IPS watching each VPC. Amazon GuardDuty is AWS's managed intrusion detection: it analyses VPC flow logs, DNS queries and CloudTrail events for scanning, command-and-control traffic, crypto-mining and credential misuse. It works per region, so every region with resources needs a detector.",
  severity: 'medium',
  guideIds: ['vpc.ids'],
  needs: ['regions.*.guardduty.detectors', 'regions.*.ec2.vpcs', 'regions.*.ec2.instances', 'regions.*.ec2.networkInterfaces', 'regions.*.rds.instances', 'regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'ec2:DescribeVpcs', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'rds:DescribeDBInstances', 'elasticloadbalancing:DescribeLoadBalancers'],
  sources: ['aws'],
  compliance: { fsbp: ['GuardDuty.1'] },
  remediation: {
    text: 'Enable GuardDuty in every region you use (in an organisation, from the delegated administrator with auto-enable for all member accounts), and send its findings to the team that responds: Security Hub, EventBridge to a ticket or chat channel.',
    cli: 'aws guardduty create-detector --enable --finding-publishing-frequency FIFTEEN_MINUTES --region eu-west-1\n# A suspended detector: aws guardduty update-detector --detector-id 12abc34d567e8fa901bc2d34e56789f0 --enable',
    cloudformation: 'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    FindingPublishingFrequency: FIFTEEN_MINUTES',
    terraform: 'resource "aws_guardduty_detector" "main" {\n  enable                       = true\n  finding_publishing_frequency = "FIFTEEN_MINUTES"\n}',
  },
  messages: {
    enabled: 'GuardDuty watches {{region}} (detector {{detector}}).',
    suspended: 'GuardDuty is suspended in {{region}}, which has resources (detector {{detector}}).',
    noDetector: 'GuardDuty is not enabled in {{region}}, which has resources.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const resource = accountResource(inventory, region);
      const det = r.guardduty.detectors;
      const has = hasResources(r);
      if (has === false) continue;
      if (det.state !== 'ok' && det.state !== 'absent') {
        out.push(missing(resource, det, `the GuardDuty detectors of ${region}`));
        continue;
      }
      const detectors = det.state === 'ok' ? det.value : [];
      const on = detectors.find((d) => d.status.toUpperCase() === 'ENABLED');
      if (on) {
        out.push({ status: 'pass', resource, message: 'enabled', data: { region, detector: on.id } });
        continue;
      }
      // Whether a region without a detector has anything to watch is unknown: say what could not be read.
      if (has === undefined) {
        const u = regionUsage(r).unread[0] ?? r.ec2.vpcs;
        out.push(missing(resource, u, `the resources of ${region} (GuardDuty is not enabled there)`));
        continue;
      }
      const first = detectors[0];
      out.push(first ? { status: 'fail', resource, message: 'suspended', data: { region, detector: first.id } } : { status: 'fail', resource, message: 'noDetector', data: { region } });
    }
    return out;
  },
});
