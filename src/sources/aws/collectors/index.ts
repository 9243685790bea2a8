import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { commandTable, type Collector } from '../collector.js';
import { accountCollector } from './account.js';
import { cloudfrontCollector } from './cloudfront.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { cloudwatchCollector } from './cloudwatch.js';
import { ec2Collector } from './ec2.js';
import { elbCollector } from './elb.js';
import { guarddutyCollector } from './guardduty.js';
import { iamCollector } from './iam.js';
import { inspectorCollector } from './inspector.js';
import { kmsCollector } from './kms.js';
import { networkFirewallCollector } from './network-firewall.js';
import { rdsCollector } from './rds.js';
import { route53Collector } from './route53.js';
import { s3Collector } from './s3.js';
import { snsCollector } from './sns.js';
import { wafv2GlobalCollector, wafv2RegionalCollector } from './wafv2.js';

/** Every collector; a service has at most one global and one regional collector. */
export const COLLECTORS: readonly Collector[] = [
  iamCollector,
  accountCollector,
  s3Collector,
  route53Collector,
  cloudfrontCollector,
  wafv2GlobalCollector,
  wafv2RegionalCollector,
  ec2Collector,
  rdsCollector,
  cloudtrailCollector,
  cloudwatchCollector,
  elbCollector,
  inspectorCollector,
  guarddutyCollector,
  networkFirewallCollector,
  snsCollector,
  kmsCollector,
];

/** Calls every scan makes before any unit runs: who am I, and which regions are enabled. */
export const DISCOVERY_COMMANDS = commandTable([
  [GetCallerIdentityCommand, 'sts:GetCallerIdentity'],
  [DescribeRegionsCommand, 'ec2:DescribeRegions'],
]);

/** The names --services accepts, in scan order. */
export const SERVICES: readonly string[] = [...new Set(COLLECTORS.map((c) => c.service))];

export function collectorFor(service: string, global: boolean): Collector | undefined {
  return COLLECTORS.find((c) => c.service === service && (c.scope === 'global') === global);
}
