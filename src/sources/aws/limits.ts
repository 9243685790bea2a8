import PQueue from 'p-queue';

/**
 * Our own ceilings, shaped like AWS's throttles so that adaptive retry rarely has to step in.
 * AWS meters most control-plane APIs with a token bucket (a burst, refilled at a steady rate),
 * and for EC2 (and WAF, KMS, SNS...) one bucket per action and region: one slow action must not
 * hold the others back. We wait for a token rather than be refused one.
 *
 * Sources: EC2 non-mutating actions have a bucket of 100 refilled at 20/s per action and region
 * (EC2 API throttling docs); WAF's ListResourcesForWebACL allows 1/s (WAF quotas); Route 53 allows
 * 5 requests/s per account; ELB v1 and v2 each have a 40-token, 10/s bucket; IAM and CloudFront
 * control-plane reads are a few tens per second at most; S3 bucket-configuration reads are far
 * from S3's per-prefix request rates. `npm run bench` measures the effect of these values.
 */
export interface Limit {
  /** Requests in flight at once, per bucket. */
  concurrency: number;
  /** Refill: at most this many requests start per `intervalMs`, after the burst is spent. */
  perInterval?: number;
  intervalMs?: number;
  /** Tokens available at once; defaults to `perInterval`. */
  burst?: number;
  /** AWS throttles per region for this service (IAM, Route 53, CloudFront, STS: per account). */
  perRegion: boolean;
  /** AWS keeps one bucket per API action (EC2, WAF, KMS...), not one per service. */
  perAction?: boolean;
  /** Actions with a bucket of their own that differs from the service's. */
  actions?: Record<string, { perInterval: number; intervalMs: number; burst?: number }>;
}

export const LIMITS: Record<string, Limit> = {
  ec2: { concurrency: 10, perInterval: 20, intervalMs: 1000, burst: 100, perRegion: true, perAction: true },
  iam: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: false },
  account: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: false },
  sts: { concurrency: 2, perRegion: false },
  route53: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: false },
  cloudfront: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: false },
  s3: { concurrency: 50, perInterval: 1000, intervalMs: 1000, perRegion: true },
  s3control: { concurrency: 2, perRegion: false },
  rds: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true },
  cloudtrail: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true, perAction: true },
  cloudwatch: { concurrency: 4, perInterval: 9, intervalMs: 1000, perRegion: true, perAction: true },
  elb: { concurrency: 4, perInterval: 10, intervalMs: 1000, burst: 40, perRegion: true },
  elbv2: { concurrency: 4, perInterval: 10, intervalMs: 1000, burst: 40, perRegion: true },
  wafv2: {
    concurrency: 4,
    perInterval: 5,
    intervalMs: 1000,
    perRegion: true,
    perAction: true,
    actions: { 'wafv2:ListResourcesForWebACL': { perInterval: 1, intervalMs: 1000, burst: 1 } },
  },
  inspector2: { concurrency: 2, perInterval: 5, intervalMs: 1000, perRegion: true, perAction: true },
  guardduty: { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true, perAction: true },
  'network-firewall': { concurrency: 4, perInterval: 5, intervalMs: 1000, perRegion: true, perAction: true },
  sns: { concurrency: 8, perInterval: 20, intervalMs: 1000, perRegion: true, perAction: true },
  kms: { concurrency: 8, perInterval: 20, intervalMs: 1000, perRegion: true, perAction: true },
};

const DEFAULT_LIMIT: Limit = { concurrency: 4, perInterval: 10, intervalMs: 1000, perRegion: true };

/**
 * Request timing does not survive the trip exactly (signing, the event loop, the network), so
 * pacing at the published rate still bunches some arrivals into a throttle; 90 % of it does not.
 */
const REFILL_MARGIN = 0.9;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A token bucket whose takers wait, in order, for their token. */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(): Promise<void> {
    const turn = this.tail.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        await sleep(((1 - this.tokens) / this.perSecond) * 1000);
        this.refill();
      }
      this.tokens = Math.max(0, this.tokens - 1);
    });
    this.tail = turn;
    return turn;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

interface Lane {
  queue: PQueue;
  bucket?: TokenBucket;
}

/** One lane (concurrency and token bucket) per service, region and, where AWS does so, action. */
export class Limiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly overrides: Partial<Record<string, Partial<Limit>>> = {}) {}

  /** Runs `fn` when the lane of `service` (and `action`, e.g. 'ec2:DescribeVolumes') allows. */
  run<T>(service: string, region: string, fn: () => Promise<T>, action?: string): Promise<T> {
    const limit = { ...(LIMITS[service] ?? DEFAULT_LIMIT), ...this.overrides[service] };
    const own = action ? limit.actions?.[action] : undefined;
    const actionKey = (own || limit.perAction) && action ? `:${action}` : '';
    const key = `${service}${actionKey}${limit.perRegion ? `@${region}` : ''}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      const rate = own ?? (limit.perInterval && limit.intervalMs ? { perInterval: limit.perInterval, intervalMs: limit.intervalMs, burst: limit.burst } : undefined);
      lane = {
        queue: new PQueue({ concurrency: limit.concurrency }),
        ...(rate ? { bucket: new TokenBucket(rate.burst ?? rate.perInterval, (rate.perInterval / rate.intervalMs) * 1000 * REFILL_MARGIN) } : {}),
      };
      this.lanes.set(key, lane);
    }
    const { queue, bucket } = lane;
    return queue.add(async () => {
      await bucket?.take();
      return fn();
    });
  }
}
