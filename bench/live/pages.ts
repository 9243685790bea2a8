import { hash32 } from './rng.js';

/**
 * Page sizes, per call, as AWS documents them: `max` is the largest page a request may ask for,
 * `fallback` what AWS sends when the request names no size. The fake server pages with these and
 * the minimum-call count divides by `max`, so both read the same table.
 */
export interface PageRule {
  max: number;
  /** Page size when the request gives none (Infinity: the whole list, as EC2 does unpaginated). */
  fallback: number;
}

export const PAGE_RULES: Readonly<Record<string, PageRule>> = {
  // EC2 API reference, MaxResults of each action. DescribeVolumes: 5-500 ("only 500 items are
  // returned" above that); DescribeNetworkAcls: 5-100; the others 5-1000.
  'ec2:DescribeInstances': { max: 1000, fallback: Infinity },
  'ec2:DescribeImages': { max: 1000, fallback: Infinity },
  'ec2:DescribeVolumes': { max: 500, fallback: Infinity },
  'ec2:DescribeSnapshots': { max: 1000, fallback: Infinity },
  'ec2:DescribeSecurityGroups': { max: 1000, fallback: Infinity },
  'ec2:DescribeNetworkInterfaces': { max: 1000, fallback: Infinity },
  'ec2:DescribeVpcs': { max: 1000, fallback: Infinity },
  'ec2:DescribeFlowLogs': { max: 1000, fallback: Infinity },
  'ec2:DescribeNetworkAcls': { max: 100, fallback: Infinity },
  'ec2:DescribeVpcPeeringConnections': { max: 1000, fallback: Infinity },
  // S3 ListBuckets: MaxBuckets 1-10,000; without it, every bucket.
  's3:ListAllMyBuckets': { max: 10_000, fallback: 10_000 },
  // IAM: MaxItems 1-1,000, default 100.
  'iam:GetAccountAuthorizationDetails': { max: 1000, fallback: 100 },
  'iam:ListVirtualMFADevices': { max: 1000, fallback: 100 },
  // Route 53: ListHostedZones MaxItems up to 100; ListResourceRecordSets up to 300.
  'route53:ListHostedZones': { max: 100, fallback: 100 },
  'route53:ListResourceRecordSets': { max: 300, fallback: 300 },
  // CloudFront ListDistributions: MaxItems up to 100.
  'cloudfront:ListDistributions': { max: 100, fallback: 100 },
  // WAFv2 Limit: 1-100, default 100.
  'wafv2:ListWebACLs': { max: 100, fallback: 100 },
  // RDS MaxRecords: 20-100, default 100.
  'rds:DescribeDBInstances': { max: 100, fallback: 100 },
  'rds:DescribeDBClusters': { max: 100, fallback: 100 },
  'rds:DescribeDBSnapshots': { max: 100, fallback: 100 },
  'rds:DescribeDBClusterSnapshots': { max: 100, fallback: 100 },
  // CloudWatch DescribeAlarms MaxRecords: 1-100, default 50.
  'cloudwatch:DescribeAlarms': { max: 100, fallback: 50 },
  // ELB (both versions) PageSize: 1-400.
  'elasticloadbalancing:DescribeLoadBalancers': { max: 400, fallback: 400 },
  'elasticloadbalancing:DescribeListeners': { max: 400, fallback: 400 },
  'elasticloadbalancing:DescribeRules': { max: 400, fallback: 400 },
  // SNS: fixed pages of 100.
  'sns:ListTopics': { max: 100, fallback: 100 },
  'sns:ListSubscriptionsByTopic': { max: 100, fallback: 100 },
  // KMS Limit: ListKeys 1-1,000 (default 100); ListAliases 1-100 (default 50).
  'kms:ListKeys': { max: 1000, fallback: 100 },
  'kms:ListAliases': { max: 100, fallback: 50 },
  'network-firewall:ListFirewalls': { max: 100, fallback: 100 },
  'guardduty:ListDetectors': { max: 50, fallback: 50 },
};

/** Minimum pages to read `items` at the largest page the call allows (one call for an empty list). */
export function minPages(call: string, items: number): number {
  const rule = PAGE_RULES[call];
  if (!rule) throw new Error(`no page rule for ${call}`);
  return Math.max(1, Math.ceil(items / rule.max));
}

/** A continuation token: opaque to the client, the offset to us. */
export function encodeToken(call: string, offset: number): string {
  return `${offset.toString(36)}.${hash32(call, offset).toString(36)}`;
}

export class InvalidTokenError extends Error {}

export function decodeToken(call: string, token: string): number {
  const [head, check] = token.split('.');
  const offset = Number.parseInt(head ?? '', 36);
  if (!Number.isInteger(offset) || offset < 0 || check !== hash32(call, offset).toString(36)) {
    throw new InvalidTokenError(`invalid pagination token for ${call}`);
  }
  return offset;
}

export interface Page {
  start: number;
  end: number;
  /** Token for the next page, when there is one. */
  next?: string;
  /** The request asked for a page larger than AWS allows (AWS clamps or rejects: we clamp). */
  overMax: boolean;
}

/** Which slice of a `total`-long list a request gets, given its token and its page size. */
export function pageOf(call: string, total: number, token: string | undefined, requested: number | undefined): Page {
  const rule = PAGE_RULES[call];
  if (!rule) throw new Error(`no page rule for ${call}`);
  const start = token ? decodeToken(call, token) : 0;
  const size = requested === undefined ? rule.fallback : Math.min(requested, rule.max);
  const end = Math.min(total, start + size);
  return { start, end, ...(end < total ? { next: encodeToken(call, end) } : {}), overMax: requested !== undefined && requested > rule.max };
}

