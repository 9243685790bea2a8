import { AWS_MANAGED_KEY_ALIASES, HOME_REGION, type SyntheticAccount } from './account.js';
import { throttleFor } from './aws-limits.js';
import { GLOBAL_CLIENTS } from './calls.js';
import { imageOfInstance } from './handlers/ec2-compute.js';
import { isHttpListener } from './handlers/rds-elb.js';
import { keyFacts } from './handlers/regional.js';
import { minPages } from './pages.js';

/**
 * The least work this account allows: how many calls each API needs at the largest page size AWS
 * allows (one call per item where AWS has no bulk call), and the shortest wall time that AWS's
 * token buckets and the latency leave possible. Computed from the model, not from a run.
 */
export interface Need {
  call: string;
  clientName: string;
  /** Where the requests go (the home region for global services). */
  region: string;
  calls: number;
  /** Round trips that must complete before these calls can start (e.g. the list's first page). */
  after: number;
  /** Round trips these calls need one after the other (pages of a list); 1 when they can run in parallel. */
  chain: number;
}

/** The S3 configuration reads made for every bucket (the collector's per-bucket set). */
export const BUCKET_READS = [
  's3:GetBucketAcl',
  's3:GetBucketPolicy',
  's3:GetBucketPolicyStatus',
  's3:GetBucketPublicAccessBlock',
  's3:GetBucketOwnershipControls',
  's3:GetBucketVersioning',
  's3:GetEncryptionConfiguration',
  's3:GetLifecycleConfiguration',
  's3:GetBucketLogging',
  's3:GetBucketTagging',
] as const;

/** Regional resource types ListResourcesForWebACL must be asked about, one call each. */
const WAF_REGIONAL_TYPES = 6;

