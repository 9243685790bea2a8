import { join } from 'node:path';
import { valueOf, type Attr, type Inventory, type RegionalInventory } from '../../inventory/index.js';
import { loadIac, PLACEHOLDER_ACCOUNT, type IacLoad, type IacOptions } from './load.js';

/** Test support: fixtures live in test/fixtures/iac (paths relative to the repository root). */
export const FIXTURES = 'test/fixtures/iac';
export const fixture = (...p: string[]) => join(FIXTURES, ...p);

export function load(paths: string[], opts: Partial<IacOptions> = {}): IacLoad {
  return loadIac(paths, {
    region: 'us-east-1',
    accountId: PLACEHOLDER_ACCOUNT,
    partition: 'aws',
    parameters: new Map(),
    vars: [],
    varFiles: [],
    collectedAt: '2026-06-01T00:00:00.000Z',
    ...opts,
  });
}

/** The single inventory of a load (first scenario of its only source). */
export function inventoryOf(l: IacLoad, kind?: 'cloudformation' | 'terraform'): Inventory {
  const s = kind ? l.sources.find((x) => x.kind === kind) : l.sources[0];
  if (!s) throw new Error(`no ${kind ?? 'IaC'} source in ${JSON.stringify(l.errors)}`);
  return s.scenarios[0]!.inventory;
}

/** An ok list's items, failing the test when the attribute is not ok. */
export function list<T>(a: Attr<T[]>): T[] {
  const v = valueOf(a);
  if (v === undefined) throw new Error(`expected an ok list, got ${JSON.stringify(a)}`);
  return v;
}

export function region(inv: Inventory, name = 'us-east-1'): RegionalInventory {
  const r = inv.regions[name];
  if (!r) throw new Error(`no region ${name}: ${Object.keys(inv.regions).join(', ')}`);
  return r;
}
