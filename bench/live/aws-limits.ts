/**
 * AWS's own request limits, as the fake server enforces them: one token bucket per (region, key),
 * or per key for services throttled account-wide. Where AWS publishes a figure, `source` names the
 * page; where we found none, the value is an assumption and says so.
 */
export interface Throttle {
  /** Calls sharing a key share a bucket; `{action}` is replaced by the action name. */
  key: string;
  capacity: number;
  refillPerSec: number;
  scope: 'region' | 'account';
  /** The error AWS answers with, and its HTTP status. */
  code: string;
  status: number;
  source: string;
}

type Rule = Omit<Throttle, 'key'> & { key?: string };

const EC2_SOURCE = 'EC2 API reference, "Request throttling": non-mutating actions, one bucket per action, 100 tokens, 20/s, per Region';
/** EC2 actions that draw on a smaller bucket when sent without pagination or filter. */
const EC2_UNFILTERED = new Set([
  'DescribeInstances',
  'DescribeInstanceStatus',
  'DescribeNetworkInterfaces',
  'DescribeSecurityGroups',
  'DescribeSnapshots',
  'DescribeSpotInstanceRequests',
  'DescribeVolumes',
]);

/** Per service prefix; `perAction` rules give each action its own bucket. */
const RULES: Readonly<Record<string, Rule & { perAction?: Readonly<Record<string, Partial<Rule>>> }>> = {
  ec2: { key: 'ec2:{action}', capacity: 100, refillPerSec: 20, scope: 'region', code: 'RequestLimitExceeded', status: 503, source: EC2_SOURCE },
  // "RDS: by default, up to 300 requests in a burst and a sustained 12 requests per second" (RDS user guide, API throttling), per account and Region.
  rds: { key: 'rds', capacity: 300, refillPerSec: 12, scope: 'region', code: 'Throttling', status: 400, source: 'RDS user guide, "Request throttling for the Amazon RDS API"' },
  // ELB: each API version has its own bucket; non-mutating actions 40 tokens, 10/s, per account and Region.
  elasticloadbalancing: {
    key: 'elb:{version}',
    capacity: 40,
    refillPerSec: 10,
    scope: 'region',
    code: 'Throttling',
    status: 400,
    source: 'ELB user guide, "Request throttling for the ELB API": Describe* 40 tokens, 10/s, per API version',
  },
  // Route 53: "five requests per second per AWS account" for the API as a whole.
  route53: { key: 'route53', capacity: 5, refillPerSec: 5, scope: 'account', code: 'Throttling', status: 400, source: 'Route 53 developer guide, quotas: 5 requests/s per account' },
  // IAM publishes no rate; about 20 requests/s per account is what is observed (and what design.md assumes).
  iam: { key: 'iam', capacity: 20, refillPerSec: 20, scope: 'account', code: 'Throttling', status: 400, source: 'assumed: IAM publishes no rate (about 20/s per account observed)' },
  // WAF quotas: "any individual Get or List action, if no other quota is defined for it: five
  // requests per second"; ListResourcesForWebACL and GetWebACLForResource: one per second.
  wafv2: {
    key: 'wafv2:{action}',
    capacity: 5,
    refillPerSec: 5,
    scope: 'region',
    code: 'ThrottlingException',
    status: 400,
    source: 'WAF developer guide, quotas: 5 requests/s per Get or List action',
    perAction: { ListResourcesForWebACL: { capacity: 1, refillPerSec: 1, source: 'WAF developer guide, quotas: ListResourcesForWebACL one request per second' } },
  },
  // CloudWatch quotas: DescribeAlarms 9 transactions per second per Region.
  cloudwatch: { key: 'cloudwatch:{action}', capacity: 9, refillPerSec: 9, scope: 'region', code: 'Throttling', status: 400, source: 'CloudWatch quotas: DescribeAlarms 9 TPS' },
  sns: {
    key: 'sns:{action}',
    capacity: 30,
    refillPerSec: 30,
    scope: 'region',
    code: 'Throttling',
    status: 400,
    source: 'SNS API reference: ListTopics and ListSubscriptionsByTopic "throttled at 30 TPS"',
    // Not published per action; SNS's endpoint page lists 100s for attribute reads in most Regions.
    perAction: { GetTopicAttributes: { capacity: 100, refillPerSec: 100, source: 'assumed: 100 TPS (SNS quotas vary by Region)' } },
  },
  kms: {
    key: 'kms:{action}',
    capacity: 100,
    refillPerSec: 100,
    scope: 'region',
    code: 'ThrottlingException',
    status: 400,
    source: 'KMS developer guide, "Request quotas": ListKeys and ListAliases 100/s',
    perAction: {
      DescribeKey: { capacity: 2000, refillPerSec: 2000, source: 'KMS request quotas: DescribeKey 2,000/s' },
      GetKeyRotationStatus: { capacity: 1000, refillPerSec: 1000, source: 'KMS request quotas: GetKeyRotationStatus 1,000/s' },
    },
  },
  // Not published as figures we could find: assumed 10/s per action (each is called a few times per Region).
  cloudtrail: { key: 'cloudtrail:{action}', capacity: 10, refillPerSec: 10, scope: 'region', code: 'ThrottlingException', status: 400, source: 'assumed: 10/s per action' },
  cloudfront: { key: 'cloudfront', capacity: 10, refillPerSec: 10, scope: 'account', code: 'Throttling', status: 400, source: 'assumed: 10/s per account for control-plane reads' },
  guardduty: { key: 'guardduty:{action}', capacity: 10, refillPerSec: 10, scope: 'region', code: 'TooManyRequestsException', status: 429, source: 'assumed: 10/s per action' },
  inspector2: { key: 'inspector2:{action}', capacity: 10, refillPerSec: 10, scope: 'region', code: 'ThrottlingException', status: 429, source: 'assumed: 10/s per action' },
  'network-firewall': { key: 'nfw:{action}', capacity: 10, refillPerSec: 10, scope: 'region', code: 'ThrottlingException', status: 400, source: 'assumed: 10/s per action' },
  account: { key: 'account', capacity: 10, refillPerSec: 10, scope: 'account', code: 'TooManyRequestsException', status: 429, source: 'assumed: 10/s per account' },
  sts: { key: 'sts', capacity: 600, refillPerSec: 600, scope: 'region', code: 'Throttling', status: 400, source: 'STS: 600 requests/s per account and Region' },
  // S3: 5,500 GET/s per prefix, and a bucket's configuration reads are on that bucket: a scan never
  // comes near. No bucket, so S3 is bounded by latency and by our own limiter alone.
};

