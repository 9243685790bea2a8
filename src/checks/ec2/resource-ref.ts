import type { SourceLocation } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';

/** What every inventory resource may carry about where it was declared (IaC). */
interface Declared {
  location?: SourceLocation;
  condition?: string;
}

/** A result's resource, keeping an IaC resource's file:line and condition so findings point at the template. */
export function refOf(item: Declared, id: string, type: string, region: string): ResourceRef {
  return {
    id,
    type,
    region,
    ...(item.location ? { location: item.location } : {}),
    ...(item.condition ? { condition: item.condition } : {}),
  };
}

/** "i-0abc (web-1)": an id with its Name tag, the way people recognise resources. */
export function labelOf(id: string, tags: Record<string, string> | undefined, name?: string): string {
  const n = name ?? tags?.['Name'];
  return n && n !== id ? `${id} (${n})` : id;
}
