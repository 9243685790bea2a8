import type { Inventory, SourceLocation } from '../../inventory/index.js';

export interface IndexedResource {
  arn?: string;
  id?: string;
  name?: string;
  location?: SourceLocation;
  condition?: string;
  /** The resource object itself, for trying a deploy-time field's worst case. */
  object: Record<string, unknown>;
  /** The inventory list that holds it, to try it alone. */
  list?: unknown[];
}

/**
 * Every declared resource of an inventory by ARN and by id: findings that checks made without
 * a location get the resource's, and deferred fields find every name of their resource.
 */
export function indexResources(inv: Inventory): Map<string, IndexedResource> {
  const out = new Map<string, IndexedResource>();
  const visit = (v: unknown, depth: number, list?: unknown[]) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, v);
      return;
    }
    const o = v as Record<string, unknown>;
    if (o.location && typeof o.location === 'object' && (typeof o.arn === 'string' || typeof o.id === 'string')) {
      const r: IndexedResource = {
        ...(typeof o.arn === 'string' ? { arn: o.arn } : {}),
        ...(typeof o.id === 'string' ? { id: o.id } : {}),
        ...(typeof o.name === 'string' ? { name: o.name } : {}),
        location: o.location as SourceLocation,
        ...(typeof o.condition === 'string' ? { condition: o.condition } : {}),
        object: o,
        ...(list ? { list } : {}),
      };
      if (r.arn && !out.has(r.arn)) out.set(r.arn, r);
      if (r.id && !out.has(r.id)) out.set(r.id, r);
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  visit(inv, 0);
  return out;
}
