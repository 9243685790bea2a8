import { SNAPSHOT_SCHEMA_VERSION, InventorySchema, type Inventory, type InventoryInput } from './inventory.js';
import { emptyInventory } from './empty.js';

/** A partial inventory: any part may be left out. */
export type InventoryPart = DeepPartial<InventoryInput>;
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges parts onto a base: objects merge key by key; an attribute (an object with `state`) is
 * replaced, except that two `ok` lists are concatenated, so several parts can add resources to one
 * list (the demo's parts, a test's fixtures).
 */
export function mergeParts(base: unknown, part: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(part)) return part === undefined ? base : part;
  if ('state' in part) {
    if (base.state === 'ok' && part.state === 'ok' && Array.isArray(base.value) && Array.isArray(part.value)) {
      return { state: 'ok', value: [...base.value, ...part.value] };
    }
    return part;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(part)) out[k] = k in base ? mergeParts(base[k], v) : v;
  return out;
}

/**
 * Builds a valid inventory from parts, over a base where nothing was collected. Used by the demo
 * and by tests; throws a zod error when the result is not a valid inventory.
 */
export function buildInventory(
  parts: InventoryPart[],
  base: { accountId?: string; regions?: string[]; source?: Inventory['meta']['source']; why?: string } = {},
): Inventory {
  const regions = base.regions ?? ['us-east-1'];
  const start = emptyInventory(
    {
      source: base.source ?? 'aws',
      origin: 'snapshot',
      accountId: base.accountId ?? '123456789012',
      partition: 'aws',
      collectedAt: '2026-01-01T00:00:00.000Z',
      regions,
    },
    base.why ?? 'not part of this inventory',
  );
  let merged: unknown = start;
  for (const p of parts) {
    // A part may name a region the base lacks: give it an empty region first.
    if (isPlainObject(p.regions)) {
      for (const r of Object.keys(p.regions)) {
        const m = merged as Inventory;
        if (!m.regions[r]) {
          const extra = emptyInventory({ ...m.meta, regions: [r] }, base.why ?? 'not part of this inventory');
          m.regions[r] = extra.regions[r]!;
          m.meta.regions = [...m.meta.regions, r];
        }
      }
    }
    merged = mergeParts(merged, p);
  }
  const inv = InventorySchema.parse(merged);
  if (inv.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) throw new Error('schema version mismatch');
  return inv;
}
