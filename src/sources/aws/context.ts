import type { ClientClass, ClientPool, SdkClient } from './clients.js';
import { countedThrottles, watchThrottles } from './clients.js';
import type { CommandClass, CommandTable } from './collector.js';
import { errorFacts, isNotFound, isThrottle } from './errors.js';
import type { Limiter } from './limits.js';
import type { Outcome } from './outcome.js';
import type { CallRecorder } from './recorder.js';
import { homeRegionOf, isGlobal, type WorkUnit } from './unit.js';

/** The output type of an SDK command instance. */
export type OutputOf<C> = C extends { resolveMiddleware(...args: never[]): (...a: never[]) => Promise<{ output: infer O }> }
  ? O
  : never;

/** Knobs for tests and benches; the defaults suit real accounts. */
export interface Tuning {
  /** After the SDK's own adaptive retries give up on a throttle: how many more tries, and the first wait. */
  throttleRetries: number;
  throttleBackoffMs: number;
  /** IAM credential report generation: wait between polls, and how many polls. */
  reportPollMs: number;
  reportPolls: number;
}

export const DEFAULT_TUNING: Tuning = { throttleRetries: 2, throttleBackoffMs: 2_000, reportPollMs: 2_000, reportPolls: 30 };

/** Clients whose calls are account-wide: their call records say region 'global'. */
const GLOBAL_CLIENTS = new Set(['IAMClient', 'AccountClient', 'Route53Client', 'CloudFrontClient', 'STSClient', 'S3ControlClient']);

/** Our concurrency limit keys (see limits.ts) by client class. */
const LIMIT_KEYS: Record<string, string> = {
  ElasticLoadBalancingClient: 'elb',
  ElasticLoadBalancingV2Client: 'elbv2',
  NetworkFirewallClient: 'network-firewall',
};
const limitKeyOf = (clientName: string) => LIMIT_KEYS[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Shared {
  pool: ClientPool;
  limiter: Limiter;
  tuning: Tuning;
  /** Answers shared by units of one run (a trail's status is asked once, not once per region). */
  memo: Map<string, Promise<unknown>>;
  log?: (message: string) => void;
}

/** What a collector gets: clients for its unit, and a `send` that counts, limits and never throws. */
export class CollectContext {
  readonly account: string;
  readonly partition: string;
  /** The partition's home region, where global services answer. */
  readonly homeRegion: string;
  /** The region to call: the unit's, or the home region for a global unit. */
  readonly region: string;

  constructor(
    readonly unit: WorkUnit,
    private readonly commands: CommandTable,
    private readonly recorder: CallRecorder,
    private readonly shared: Shared,
  ) {
    this.account = unit.account;
    this.partition = unit.partition;
    this.homeRegion = homeRegionOf(unit.partition);
    this.region = isGlobal(unit) ? this.homeRegion : unit.region;
  }

  get tuning(): Tuning {
    return this.shared.tuning;
  }

  client<C extends SdkClient>(Ctor: ClientClass<C>, region: string = this.region): C {
    return this.shared.pool.get(Ctor, region);
  }

  /** The call name (IAM action) of a command; an undeclared command is a bug in the collector. */
  callOf(command: object): string {
    const call = this.commands.get(command.constructor as CommandClass);
    if (!call) throw new Error(`${command.constructor.name} is not declared in the ${this.unit.service} collector's command table`);
    return call;
  }

  /**
   * Sends one request through our per-service limit. Never throws: a failure comes back as an
   * Outcome naming the call. Throttles the SDK could not absorb are retried a little more here.
   */
  async send<C extends object>(client: SdkClient, command: C): Promise<Outcome<OutputOf<C>>> {
    const call = this.callOf(command);
    const info = this.shared.pool.infoOf(client);
    const clientName = info?.clientName ?? client.constructor.name;
    const region = GLOBAL_CLIENTS.has(clientName) ? 'global' : (info?.region ?? this.region);
    const input = (command as { input?: unknown }).input;
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await this.shared.limiter.run(limitKeyOf(clientName), info?.region ?? this.region, async () => {
          const stop = watchThrottles(input, () => this.recorder.throttle(call, region));
          try {
            return await client.send(command as never);
          } finally {
            stop();
          }
        }, call);
        this.recorder.request(call, region);
        return { ok: true, value: out as OutputOf<C> };
      } catch (e) {
        const throttled = isThrottle(e);
        if (throttled && !(typeof e === 'object' && e !== null && countedThrottles.has(e))) this.recorder.throttle(call, region);
        if (throttled && attempt < this.shared.tuning.throttleRetries) {
          this.recorder.request(call, region);
          await sleep(this.shared.tuning.throttleBackoffMs * 2 ** attempt);
          continue;
        }
        const f = errorFacts(e);
        // "There is none" (NoSuchBucketPolicy, ResourceNotFoundException...) is an answer, not a
        // failed call; the collector decides whether it means absent for its attribute.
        this.recorder.request(call, region, isNotFound(f.code) ? undefined : f.text);
        return { ok: false, call, code: f.code, error: f.text };
      }
    }
  }

  /**
   * Follows a paginated call, handing each page to `each` as it arrives (pages are not kept).
   * Stops on a repeated token, which only a broken endpoint sends.
   */
  async pages<C extends object>(
    client: SdkClient,
    make: (token: string | undefined) => C,
    nextToken: (out: OutputOf<C>) => string | undefined,
    each: (out: OutputOf<C>) => void,
  ): Promise<Outcome<void>> {
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const o = await this.send(client, make(token));
      if (!o.ok) return o;
      each(o.value);
      token = nextToken(o.value) || undefined;
      if (token !== undefined) {
        if (seen.has(token)) break;
        seen.add(token);
      }
    } while (token !== undefined);
    return { ok: true, value: undefined };
  }

  /** Runs `fn` once per key for the whole run (per process). */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.shared.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.shared.memo.set(key, p);
    }
    return p;
  }

  sleep(ms: number): Promise<void> {
    return sleep(ms);
  }

  log(message: string): void {
    this.shared.log?.(message);
  }
}
