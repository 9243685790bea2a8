import type { CallRecord } from '../../inventory/index.js';

export type CallOutcome = 'ok' | 'error' | 'throttle';

/**
 * Counts API calls per (call, region): one record per pair, however many calls are made, so
 * memory grows with the number of distinct calls, not with the number of requests.
 */
export class CallRecorder {
  private readonly records = new Map<string, CallRecord>();

  constructor(private readonly onCall?: (call: string, region: string, outcome: CallOutcome) => void) {}

  private get(call: string, region: string): CallRecord {
    const key = `${call}\u0000${region}`;
    let r = this.records.get(key);
    if (!r) {
      r = { call, region, count: 0, errors: 0, throttles: 0 };
      this.records.set(key, r);
    }
    return r;
  }

  /** A request that ended, well or not (one per page). */
  request(call: string, region: string, error?: string): void {
    const r = this.get(call, region);
    r.count += 1;
    if (error !== undefined) {
      r.errors += 1;
      r.lastError = error;
    }
    this.onCall?.(call, region, error === undefined ? 'ok' : 'error');
  }

  /** A throttled attempt (retried by the SDK or by us). */
  throttle(call: string, region: string): void {
    this.get(call, region).throttles += 1;
    this.onCall?.(call, region, 'throttle');
  }

  /** Adds records gathered elsewhere (another unit, another worker). */
  absorb(records: readonly CallRecord[]): void {
    for (const x of records) {
      const r = this.get(x.call, x.region);
      r.count += x.count;
      r.errors += x.errors;
      r.throttles += x.throttles;
      if (x.lastError !== undefined) r.lastError = x.lastError;
    }
  }

  /** Plain, sorted records, as inventory.meta.calls holds them. */
  snapshot(): CallRecord[] {
    return [...this.records.values()]
      .map((r) => ({ ...r }))
      .sort((a, b) => a.call.localeCompare(b.call) || a.region.localeCompare(b.region));
  }
}
