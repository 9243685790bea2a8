import type { FlowLog, Inventory, RegionalInventory, Trail, Vpc } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type Severity } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { isEmpty, inUse, regionUsage } from './usage.js';
import { ownedElsewhere, vpcLabel, vpcRef } from './vpc-ref.js';

type Message = 'trailCovers' | 'trailNotLogging' | 'noTrail' | 'flowLogs' | 'flowLogsFailing' | 'noFlowLogs';

/** Every trail any region shows, once: a multi-region trail appears in each region as a shadow trail. */
function allTrails(inv: Inventory): Trail[] {
  const byArn = new Map<string, Trail>();
  for (const [, r] of regionsOf(inv)) if (r.cloudtrail.trails.state === 'ok') for (const t of r.cloudtrail.trails.value) if (!byArn.has(t.arn)) byArn.set(t.arn, t);
  return [...byArn.values()];
}

function judgeTrails(inv: Inventory, region: string, r: RegionalInventory, trails: Trail[]): CheckResult<Message | 'missing'> | undefined {
  const usage = regionUsage(r);
  const vpcs = r.ec2.vpcs;
  // A default VPC looks empty when what it could hold was not read: then whether the region is in use is unknown.
  const hasVpcs = vpcs.state !== 'ok' ? undefined : vpcs.value.some((v) => inUse(v, usage)) ? true : usage.unread.length === 0 ? false : undefined;
  if (hasVpcs === false) return undefined;
  const resource = accountResource(inv, region);
  const candidates = trails.filter((t) => t.isMultiRegion || t.homeRegion === region);
  const logging = candidates.find((t) => t.status.state === 'ok' && t.status.value.isLogging);
  if (logging) {
    return { status: 'pass', resource, detail: 'trail', message: 'trailCovers', data: { region, trail: logging.name, kind: logging.isMultiRegion ? 'multi-region trail' : 'trail' } };
  }
  if (hasVpcs === undefined) {
    if (vpcs.state !== 'ok') return missing(resource, vpcs, `the VPCs of ${region} (no logging trail covers it)`, 'trail');
    return missing(resource, usage.unread[0] ?? vpcs, `what the default VPCs of ${region} hold (no logging trail covers the region)`, 'trail');
  }
  const unreadStatus = candidates.find((t) => t.status.state !== 'ok');
  if (unreadStatus) return missing(resource, unreadStatus.status, `whether trail ${unreadStatus.name} is logging`, 'trail');
  // A region's own DescribeTrails shows every trail that covers it (shadow and organisation trails too).
  const own = r.cloudtrail.trails;
  if (own.state !== 'ok' && own.state !== 'absent') return missing(resource, own, `the trails of ${region}`, 'trail');
  const stopped = candidates[0];
  return stopped
    ? { status: 'fail', resource, detail: 'trail', message: 'trailNotLogging', data: { region, trail: stopped.name } }
    : { status: 'fail', resource, detail: 'trail', message: 'noTrail', data: { region } };
}

function judgeFlowLogs(v: Vpc, flowLogs: FlowLog[], region: string, empty: boolean): CheckResult<Message> {
  const resource = vpcRef(v, region);
  const vpc = vpcLabel(v);
  // IaC declares no status: a declared flow log counts as active.
  const mine = flowLogs.filter((f) => f.resourceId === v.id && (f.status === undefined || f.status.toUpperCase() === 'ACTIVE'));
  const delivering = mine.filter((f) => f.deliverLogsStatus?.toUpperCase() !== 'FAILED');
  const first = delivering[0];
  if (first) return { status: 'pass', resource, detail: 'flow-logs', message: 'flowLogs', data: { vpc, traffic: first.trafficType ?? 'ALL', destination: first.destinationType ?? 'a destination' } };
  const severity: Severity = v.isDefault && empty ? 'low' : 'medium';
  if (mine.length > 0) return { status: 'fail', resource, detail: 'flow-logs', severity, message: 'flowLogsFailing', data: { vpc, flowLog: mine.map((f) => f.id).join(', ') } };
  return { status: 'fail', resource, detail: 'flow-logs', severity, message: 'noFlowLogs', data: { vpc, note: v.isDefault && empty ? ' (an empty default VPC: deleting it also resolves this)' : '' } };
}

