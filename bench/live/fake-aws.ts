import type { SyntheticAccount } from './account.js';
import { awsError, isAwsError, throttleError } from './aws-errors.js';
import { throttleFor, type Throttle } from './aws-limits.js';
import { callName, GLOBAL_CLIENTS } from './calls.js';
import { HANDLERS, type HandlerContext } from './handlers/index.js';
import { InvalidTokenError, pageOf } from './pages.js';
import { rng } from './rng.js';
import { TokenBucket } from './token-bucket.js';

/** What the fake needs of an SDK client: its middleware stack (every v3 client has one). */
interface Stack {
  add(
    mw: (next: unknown, context: { commandName?: string }) => (args: { input?: unknown }) => Promise<unknown>,
    options: { step: 'finalizeRequest'; priority: 'low'; name: string },
  ): void;
}

/** Requests seen for one (call, region), as AWS would count them: every attempt, retries included. */
export interface CallStat {
  call: string;
  /** 'global' for the services the collectors record as global. */
  region: string;
  attempts: number;
  throttled: number;
  /** Errors answered other than throttles, by code (NoSuchBucketPolicy... are normal answers). */
  errors: Record<string, number>;
  /** Requests that asked for a page larger than AWS allows. */
  overMax: number;
  /** When the first and the last request arrived (ms since the fake started). */
  firstMs: number;
  lastMs: number;
}

export interface FakeOptions {
  /** Replaces AWS's limits (tests). undefined → no throttling for that call. */
  throttle?: (call: string, clientName: string, input: Record<string, unknown>) => Throttle | undefined;
  latencyMs?: readonly [number, number];
  seed?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The synthetic account served in-process. `onClient` adds, to every SDK client the collector
 * builds, a middleware inside the SDK's retry loop (finalizeRequest, low priority: after signing,
 * before any HTTP) that answers from the model and never calls the network: after a random
 * latency, with AWS's token buckets enforced and AWS-shaped errors, so the SDK's adaptive retry
 * and our own limiter meet what they would meet in production.
 */
export class FakeAws {
  private readonly started = performance.now();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly stats = new Map<string, CallStat>();
  private readonly random: () => number;
  private readonly latency: readonly [number, number];
  private readonly state: HandlerContext['state'] = {};
  private inFlight = 0;
  /** Most requests in flight at once, over the whole run. */
  peakInFlight = 0;

  constructor(
    readonly account: SyntheticAccount,
    private readonly opts: FakeOptions = {},
  ) {
    this.random = rng(opts.seed ?? account.seed);
    this.latency = opts.latencyMs ?? account.spec.latencyMs;
  }

  /** For LiveOptions.onClient. */
  readonly onClient = (client: { middlewareStack: object }, info: { clientName: string; region: string }): void => {
    (client.middlewareStack as Stack).add(
      (_next, context) => (args) => this.answer(info.clientName, info.region, context.commandName ?? '', (args.input ?? {}) as Record<string, unknown>),
      { step: 'finalizeRequest', priority: 'low', name: 'rampartBenchFakeAws' },
    );
  };

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Every (call, region) seen, sorted. */
  calls(): CallStat[] {
    return [...this.stats.values()].sort((a, b) => a.call.localeCompare(b.call) || a.region.localeCompare(b.region));
  }

  private stat(call: string, region: string): CallStat {
    const key = `${call}@${region}`;
    let s = this.stats.get(key);
    if (!s) {
      const now = this.elapsedMs();
      s = { call, region, attempts: 0, throttled: 0, errors: {}, overMax: 0, firstMs: now, lastMs: now };
      this.stats.set(key, s);
    }
    return s;
  }

  private bucketFor(t: Throttle, region: string): TokenBucket {
    const key = t.scope === 'region' ? `${t.key}@${region}` : t.key;
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(t.capacity, t.refillPerSec);
      this.buckets.set(key, b);
    }
    return b;
  }

  private async answer(clientName: string, region: string, commandName: string, input: Record<string, unknown>): Promise<unknown> {
    const call = callName(clientName, commandName);
    const stat = this.stat(call, GLOBAL_CLIENTS.has(clientName) ? 'global' : region);
    stat.attempts++;
    stat.lastMs = this.elapsedMs();
    const [lo, hi] = this.latency;
    const wait = lo + this.random() * (hi - lo);
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const limit = (this.opts.throttle ?? throttleFor)(call, clientName, input);
      // AWS decides on arrival and answers a throttle after the same round trip as anything else.
      if (limit && !this.bucketFor(limit, region).take()) {
        stat.throttled++;
        await sleep(wait);
        throw throttleError(limit.code, limit.status);
      }
      const handler = HANDLERS[`${clientName}:${commandName.replace(/Command$/, '')}`];
      let output: Record<string, unknown>;
      try {
        if (!handler) throw awsError('UnknownOperationException', `the bench account does not serve ${clientName} ${commandName}`);
        output = handler({ call, clientName, region, input }, this.context(stat));
      } catch (e) {
        const err = isAwsError(e)
          ? e
          : e instanceof InvalidTokenError
            ? awsError('InvalidParameterValue', e.message)
            : awsError('InternalError', e instanceof Error ? e.message : String(e), 500);
        stat.errors[err.name] = (stat.errors[err.name] ?? 0) + 1;
        await sleep(wait);
        throw err;
      }
      await sleep(wait);
      return {
        output: { ...output, $metadata: { httpStatusCode: 200, requestId: `bench-${stat.attempts}`, attempts: 1, totalRetryDelay: 0 } },
        response: { statusCode: 200, headers: {} },
      };
    } finally {
      this.inFlight--;
    }
  }

  private context(stat: CallStat): HandlerContext {
    return {
      account: this.account,
      elapsedMs: () => this.elapsedMs(),
      state: this.state,
      page: (call, total, token, size) => {
        const p = pageOf(call, total, typeof token === 'string' && token !== '' ? token : undefined, sizeOf(size));
        if (p.overMax) stat.overMax++;
        return p;
      },
    };
  }
}

function sizeOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
