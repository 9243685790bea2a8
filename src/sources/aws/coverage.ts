import type { CallRecord, Inventory } from '../../inventory/index.js';

/** One failed read and what it left unknown. */
export interface Gap {
  call: string;
  error: string;
  region: string;
  /** How many attributes hold this failure. */
  attributes: number;
  /** A few of them, as paths with resource names ('s3.buckets[logs].policy'). */
  examples: string[];
}

export interface LiveCoverage {
  calls: number;
  throttles: number;
  failedCalls: Array<Pick<CallRecord, 'call' | 'region' | 'errors' | 'lastError'>>;
  gaps: Gap[];
}

const MAX_EXAMPLES = 3;
/** Parts left out on purpose (--services) are not gaps. */
const NOT_SELECTED = /^not collected: service not selected/;

function label(item: unknown, index: number): string {
  if (typeof item === 'object' && item !== null) {
    const o = item as Record<string, unknown>;
    for (const k of ['name', 'id', 'arn', 'user']) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  }
  return String(index);
}

/** Every attribute that failed, grouped by call, error and region. */
export function gapsOf(inv: Inventory): Gap[] {
  const groups = new Map<string, Gap>();
  const walk = (node: unknown, path: string, region: string): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, `${path}[${label(x, i)}]`, region));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.state === 'error' && typeof o.call === 'string' && typeof o.error === 'string') {
      if (NOT_SELECTED.test(o.error)) return;
      const key = `${o.call}\u0000${o.error}\u0000${region}`;
      const g = groups.get(key) ?? { call: o.call, error: o.error, region, attributes: 0, examples: [] };
      g.attributes += 1;
      if (g.examples.length < MAX_EXAMPLES) g.examples.push(path);
      groups.set(key, g);
      return;
    }
    if (o.state === 'ok' && 'value' in o) {
      walk(o.value, path, region);
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k, region);
  };
  for (const k of ['account', 'iam', 's3', 'cloudfront', 'wafGlobal', 'route53'] as const) walk(inv[k], k, 'global');
  for (const [r, part] of Object.entries(inv.regions)) walk(part, r, r);
  return [...groups.values()].sort((a, b) => b.attributes - a.attributes || a.call.localeCompare(b.call));
}

export function coverageOf(inv: Inventory): LiveCoverage {
  const calls = inv.meta.calls;
  return {
    calls: calls.reduce((n, c) => n + c.count, 0),
    throttles: calls.reduce((n, c) => n + c.throttles, 0),
    failedCalls: calls
      .filter((c) => c.errors > 0)
      .map((c) => ({ call: c.call, region: c.region, errors: c.errors, ...(c.lastError ? { lastError: c.lastError } : {}) })),
    gaps: gapsOf(inv),
  };
}
