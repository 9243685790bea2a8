import { hash32, resourceId, unit } from './rng.js';
import type { AccountSpec, RegionalCounts } from './spec.js';

/** AWS managed KMS keys found in every region that has used the services. */
export const AWS_MANAGED_KEY_ALIASES = ['aws/ebs', 'aws/s3', 'aws/rds', 'aws/sns', 'aws/lambda', 'aws/secretsmanager'] as const;

/** The region where a partition's global services (IAM, Route 53, CloudFront...) answer. */
export const HOME_REGION = 'us-east-1';

/**
 * Splits `total` over regions by weight (largest remainder, so the parts add up exactly); regions
 * without a weight share what the weighted ones leave.
 */
export function distribute(total: number, regions: readonly string[], weights: Readonly<Record<string, number>>): Map<string, number> {
  const named = regions.filter((r) => weights[r] !== undefined);
  const rest = regions.filter((r) => weights[r] === undefined);
  const left = Math.max(0, 1 - named.reduce((s, r) => s + (weights[r] ?? 0), 0));
  const share = (r: string) => weights[r] ?? (rest.length ? left / rest.length : 0);
  const exact = regions.map((r) => ({ r, x: total * share(r) }));
  const out = new Map(exact.map(({ r, x }) => [r, Math.floor(x)]));
  let missing = total - [...out.values()].reduce((s, n) => s + n, 0);
  // Ties break on the region name, so the split never depends on iteration order.
  const byRemainder = [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || a.r.localeCompare(b.r));
  for (const { r } of byRemainder) {
    if (missing <= 0) break;
    out.set(r, (out.get(r) ?? 0) + 1);
    missing--;
  }
  return out;
}

export type RegionalKind = keyof RegionalCounts;

/**
 * The synthetic account: counts per region and the addressing rules between resources. Nothing
 * is materialised: handlers build each page from indexes, so the fake server's memory stays flat
 * and the collector's memory is what the benchmark measures.
 */
export class SyntheticAccount {
  readonly id: string;
  readonly seed: number;
  readonly regions: readonly string[];
  private readonly perRegion = new Map<RegionalKind, Map<string, number>>();
  private readonly bucketRegions: Array<{ region: string; start: number; count: number }> = [];
  private readonly zoneSizes: number[];

  constructor(readonly spec: AccountSpec) {
    this.id = spec.accountId;
    this.seed = spec.seed;
    this.regions = spec.regions;
    for (const kind of Object.keys(spec.regional) as RegionalKind[]) {
      this.perRegion.set(kind, distribute(spec.regional[kind], spec.regions, spec.weights));
    }
    let start = 0;
    for (const [region, count] of distribute(spec.global.buckets, spec.regions, spec.weights)) {
      this.bucketRegions.push({ region, start, count });
      start += count;
    }
    this.zoneSizes = this.sizeZones();
  }

  /** How many of a regional kind live in a region. */
  count(kind: RegionalKind, region: string): number {
    return this.perRegion.get(kind)?.get(region) ?? 0;
  }

  rid(prefix: string, region: string, index: number): string {
    return resourceId(prefix, this.seed, region, index);
  }

  /** A stable value in [0, 1) for one fact about one resource. */
  roll(...parts: ReadonlyArray<string | number>): number {
    return unit(this.seed, ...parts);
  }

  hash(...parts: ReadonlyArray<string | number>): number {
    return hash32(this.seed, ...parts);
  }

  // Derived counts: what exists because other things do.
  vpcs(region: string): number {
    return 1 + this.count('vpcs', region);
  }

  networkAcls(region: string): number {
    return this.vpcs(region) + this.count('extraNetworkAcls', region);
  }

  /** One flow log per custom VPC. */
  flowLogs(region: string): number {
    return this.count('vpcs', region);
  }

  /** Instances' primary interfaces first, then two per load balancer, one per database, then the rest. */
  enis(region: string): number {
    const lbs = this.count('classicLoadBalancers', region) + this.count('loadBalancersV2', region);
    return this.count('instances', region) + 2 * lbs + this.count('dbInstances', region) + this.count('extraEnis', region);
  }

  kmsKeys(region: string): number {
    return AWS_MANAGED_KEY_ALIASES.length + this.count('customerKeys', region);
  }

  listeners(region: string, lb: number): number {
    return 1 + (this.hash('listeners', region, lb) % 3);
  }

  /** Subscriptions of one topic: a handful, and one large fan-out topic. */
  subscriptions(region: string, topic: number): number {
    return topic === 0 ? 250 : this.hash('subs', region, topic) % 6;
  }

  bucketCount(): number {
    return this.spec.global.buckets;
  }

  bucketRegion(index: number): string {
    const slot = this.bucketRegions.find((b) => index >= b.start && index < b.start + b.count);
    return slot?.region ?? HOME_REGION;
  }

  bucketName(index: number): string {
    return `northwind-${(this.hash('bucket', index) % 0xffffff).toString(16).padStart(6, '0')}-${index}`;
  }

  bucketIndex(name: string): number | undefined {
    const m = /^northwind-[0-9a-f]{6}-(\d+)$/.exec(name);
    const i = m ? Number(m[1]) : NaN;
    return Number.isInteger(i) && i >= 0 && i < this.bucketCount() && this.bucketName(i) === name ? i : undefined;
  }

  zoneCount(): number {
    return this.spec.global.hostedZones;
  }

  /** Record sets in zone z (SOA, NS, MX and TXT at least). */
  zoneSize(z: number): number {
    return this.zoneSizes[z] ?? 0;
  }

  /** A few large zones, a dozen middling ones, many small ones: sizes add up to the spec's total. */
  private sizeZones(): number[] {
    const n = this.spec.global.hostedZones;
    const weight = (z: number) => (z < Math.ceil(n * 0.04) ? 40 : z < Math.ceil(n * 0.25) ? 6 : 1) * (0.5 + this.roll('zone', z));
    const weights = Array.from({ length: n }, (_, z) => weight(z));
    const sum = weights.reduce((s, w) => s + w, 0);
    return weights.map((w) => Math.max(4, Math.round((this.spec.global.recordSets * w) / sum)));
  }

  /** The home region of the multi-region trail, and the region of the single-region one. */
  trailRegions(): { multi: string; single?: string } {
    const single = this.regions.includes('eu-west-1') ? 'eu-west-1' : undefined;
    return { multi: this.regions.includes(HOME_REGION) ? HOME_REGION : (this.regions[0] ?? HOME_REGION), ...(single ? { single } : {}) };
  }
}
