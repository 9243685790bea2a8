import { describeMissing, GLOBAL_REGION, NOT_COLLECTED_PREFIX, type Attr, type Inventory, type RegionalInventory } from '../inventory/index.js';
import type { CheckResult, ResourceRef } from './types.js';

/** The message key every check must define for data it could not read. */
export const MISSING = 'missing';

/**
 * An `unknown` result for an attribute that holds no value: names the call and the error, or the
 * deploy-time reason. Checks give this for every attribute that is not `ok` (or, where the check
 * allows it, `absent`).
 */
export function missing(resource: ResourceRef, a: Attr<unknown>, what: string, detail?: string): CheckResult<typeof MISSING> {
  return {
    status: 'unknown',
    resource,
    message: MISSING,
    data: { what, why: describeMissing(a) },
    ...(detail !== undefined ? { detail } : {}),
    ...(a.state === 'error' && a.error.startsWith(NOT_COLLECTED_PREFIX) ? { notCollected: true } : {}),
    ...(a.state === 'unknown' && a.location && !resource.location ? { resource: { ...resource, location: a.location } } : {}),
  };
}

/** The account as a resource, for account-wide results. */
export function accountResource(inv: Inventory, region = GLOBAL_REGION): ResourceRef {
  return {
    id: `arn:${inv.meta.partition}:iam::${inv.meta.accountId}:root`,
    type: 'AWS::::Account',
    region,
  };
}

/** Each scanned region with its inventory, in a stable order. */
export function regionsOf(inv: Inventory): Array<[string, RegionalInventory]> {
  return Object.entries(inv.regions).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Runs `each` over a regional list, or gives one `unknown` for the region when the list could not
 * be read. Saves every check the same five lines.
 */
export function forEachRegional<T, M extends string>(
  inv: Inventory,
  pick: (r: RegionalInventory) => Attr<T[]>,
  what: string,
  each: (item: T, region: string, r: RegionalInventory) => CheckResult<M>[],
): CheckResult<M | typeof MISSING>[] {
  const out: CheckResult<M | typeof MISSING>[] = [];
  for (const [region, r] of regionsOf(inv)) {
    const list = pick(r);
    if (list.state === 'ok') {
      for (const item of list.value) out.push(...each(item, region, r));
    } else if (list.state !== 'absent') {
      out.push(missing(accountResource(inv, region), list, what));
    }
  }
  return out;
}
