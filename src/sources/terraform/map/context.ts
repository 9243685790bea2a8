import type { SourceLocation } from '../../../inventory/index.js';
import type { Where } from '../../iac/arns.js';
import type { IacCollector } from '../../iac/collector.js';
import type { FieldReader } from '../../iac/fields.js';
import { asStrList } from '../../iac/fields.js';
import { Unknown, isRecord, isUnknown } from '../../iac/value.js';

/** What a mapper gets for one Terraform resource instance (from HCL or from a plan). */
export interface TfMapContext {
  c: IacCollector;
  where: Where;
  address: string;
  type: string;
  cfg: Record<string, unknown>;
  location: SourceLocation;
  condition?: string;
}

export type TfMapper = (m: TfMapContext) => void;

export function declared(m: TfMapContext): { location: SourceLocation; condition?: string } {
  return { location: m.location, ...(m.condition ? { condition: m.condition } : {}) };
}

export function fieldsOf(m: TfMapContext, resourceId: string): FieldReader {
  return m.c.fields(resourceId, m.location);
}

/**
 * Nested blocks: a list of objects (HCL blocks, plan JSON), one object (.tf.json), or Unknown
 * items (a dynamic block over a deploy-time collection), which are returned as they are.
 */
export function blocks(v: unknown): Array<Record<string, unknown> | Unknown> {
  if (isUnknown(v)) return [v];
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: Array<Record<string, unknown> | Unknown> = [];
  for (const i of items) if (isUnknown(i) || isRecord(i)) out.push(i);
  return out;
}

/** The first nested block, or {} (an Unknown block is returned as is). */
export function block(v: unknown): Record<string, unknown> | Unknown {
  return blocks(v)[0] ?? {};
}

export const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Known strings of a list; a deploy-time list or item is deferred on the resource. */
export function knownStrings(f: FieldReader, field: string, v: unknown): string[] {
  const l = asStrList(v);
  if (l === undefined) return [];
  if (isUnknown(l)) {
    f.defer(field, l);
    return [];
  }
  return l.flatMap((s) => {
    if (isUnknown(s)) {
      f.defer(field, s);
      return [];
    }
    return [s];
  });
}

/**
 * A reference (a VPC, a subnet, a key): left out when known only at deploy time. No verdict
 * rests on which one it is, so it is not deferred; `placeholder` stands in where one that exists
 * matters (an unknown KMS key or web ACL is still one).
 */
export function optStr(_f: FieldReader, _field: string, v: unknown, placeholder?: string): string | undefined {
  if (isUnknown(v)) return placeholder;
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}