export default defineCheck({
  id: 'vpc.cloudtrail',
  title: 'CloudTrail covers every region that has a VPC in use, and VPC flow logs are on',
  description:
    'Auditing a VPC environment takes two records: CloudTrail for every API call that changes it (routes, security groups, gateways), and VPC flow logs for the traffic that crosses it. A region with VPCs needs a logging trail that covers it (a multi-region trail covers all), and every VPC needs an active flow log.',
  severity: 'medium',
  guideIds: ['vpc.cloudtrail'],
  needs: ['regions.*.cloudtrail.trails', 'regions.*.ec2.vpcs', 'regions.*.ec2.flowLogs', 'regions.*.ec2.instances', 'regions.*.ec2.networkInterfaces', 'regions.*.rds.instances', 'regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'ec2:DescribeVpcs', 'ec2:DescribeFlowLogs', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'rds:DescribeDBInstances', 'elasticloadbalancing:DescribeLoadBalancers'],
  sources: ['aws'],
  // Not CIS 3.1 / CloudTrail.1: this check accepts any logging trail for a region (cloudtrail.enabled judges those controls).
  compliance: { cis: ['3.7'], fsbp: ['EC2.6'] },
  remediation: {
    text: 'Create one multi-region trail (an organisation trail in AWS Organizations) and keep it logging. Turn on flow logs for each VPC, at least for rejected traffic and preferably for all, to CloudWatch Logs or S3. Delete default VPCs you do not use.',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name my-trail-bucket --is-multi-region-trail\naws cloudtrail start-logging --name org-trail\naws ec2 create-flow-logs --resource-type VPC --resource-ids vpc-0123456789abcdef0 --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::my-flow-log-bucket',
    cloudformation:
      'FlowLog:\n  Type: AWS::EC2::FlowLog\n  Properties:\n    ResourceType: VPC\n    ResourceId: !Ref Vpc\n    TrafficType: ALL\n    LogDestinationType: s3\n    LogDestination: !GetAtt FlowLogBucket.Arn\nTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    IsLogging: true\n    IsMultiRegionTrail: true\n    S3BucketName: !Ref TrailBucket',
    terraform:
      'resource "aws_flow_log" "vpc" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}\n\nresource "aws_cloudtrail" "main" {\n  name                  = "org-trail"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n}',
  },
  messages: {
    trailCovers: 'CloudTrail {{kind}} {{trail}} is logging and covers {{region}}.',
    trailNotLogging: 'Trail {{trail}} covers {{region}}, which has VPCs in use, but it is not logging.',
    noTrail: 'No CloudTrail trail covers {{region}}, which has VPCs in use.',
    flowLogs: 'VPC {{vpc}} has an active flow log ({{traffic}} traffic to {{destination}}).',
    flowLogsFailing: 'VPC {{vpc}} has flow log {{flowLog}}, but its delivery is failing.',
    noFlowLogs: 'VPC {{vpc}} has no active flow log{{note}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    const trails = allTrails(inventory);
    for (const [region, r] of regionsOf(inventory)) {
      const t = judgeTrails(inventory, region, r, trails);
      if (t) out.push(t);
      const vpcs = r.ec2.vpcs;
      if (vpcs.state !== 'ok') {
        if (vpcs.state !== 'absent') out.push(missing(accountResource(inventory, region), vpcs, 'the VPCs', 'vpcs'));
        continue;
      }
      const flowLogs = r.ec2.flowLogs;
      const usage = regionUsage(r);
      for (const v of vpcs.value.filter((x) => !ownedElsewhere(x, inventory))) {
        if (flowLogs.state !== 'ok' && flowLogs.state !== 'absent') {
          out.push(missing(vpcRef(v, region), flowLogs, `the flow logs of VPC ${vpcLabel(v)}`, 'flow-logs'));
          continue;
        }
        // "Empty" only when every list that could hold something was read.
        out.push(judgeFlowLogs(v, flowLogs.state === 'ok' ? flowLogs.value : [], region, usage.unread.length === 0 && isEmpty(usage.byVpc.get(v.id))));
      }
    }
    return out;
  },
});
