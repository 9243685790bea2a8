import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './index.js';
import { demoInventory, DEMO_NOW } from '../demo/index.js';
import { runChecks } from '../engine/run.js';
import { buildInventory, failed, type Inventory } from '../inventory/index.js';
import type { Finding } from '../engine/finding.js';

/**
 * The rule every check owes its users: what could not be read never becomes a pass. Each check's
 * own table covers its paths; this test sweeps all of them at once over the demo account, making
 * one attribute at a time unreadable, as a denied call would.
 */

const run = (inv: Inventory): Finding[] => runChecks(inv, ALL_CHECKS, { now: DEMO_NOW }).findings;

const duplicateIds = (fs: Finding[]): string[] =>
  fs.filter((f, i) => fs.findIndex((g) => g.id === f.id) !== i).map((f) => `${f.checkId} ${f.region} ${f.resourceId} ${f.detail ?? ''}`);

/** Paths to every attribute that was read (ok or absent), outer lists and inner attributes alike. */
function readAttributes(node: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (Array.isArray(node)) node.forEach((x, i) => readAttributes(x, [...path, String(i)], out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.state === 'ok' || o.state === 'absent') {
      out.push(path);
      if (o.state === 'ok') readAttributes(o.value, [...path, 'value'], out);
    } else if (typeof o.state !== 'string') for (const [k, v] of Object.entries(o)) readAttributes(v, [...path, k], out);
  }
  return out;
}

function withUnreadable(inv: Inventory, path: string[]): Inventory {
  const copy = structuredClone(inv);
  let parent = copy as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 1]!] = failed('test:Denied', 'AccessDenied');
  return copy;
}

describe('missing data never turns into a pass', () => {
  it('an account where nothing could be read gives only unknown and manual findings, each with its own id', () => {
    const fs = run(buildInventory([], { regions: ['us-east-1', 'eu-west-1'] }));
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.filter((f) => f.status !== 'unknown' && f.status !== 'manual').map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
    expect(duplicateIds(fs)).toEqual([]);
  });

  const base = demoInventory();
  const before = new Map(run(base).map((f) => [f.id, f]));
  const paths = readAttributes(base);

  it('the demo has attributes to take away', () => {
    expect(paths.length).toBeGreaterThan(100);
  });

  it('no finding that failed or was unknown passes once one more attribute is unreadable, and ids stay distinct', () => {
    const problems: string[] = [];
    for (const path of paths) {
      const fs = run(withUnreadable(base, path));
      for (const d of duplicateIds(fs)) problems.push(`${path.join('.')}: duplicate id for ${d}`);
      for (const f of fs) {
        const was = before.get(f.id)?.status;
        if (f.status === 'pass' && (was === 'fail' || was === 'unknown')) problems.push(`${path.join('.')}: ${f.checkId} went from ${was} to pass: ${f.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000); // some 200 full scans of the demo: seconds, not the default 5 s budget on a slow machine
});
