import { deployTime, ok, type Attr, type SourceLocation } from '../../inventory/index.js';
import { findUnknown, isUnknown, type Unknown } from './value.js';

/**
 * What the field could be at worst, written onto the resource (a property path such as
 * 'publiclyAccessible' or 'defaultCacheBehavior.viewerProtocolPolicy'): the value to set, or the
 * items to add to a list. ./deferred.ts tries it to learn whether the field can change a verdict.
 */
export type WorstCase = { prop: string; value: unknown } | { prop: string; append: unknown[] };

/** A field of a resource whose value is known only at deploy time (see ./deferred.ts). */
export interface DeferredField {
  /** The resource's id as findings name it (its ARN where AWS has one). */
  resourceId: string;
  /** The field, as a reader would name it: 'ingress rule 2 cidr', 'PubliclyAccessible'. */
  field: string;
  reason: string;
  location?: SourceLocation;
  /** Without it, any pass on the resource is held unknown. */
  worst?: WorstCase;
}

/**
 * Reads the fields of one resource. Attributes that are Attr<T> in the inventory take the
 * `unknown` state directly. Plain fields (a boolean, a rule list) cannot hold it: they get the
 * value that cannot make a check fail, and the field is recorded, so that a `pass` on the
 * resource is turned into `unknown` after the checks ran. Never open, never compliant.
 */
export class FieldReader {
  constructor(
    private readonly sink: DeferredField[],
    readonly resourceId: string,
    readonly location: SourceLocation | undefined,
  ) {}

  /** Records a deploy-time field of this resource, with its worst case where one can be written. */
  defer(field: string, u: Unknown, worst?: WorstCase): void {
    this.sink.push({
      resourceId: this.resourceId,
      field,
      reason: u.reason,
      ...((u.location ?? this.location) ? { location: u.location ?? this.location } : {}),
      ...(worst ? { worst } : {}),
    });
  }

  /** A plain field: the value when known, else `benign` (and the field is recorded). */
  plain<T>(field: string, v: unknown, benign: T, accept: (x: unknown) => x is T, worst?: WorstCase): T {
    const u = findUnknown(v);
    if (u) {
      this.defer(field, u, worst);
      return benign;
    }
    return accept(v) ? v : benign;
  }

  /**
   * A boolean field: `dflt` when the template leaves it out (AWS's default), `benign` (and the
   * field recorded) when its value is known only at deploy time.
   */
  bool(field: string, v: unknown, dflt: boolean, benign: boolean, prop?: string): boolean {
    const b = asBool(v);
    if (isUnknown(b)) {
      this.defer(field, b, prop ? { prop, value: !benign } : undefined);
      return benign;
    }
    return b ?? dflt;
  }

  /** An Attr field: unknown when any part of the value is known only at deploy time. */
  attr<T>(v: unknown, convert: (x: unknown) => T): Attr<T> {
    const u = findUnknown(v);
    if (u) return deployTime<T>(u.reason, u.location ?? this.location);
    return ok(convert(v));
  }
}

export const isStr = (x: unknown): x is string => typeof x === 'string';
export const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Template values arrive as strings as often as not ("true", "443"). */
export function asBool(v: unknown): boolean | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

export function asNum(v: unknown): number | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function asStr(v: unknown): string | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A list of strings; a scalar becomes a list of one. */
export function asStrList(v: unknown): Array<string | Unknown> | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v : [v];
  const out: Array<string | Unknown> = [];
  for (const i of items) {
    const s = asStr(i);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** Tags from CloudFormation's [{Key, Value}] or Terraform's map. Unknown values are left out: tags never decide a verdict alone. */
export function asTags(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const t of v) {
      if (t && typeof t === 'object' && !isUnknown(t)) {
        const k = asStr((t as Record<string, unknown>).Key ?? (t as Record<string, unknown>).key);
        const val = asStr((t as Record<string, unknown>).Value ?? (t as Record<string, unknown>).value);
        if (typeof k === 'string' && typeof val === 'string') out[k] = val;
      }
    }
  } else if (v && typeof v === 'object' && !isUnknown(v)) {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const s = asStr(val);
      if (typeof s === 'string') out[k] = s;
    }
  }
  return out;
}