export function needs(a: SyntheticAccount): Need[] {
  const out: Need[] = [];
  const add = (call: string, clientName: string, region: string, calls: number, after = 0, chain = calls > 0 ? 1 : 0) => {
    if (calls > 0) out.push({ call, clientName, region, calls, after, chain });
  };
  const list = (call: string, clientName: string, region: string, items: number, after = 0) => {
    const pages = minPages(call, items);
    add(call, clientName, region, pages, after, pages);
    return pages;
  };
  const g = a.spec.global;
  const home = HOME_REGION;

  // Who am I, which regions.
  add('sts:GetCallerIdentity', 'STSClient', home, 1);
  add('ec2:DescribeRegions', 'EC2Client', home, 1);

  // IAM: start the report and fetch it; the rest in bulk.
  add('iam:GenerateCredentialReport', 'IAMClient', home, 1);
  add('iam:GetCredentialReport', 'IAMClient', home, 1, 1);
  list('iam:GetAccountAuthorizationDetails', 'IAMClient', home, g.users + g.groups + g.roles + g.customerPolicies + g.awsManagedPolicies);
  add('iam:GetAccountSummary', 'IAMClient', home, 1);
  add('iam:GetAccountPasswordPolicy', 'IAMClient', home, 1);
  list('iam:ListVirtualMFADevices', 'IAMClient', home, g.mfaDevices);
  add('account:GetAlternateContact', 'AccountClient', home, 3);

  // S3: one list, then every configuration read of every bucket, in the bucket's region.
  const bucketPages = list('s3:ListAllMyBuckets', 'S3Client', home, g.buckets);
  const perRegion = new Map<string, number>();
  for (let i = 0; i < g.buckets; i++) perRegion.set(a.bucketRegion(i), (perRegion.get(a.bucketRegion(i)) ?? 0) + 1);
  for (const [region, n] of perRegion) for (const call of BUCKET_READS) add(call, 'S3Client', region, n, Math.min(1, bucketPages));
  add('s3:GetAccountPublicAccessBlock', 'S3ControlClient', home, 1);

  // Route 53: the zones, then every zone's records (pages in sequence within a zone).
  list('route53:ListHostedZones', 'Route53Client', home, g.hostedZones);
  let recordPages = 0;
  let longestZone = 0;
  for (let z = 0; z < a.zoneCount(); z++) {
    const p = minPages('route53:ListResourceRecordSets', a.zoneSize(z));
    recordPages += p;
    longestZone = Math.max(longestZone, p);
  }
  if (recordPages > 0) out.push({ call: 'route53:ListResourceRecordSets', clientName: 'Route53Client', region: home, calls: recordPages, after: 1, chain: longestZone });

  // CloudFront and its web ACLs (CLOUDFRONT scope lives in us-east-1).
  list('cloudfront:ListDistributions', 'CloudFrontClient', home, g.distributions);
  add('cloudfront:GetDistributionConfig', 'CloudFrontClient', home, g.distributions, 1);
  list('wafv2:ListWebACLs', 'WAFV2Client', home, g.cloudFrontWebAcls);
  add('wafv2:GetWebACL', 'WAFV2Client', home, g.cloudFrontWebAcls, 1);
  add('wafv2:GetLoggingConfiguration', 'WAFV2Client', home, g.cloudFrontWebAcls, 1);

  const trails = a.trailRegions();
  for (const region of a.regions) {
    const n = (k: Parameters<SyntheticAccount['count']>[0]) => a.count(k, region);
    // EC2
    const instancePages = list('ec2:DescribeInstances', 'EC2Client', region, n('instances'));
    list('ec2:DescribeImages', 'EC2Client', region, n('ownImages'));
    add('ec2:DescribeImageAttribute', 'EC2Client', region, n('ownImages'), 1);
    const foreign = new Set<string>();
    const own = new Set(Array.from({ length: n('ownImages') }, (_, i) => a.rid('ami', region, i)));
    for (let i = 0; i < n('instances'); i++) {
      const img = imageOfInstance(a, region, i);
      if (!own.has(img)) foreign.add(img);
    }
    // Images of other owners, by filter of up to 200 ids, once the instances are known.
    add('ec2:DescribeImages', 'EC2Client', region, Math.ceil(foreign.size / 200), instancePages);
    list('ec2:DescribeVolumes', 'EC2Client', region, n('volumes'));
    list('ec2:DescribeSnapshots', 'EC2Client', region, n('snapshots'));
    add('ec2:DescribeSnapshotAttribute', 'EC2Client', region, n('snapshots'), 1);
    add('ec2:GetEbsEncryptionByDefault', 'EC2Client', region, 1);
    add('ec2:GetEbsDefaultKmsKeyId', 'EC2Client', region, 1);
    list('ec2:DescribeSecurityGroups', 'EC2Client', region, n('securityGroups'));
    list('ec2:DescribeNetworkInterfaces', 'EC2Client', region, a.enis(region));
    list('ec2:DescribeVpcs', 'EC2Client', region, a.vpcs(region));
    list('ec2:DescribeFlowLogs', 'EC2Client', region, a.flowLogs(region));
    list('ec2:DescribeNetworkAcls', 'EC2Client', region, a.networkAcls(region));
    add('ec2:DescribeVpnConnections', 'EC2Client', region, 1);
    list('ec2:DescribeVpcPeeringConnections', 'EC2Client', region, n('peerings'));
    // RDS: manual snapshots only need their restore attribute (automated ones cannot be shared).
    list('rds:DescribeDBInstances', 'RDSClient', region, n('dbInstances'));
    list('rds:DescribeDBClusters', 'RDSClient', region, n('dbClusters'));
    list('rds:DescribeDBSnapshots', 'RDSClient', region, n('dbSnapshots'));
    add('rds:DescribeDBSnapshotAttributes', 'RDSClient', region, Math.ceil(n('dbSnapshots') / 2), 1);
    list('rds:DescribeDBClusterSnapshots', 'RDSClient', region, n('dbClusterSnapshots'));
    add('rds:DescribeDBClusterSnapshotAttributes', 'RDSClient', region, Math.ceil(n('dbClusterSnapshots') / 2), 1);
    // CloudTrail: the list here; each trail's status and selectors once, in its home region.
    add('cloudtrail:DescribeTrails', 'CloudTrailClient', region, 1);
    const ownTrails = (region === trails.multi ? 1 : 0) + (region === trails.single ? 1 : 0);
    add('cloudtrail:GetTrailStatus', 'CloudTrailClient', region, ownTrails, 1);
    add('cloudtrail:GetEventSelectors', 'CloudTrailClient', region, ownTrails, 1);
    list('cloudwatch:DescribeAlarms', 'CloudWatchClient', region, n('alarms'));
    // ELB: classic and v2 are separate APIs; tags by 20, listeners and attributes per load balancer.
    const c = n('classicLoadBalancers');
    const v = n('loadBalancersV2');
    list('elasticloadbalancing:DescribeLoadBalancers', 'ElasticLoadBalancingClient', region, c);
    add('elasticloadbalancing:DescribeTags', 'ElasticLoadBalancingClient', region, Math.ceil(c / 20), 1);
    add('elasticloadbalancing:DescribeLoadBalancerPolicies', 'ElasticLoadBalancingClient', region, c, 1);
    add('elasticloadbalancing:DescribeLoadBalancerAttributes', 'ElasticLoadBalancingClient', region, c, 1);
    list('elasticloadbalancing:DescribeLoadBalancers', 'ElasticLoadBalancingV2Client', region, v);
    add('elasticloadbalancing:DescribeTags', 'ElasticLoadBalancingV2Client', region, Math.ceil(v / 20), 1);
    add('elasticloadbalancing:DescribeListeners', 'ElasticLoadBalancingV2Client', region, v, 1);
    add('elasticloadbalancing:DescribeLoadBalancerAttributes', 'ElasticLoadBalancingV2Client', region, v, 1);
    // Rules matter only on an application load balancer's HTTP listeners (does HTTP redirect?).
    let httpListeners = 0;
    for (let k = 0; k < v; k++) for (let l = 0; l < a.listeners(region, k); l++) if (isHttpListener(k, l)) httpListeners++;
    add('elasticloadbalancing:DescribeRules', 'ElasticLoadBalancingV2Client', region, httpListeners, 2);
    add('inspector2:BatchGetAccountStatus', 'Inspector2Client', region, 1);
    add('inspector2:ListFindingAggregations', 'Inspector2Client', region, 1);
    add('guardduty:ListDetectors', 'GuardDutyClient', region, 1);
    add('guardduty:GetDetector', 'GuardDutyClient', region, 1, 1);
    list('network-firewall:ListFirewalls', 'NetworkFirewallClient', region, n('firewalls'));
    add('network-firewall:DescribeFirewall', 'NetworkFirewallClient', region, n('firewalls'), 1);
    list('sns:ListTopics', 'SNSClient', region, n('topics'));
    add('sns:GetTopicAttributes', 'SNSClient', region, n('topics'), 1);
    let subPages = 0;
    let longestTopic = 0;
    for (let t = 0; t < n('topics'); t++) {
      const p = minPages('sns:ListSubscriptionsByTopic', a.subscriptions(region, t));
      subPages += p;
      longestTopic = Math.max(longestTopic, p);
    }
    if (subPages > 0) out.push({ call: 'sns:ListSubscriptionsByTopic', clientName: 'SNSClient', region, calls: subPages, after: 1, chain: longestTopic });
    const keys = a.kmsKeys(region);
    list('kms:ListKeys', 'KMSClient', region, keys);
    list('kms:ListAliases', 'KMSClient', region, keys);
    add('kms:DescribeKey', 'KMSClient', region, keys, 1);
    let rotatable = 0;
    for (let k = AWS_MANAGED_KEY_ALIASES.length; k < keys; k++) {
      const f = keyFacts(a, region, k);
      if (f.symmetric && f.enabled) rotatable++;
    }
    add('kms:GetKeyRotationStatus', 'KMSClient', region, rotatable, 2);
    const acls = n('webAcls');
    list('wafv2:ListWebACLs', 'WAFV2Client', region, acls);
    add('wafv2:GetWebACL', 'WAFV2Client', region, acls, 1);
    add('wafv2:GetLoggingConfiguration', 'WAFV2Client', region, acls, 1);
    add('wafv2:ListResourcesForWebACL', 'WAFV2Client', region, acls * WAF_REGIONAL_TYPES, 1);
  }
  return out;
}

