import {
  emptyInventory,
  emptyRegion,
  failed,
  InventorySchema,
  ok,
  type Attr,
  type Inventory,
  type InventoryMeta,
  type RegionalInventory,
} from '../../inventory/index.js';
import { collectorFor } from './collectors/index.js';
import type { GlobalPart } from './collector.js';
import type { UnitResult } from './run-unit.js';
import { isGlobal } from './unit.js';

export interface AssembleInput {
  meta: Omit<InventoryMeta, 'calls'> & { calls: InventoryMeta['calls'] };
  results: readonly UnitResult[];
  /** Selected regions that the account has not enabled (opt-in regions): nothing is asked there. */
  disabledRegions?: ReadonlySet<string>;
}

/** Why a part holds nothing: the service was left out. */
const NOT_SELECTED = 'service not selected (--services)';

/** An attribute, not a resource that merely has a `state` field (an instance is 'running', a volume can be 'error'). */
function isAttr(v: unknown): v is Attr<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  switch (o.state) {
    case 'ok':
      return 'value' in o;
    case 'error':
      return typeof o.call === 'string' && typeof o.error === 'string';
    case 'unknown':
      return typeof o.reason === 'string';
    case 'absent':
      return Object.keys(o).length === 1;
    default:
      return false;
  }
}

/**
 * CloudFront web ACLs are linked from the distributions, not from WAF: fill their associations
 * from the distributions when those were read, else say why they are not known.
 */
function linkCloudFrontAcls(inv: Inventory): void {
  const acls = inv.wafGlobal.webAcls;
  if (acls.state !== 'ok') return;
  const dists = inv.cloudfront.distributions;
  for (const acl of acls.value) {
    if (acl.associatedResources.state !== 'absent') continue;
    acl.associatedResources =
      dists.state === 'ok'
        ? ok(dists.value.filter((d) => d.webAclId === acl.arn || d.webAclId === acl.id).map((d) => d.arn))
        : dists.state === 'error'
          ? failed(dists.call, dists.error)
          : failed('cloudfront:ListDistributions', 'CloudFront distributions were not read');
  }
}

/**
 * Replaces the attribute that holds an invalid value with a failure naming the problem, so one
 * surprising answer costs one attribute, not the scan.
 */
function quarantine(inv: Record<string, unknown>, path: readonly PropertyKey[], message: string): boolean {
  let node: unknown = inv;
  let holder: Record<string, unknown> | undefined;
  let key: string | undefined;
  let found: { holder: Record<string, unknown>; key: string } | undefined;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) break;
    holder = node as Record<string, unknown>;
    key = String(step);
    node = holder[key];
    if (isAttr(node)) found = { holder, key };
  }
  if (!found) return false;
  const a = found.holder[found.key] as Attr<unknown>;
  const call = a.state === 'error' ? a.call : 'rampart:parse';
  found.holder[found.key] = failed(call, `unexpected answer: ${message} at ${path.join('.')}`);
  return true;
}

/** The inventory from every unit's result, over a base where nothing was collected. */
export function assemble({ meta, results, disabledRegions }: AssembleInput): Inventory {
  const inv = emptyInventory(meta, NOT_SELECTED);
  for (const r of disabledRegions ?? []) {
    inv.regions[r] = emptyRegion(`region ${r} is not enabled in this account (opt-in region): enable it or leave it out of --regions`);
  }
  for (const res of results) {
    const collector = collectorFor(res.unit.service, isGlobal(res.unit));
    if (isGlobal(res.unit)) {
      if (res.crashed) {
        const blank = emptyInventory({ ...meta, regions: [] }, `the ${res.unit.service} collector failed: ${res.crashed}`);
        for (const k of (collector?.fills ?? []) as Array<keyof GlobalPart>) (inv as Record<string, unknown>)[k] = blank[k];
      } else Object.assign(inv, res.global);
    } else {
      const region = (inv.regions[res.unit.region] ??= emptyRegion(NOT_SELECTED));
      if (res.crashed) {
        const blank = emptyRegion(`the ${res.unit.service} collector failed: ${res.crashed}`);
        for (const k of (collector?.fills ?? []) as Array<keyof RegionalInventory>) (region as Record<string, unknown>)[k] = blank[k];
      } else Object.assign(region, res.regional);
    }
  }
  linkCloudFrontAcls(inv);
  for (let round = 0; round < 50; round++) {
    const parsed = InventorySchema.safeParse(inv);
    if (parsed.success) return parsed.data;
    const fixed = parsed.error.issues.map((i) => quarantine(inv as unknown as Record<string, unknown>, i.path, i.message));
    if (!fixed.some(Boolean)) throw new Error(`the collected inventory is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  }
  throw new Error('the collected inventory could not be repaired');
}
