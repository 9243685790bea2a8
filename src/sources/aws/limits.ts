import PQueue from 'p-queue';

/**
 * Our own ceilings per service, below AWS's published request rates, so that adaptive retry
 * rarely has to step in. `perRegion` services are throttled per region by AWS; the others
 * (IAM, Route 53, CloudFront, Account, STS) per account.
 *
 * Sources: EC2 non-mutating actions have a bucket of 100 refilled at 20/s per region; Route 53
 * allows 5 requests/s per account; IAM and CloudFront control-plane reads are a few tens per
 * second at most; S3 bucket-configuration reads are far from S3's per-prefix limits.
 */
export interface Limit {
  concurrency: number;
  /** At most this many requests start per `intervalMs`. */
  perInterval?: number;
  intervalMs?: number;
  perRegion: boolean;
}

export const LIMITS: Record<string, Limit> = {
  ec2: { concurrency: 10, perInterval: 20, intervalMs: 1000, perRegion: true },
  iam: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: false },
  account: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: false },
  sts: { concurrency: 2, perRegion: false },
  route53: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: false },
  cloudfront: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: false },
  s3: { concurrency: 16, perInterval: 100, intervalMs: 1000, perRegion: true },
  s3control: { concurrency: 2, perRegion: false },
  rds: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true },
  cloudtrail: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true },
  cloudwatch: { concurrency: 4, perInterval: 9, intervalMs: 1000, perRegion: true },
  elb: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true },
  wafv2: { concurrency: 4, perInterval: 5, intervalMs: 1000, perRegion: true },
  inspector2: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: true },
  guardduty: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true },
  'network-firewall': { concurrency: 4, perInterval: 5, intervalMs: 1000, perRegion: true },
  sns: { concurrency: 8, perInterval: 20, intervalMs: 1000, perRegion: true },
  kms: { concurrency: 8, perInterval: 20, intervalMs: 1000, perRegion: true },
};

const DEFAULT_LIMIT: Limit = { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true };

/** One queue per (service) or (service, region), created on first use. */
export class Limiter {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly overrides: Partial<Record<string, Partial<Limit>>> = {}) {}

  run<T>(service: string, region: string, fn: () => Promise<T>): Promise<T> {
    const limit = { ...(LIMITS[service] ?? DEFAULT_LIMIT), ...this.overrides[service] };
    const key = limit.perRegion ? `${service}@${region}` : service;
    let q = this.queues.get(key);
    if (!q) {
      q = new PQueue({
        concurrency: limit.concurrency,
        ...(limit.perInterval && limit.intervalMs ? { intervalCap: limit.perInterval, interval: limit.intervalMs } : {}),
      });
      this.queues.set(key, q);
    }
    return q.add(fn);
  }
}