/** The region a need is recorded under in inventory.meta.calls ('global' for global clients). */
export const recordedRegion = (n: Need): string => (GLOBAL_CLIENTS.has(n.clientName) ? 'global' : n.region);

export interface Lane {
  /** A token bucket ('ec2:DescribeSnapshotAttribute@us-east-1'), a chain of pages, or the report. */
  name: string;
  ms: number;
}

/**
 * The shortest possible wall time, given mean latency `latencyMs`: discovery's two round trips,
 * then the slowest of the parallel lanes, each lane being either a token bucket (its calls beyond
 * the burst, at the refill rate, after the round trips its first call waits for) or a chain of
 * sequential round trips (pages of one list), or the credential report's generation.
 */
export function lowerBound(a: SyntheticAccount, latencyMs: number): { ms: number; critical: Lane; lanes: Lane[] } {
  const all = needs(a);
  const lanes: Lane[] = [];
  const buckets = new Map<string, { calls: number; after: number; capacity: number; refill: number }>();
  for (const n of all) {
    if (n.call === 'sts:GetCallerIdentity' || n.call === 'ec2:DescribeRegions') continue;
    lanes.push({ name: `${n.call}@${n.region} (${n.chain} round trips in sequence)`, ms: (n.after + n.chain) * latencyMs });
    // As the collectors send them: paginated, so EC2's larger bucket applies.
    const t = throttleFor(n.call, n.clientName, { MaxResults: 1 });
    if (!t) continue;
    const key = t.scope === 'region' ? `${t.key}@${n.region}` : t.key;
    const b = buckets.get(key) ?? { calls: 0, after: n.after, capacity: t.capacity, refill: t.refillPerSec };
    b.calls += n.calls;
    b.after = Math.min(b.after, n.after);
    buckets.set(key, b);
  }
  for (const [key, b] of buckets) {
    const waiting = Math.max(0, b.calls - b.capacity) / b.refill;
    lanes.push({ name: `bucket ${key}: ${b.calls} calls, ${b.capacity} burst, ${b.refill}/s`, ms: (b.after + 1) * latencyMs + waiting * 1000 });
  }
  lanes.push({ name: 'IAM credential report generation', ms: a.spec.reportGenerationMs + 2 * latencyMs });
  lanes.sort((x, y) => y.ms - x.ms);
  const critical = lanes[0] ?? { name: 'nothing', ms: 0 };
  return { ms: 2 * latencyMs + critical.ms, critical, lanes };
}
