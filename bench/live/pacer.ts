import { throttleFor } from './aws-limits.js';
import { callName } from './calls.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Bucket {
  tokens: number;
  last: number;
  tail: Promise<void>;
}

/**
 * A limiter shaped like AWS's own: one token bucket per (action or API family, region), at the
 * published burst and 90 % of the published refill, that makes a request wait for its token
 * instead of failing. The bench applies it through a client middleware to measure what
 * src/sources/aws/limits.ts would gain from keying its limits this way (LiveOptions has no hook
 * to replace the Limiter).
 */

/**
 * Requests do not reach AWS at the instant they leave the limiter (signing, the event loop, the
 * network), so pacing at exactly the published rate still bunches some arrivals into a throttle;
 * a 1/s bucket (WAF's ListResourcesForWebACL) throttles on any jitter at all.
 */
const MARGIN = 0.9;
export class Pacer {
  private readonly buckets = new Map<string, Bucket>();

  /** Resolves when the request may be sent (requests on one bucket are served in order). */
  wait(clientName: string, region: string, commandName: string, input: Record<string, unknown>): Promise<void> {
    const t = throttleFor(callName(clientName, commandName), clientName, input);
    if (!t) return Promise.resolve();
    const key = t.scope === 'region' ? `${t.key}@${region}` : t.key;
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: t.capacity, last: performance.now(), tail: Promise.resolve() };
      this.buckets.set(key, b);
    }
    const bucket = b;
    const turn = bucket.tail.then(async () => {
      const refill = () => {
        const now = performance.now();
        bucket.tokens = Math.min(t.capacity, bucket.tokens + ((now - bucket.last) / 1000) * t.refillPerSec * MARGIN);
        bucket.last = now;
      };
      refill();
      if (bucket.tokens < 1) {
        await sleep(((1 - bucket.tokens) / (t.refillPerSec * MARGIN)) * 1000);
        refill();
      }
      bucket.tokens = Math.max(0, bucket.tokens - 1);
    });
    bucket.tail = turn;
    return turn;
  }
}
