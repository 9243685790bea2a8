/**
 * The synthetic account's size. The issue fixes the headline figures (17 regions, 2,000 buckets,
 * 5,000 instances, 10,000 security groups, 2,000 IAM users, 20,000 volumes, 300 load balancers,
 * 200 databases, 50 zones); everything else is our choice of a plausible company of that size,
 * written here so that a reader can judge it.
 */

/** Regions every account has without opting in (the list discovery.ts falls back to). */
export const STANDARD_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** Opt-in regions DescribeRegions(AllRegions) lists as not-opted-in: the scan must skip them. */
export const NOT_OPTED_IN = ['af-south-1', 'ap-east-1', 'ap-southeast-3', 'eu-south-1', 'me-south-1'] as const;

export interface RegionalCounts {
  instances: number;
  volumes: number;
  /** The account's own EBS snapshots (each needs one DescribeSnapshotAttribute: no bulk API). */
  snapshots: number;
  /** The account's own AMIs (each needs one DescribeImageAttribute). */
  ownImages: number;
  /** Distinct AMIs of other owners (AWS, Marketplace) that instances run. */
  foreignImages: number;
  securityGroups: number;
  /** Custom VPCs (each region also has its default VPC). */
  vpcs: number;
  /** Interfaces beyond those of instances, load balancers and databases (endpoints, Lambda...). */
  extraEnis: number;
  /** Network ACLs beyond each VPC's default one. */
  extraNetworkAcls: number;
  vpnConnections: number;
  peerings: number;
  dbInstances: number;
  /** Aurora clusters; each owns two of the dbInstances. */
  dbClusters: number;
  dbSnapshots: number;
  dbClusterSnapshots: number;
  classicLoadBalancers: number;
  loadBalancersV2: number;
  alarms: number;
  topics: number;
  customerKeys: number;
  firewalls: number;
  webAcls: number;
}

export interface GlobalCounts {
  buckets: number;
  users: number;
  groups: number;
  roles: number;
  customerPolicies: number;
  /** AWS managed policies: GetAccountAuthorizationDetails returns all of them (about 1,400). */
  awsManagedPolicies: number;
  mfaDevices: number;
  hostedZones: number;
  /** Record sets over all zones, spread unevenly (a few large zones, many small ones). */
  recordSets: number;
  distributions: number;
  cloudFrontWebAcls: number;
}

export interface AccountSpec {
  name: string;
  seed: number;
  accountId: string;
  regions: readonly string[];
  notOptedIn: readonly string[];
  /** Share of every regional resource (and of the buckets) per region; the rest is split evenly. */
  weights: Readonly<Record<string, number>>;
  regional: RegionalCounts;
  global: GlobalCounts;
  /** How long IAM takes to generate the credential report after the first request. */
  reportGenerationMs: number;
  /** Latency of every answer, uniform in [min, max] ms (AWS from a client in the same continent). */
  latencyMs: readonly [number, number];
}

export const FULL: AccountSpec = {
  name: 'full',
  seed: 20_240_917,
  accountId: '310987654321',
  regions: STANDARD_REGIONS,
  notOptedIn: NOT_OPTED_IN,
  // Most companies live in two or three regions and keep a little in the others.
  weights: { 'us-east-1': 0.45, 'eu-west-1': 0.25, 'us-west-2': 0.15 },
  regional: {
    instances: 5_000,
    volumes: 20_000,
    snapshots: 2_000,
    ownImages: 150,
    foreignImages: 60,
    securityGroups: 10_000,
    vpcs: 40,
    extraEnis: 1_000,
    extraNetworkAcls: 20,
    vpnConnections: 4,
    peerings: 12,
    dbInstances: 200,
    dbClusters: 20,
    dbSnapshots: 400,
    dbClusterSnapshots: 60,
    classicLoadBalancers: 60,
    loadBalancersV2: 240,
    alarms: 2_000,
    topics: 150,
    customerKeys: 120,
    firewalls: 4,
    webAcls: 12,
  },
  global: {
    buckets: 2_000,
    users: 2_000,
    groups: 100,
    roles: 1_000,
    customerPolicies: 300,
    awsManagedPolicies: 1_400,
    mfaDevices: 1_500,
    hostedZones: 50,
    recordSets: 20_000,
    distributions: 120,
    cloudFrontWebAcls: 4,
  },
  reportGenerationMs: 3_000,
  latencyMs: [30, 80],
};

/** Every count multiplied by `factor` (at least 1 where the full account has any). */
export function scaled(base: AccountSpec, factor: number, name: string, overrides: Partial<AccountSpec> = {}): AccountSpec {
  const scale = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === 0 ? 0 : Math.max(1, Math.round((v as number) * factor))])) as T;
  return { ...base, name, regional: scale(base.regional), global: scale(base.global), ...overrides };
}

/** `npm run bench -- --quick`: the same shape at 5 % (same latency, same report delay), for a sanity run. */
export const QUICK: AccountSpec = scaled(FULL, 0.05, 'quick');
