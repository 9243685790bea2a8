import type { SourceLocation } from '../../../inventory/index.js';
import type { Where } from '../../iac/arns.js';
import type { IacCollector } from '../../iac/collector.js';
import type { FieldReader } from '../../iac/fields.js';
import { isRecord } from '../../iac/value.js';
import type { Value } from '../evaluate.js';

/** What a mapper gets for one resource of one template, in one scenario. */
export interface MapContext {
  c: IacCollector;
  where: Where;
  logicalId: string;
  type: string;
  props: Record<string, Value>;
  location: SourceLocation;
  /** The resource's conditions in this scenario ('IsProd', '!IsProd && HasLogs'). */
  condition?: string;
  /** Ref to a resource of the template, for parts that name their owner. */
  ref(logicalId: string): Value;
}

export type Mapper = (m: MapContext) => void;

/** Provenance fields every mapped resource carries. */
export function declared(m: MapContext): { location: SourceLocation; condition?: string } {
  return { location: m.location, ...(m.condition ? { condition: m.condition } : {}) };
}

export function fieldsOf(m: MapContext, resourceId: string): FieldReader {
  return m.c.fields(resourceId, m.location);
}

/** A nested object property, or {} when absent or not an object. */
export function obj(v: Value): Record<string, Value> {
  return isRecord(v) ? v : {};
}

/** A list property, or [] when absent (a single object counts as a list of one). */
export function list(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

export const nameOr = (v: Value, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);