/** Whether an EC2 request pages or filters (else it draws on the smaller "unfiltered" bucket). */
function ec2Narrowed(input: Record<string, unknown>): boolean {
  return ['MaxResults', 'NextToken', 'Filters', 'OwnerIds', 'Owners', 'ImageIds', 'InstanceIds', 'VolumeIds', 'SnapshotIds', 'GroupIds', 'NetworkInterfaceIds'].some(
    (k) => input[k] !== undefined,
  );
}

/** The bucket a call draws on, or undefined when AWS throttles it nowhere near a scan's rate. */
export function throttleFor(call: string, clientName: string, input: Record<string, unknown>): Throttle | undefined {
  const [prefix = '', action = ''] = call.split(':');
  const rule = RULES[prefix];
  if (!rule) return undefined;
  const { perAction, ...base } = rule;
  const merged: Rule = { ...base, ...perAction?.[action] };
  const key = (merged.key ?? prefix).replace('{action}', action).replace('{version}', clientName === 'ElasticLoadBalancingV2Client' ? 'v2' : 'v1');
  if (prefix === 'ec2' && EC2_UNFILTERED.has(action) && !ec2Narrowed(input)) {
    return { ...merged, key: `${key}:unfiltered`, capacity: 50, refillPerSec: 10, source: `${EC2_SOURCE} (unfiltered, unpaginated: 50, 10/s)` };
  }
  return { ...merged, key };
}

/** Every rule, for the report's table of limits. */
export function throttleTable(): Array<{ service: string; capacity: number; refillPerSec: number; scope: string; source: string }> {
  const out: Array<{ service: string; capacity: number; refillPerSec: number; scope: string; source: string }> = [];
  for (const [service, { perAction, ...r }] of Object.entries(RULES)) {
    out.push({ service, capacity: r.capacity, refillPerSec: r.refillPerSec, scope: r.scope, source: r.source });
    for (const [action, p] of Object.entries(perAction ?? {})) {
      out.push({ service: `${service}:${action}`, capacity: p.capacity ?? r.capacity, refillPerSec: p.refillPerSec ?? r.refillPerSec, scope: r.scope, source: p.source ?? r.source });
    }
  }
  return out;
}
