import type { CallStat } from './fake-aws.js';
import type { Need } from './minimum.js';

export interface CallComparison {
  call: string;
  made: number;
  minimum: number;
  /** Calls beyond the minimum (negative: fewer, which means data the collector did not read). */
  excess: number;
  throttled: number;
  overMax: number;
}

/** Calls made per API against the minimum the account allows, largest excess first. */
export function compareCalls(made: readonly CallStat[], minimum: readonly Need[]): CallComparison[] {
  const rows = new Map<string, CallComparison>();
  const row = (call: string) => {
    let r = rows.get(call);
    if (!r) {
      r = { call, made: 0, minimum: 0, excess: 0, throttled: 0, overMax: 0 };
      rows.set(call, r);
    }
    return r;
  };
  for (const c of made) {
    const r = row(c.call);
    r.made += c.attempts;
    r.throttled += c.throttled;
    r.overMax += c.overMax;
  }
  for (const n of minimum) row(n.call).minimum += n.calls;
  for (const r of rows.values()) r.excess = r.made - r.minimum;
  return [...rows.values()].sort((a, b) => Math.abs(b.excess) - Math.abs(a.excess) || a.call.localeCompare(b.call));
}

/** When each (service, region) got its last request: the lanes that finished last set the wall time. */
export function latestLanes(made: readonly CallStat[], top = 8): Array<{ lane: string; lastMs: number; calls: number }> {
  const lanes = new Map<string, { lane: string; lastMs: number; calls: number }>();
  for (const c of made) {
    const lane = `${c.call.split(':')[0]}@${c.region}`;
    const l = lanes.get(lane) ?? { lane, lastMs: 0, calls: 0 };
    l.lastMs = Math.max(l.lastMs, c.lastMs);
    l.calls += c.attempts;
    lanes.set(lane, l);
  }
  return [...lanes.values()].sort((a, b) => b.lastMs - a.lastMs).slice(0, top);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}
