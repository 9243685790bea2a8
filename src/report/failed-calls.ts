import { GLOBAL_REGION, type Inventory } from '../inventory/index.js';
import type { Coverage } from './model.js';

type FailedCall = Coverage['failedCalls'][number];

/**
 * Failed API calls of a scan: the collector's call log (meta.calls) plus every attribute in the
 * inventory whose read failed (a snapshot may carry those without a call log). Parts a source never
 * gathers ("not collected") are not failures and are left out; the checks that needed them say so.
 */
export function failedCalls(inventories: readonly Inventory[]): FailedCall[] {
  const byKey = new Map<string, FailedCall>();
  const fromLog = new Set<string>();
  for (const inv of inventories) {
    for (const c of inv.meta.calls) {
      if (c.errors <= 0) continue;
      const key = `${c.call}\u0000${c.region}`;
      fromLog.add(key);
      const prev = byKey.get(key);
      byKey.set(key, {
        call: c.call,
        region: c.region,
        errors: (prev?.errors ?? 0) + c.errors,
        ...(c.lastError ?? prev?.lastError ? { lastError: c.lastError ?? prev?.lastError } : {}),
      });
    }
    const onError = (call: string, region: string, error: string) => {
      const key = `${call}\u0000${region}`;
      if (fromLog.has(key)) return; // the log already counted these calls
      const prev = byKey.get(key);
      byKey.set(key, { call, region, errors: (prev?.errors ?? 0) + 1, lastError: error });
    };
    const { meta: _meta, regions, ...global } = inv;
    walk(global, GLOBAL_REGION, onError);
    for (const [region, part] of Object.entries(regions)) walk(part, region, onError);
  }
  return [...byKey.values()].sort((a, b) => a.call.localeCompare(b.call) || a.region.localeCompare(b.region));
}

function walk(node: unknown, region: string, onError: (call: string, region: string, error: string) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, region, onError);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.state === 'error' && typeof o.call === 'string' && typeof o.error === 'string') {
    if (!o.error.startsWith('not collected')) onError(o.call, region, o.error);
    return;
  }
  for (const v of Object.values(o)) walk(v, region, onError);
}
