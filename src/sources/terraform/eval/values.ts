import type { SourceLocation } from '../../../inventory/index.js';
import { Unknown, isRecord, isUnknown } from '../../iac/value.js';

/**
 * The instances of a resource whose count or for_each is known only at plan time. Unknown to
 * every operation, except indexing: `aws_s3_bucket.logs[count.index]` then reads the one
 * representative instance Rampart evaluates, so that the parts of a conditional resource still
 * join it (both carry the same condition).
 */
export class UnknownInstances extends Unknown {
  constructor(
    readonly representative: unknown,
    reason: string,
    location?: SourceLocation,
  ) {
    super(reason, location);
  }
}

/** A Terraform value: JSON-like, or Unknown (known only after apply). Sets are arrays. */
export type TfValue = unknown;

/** An evaluation error: Terraform would refuse the configuration. `try()` catches it. */
export class EvalError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'EvalError';
  }
}

/**
 * Objects whose unset attributes are computed by the provider (a resource, a data source):
 * reading one that is not set gives an Unknown rather than an error.
 */
const OPEN = new WeakMap<object, string>();

export function openObject(o: Record<string, TfValue>, address: string): Record<string, TfValue> {
  OPEN.set(o, address);
  return o;
}

export function openAddress(o: object): string | undefined {
  return OPEN.get(o);
}

export function typeName(v: TfValue): string {
  if (isUnknown(v)) return 'unknown';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (isRecord(v)) return 'object';
  return typeof v;
}

/** Template and string-function conversion of a primitive to string. */
export function toStr(v: TfValue, where?: SourceLocation): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new EvalError('a null value cannot be used as a string', where);
  throw new EvalError(`a ${typeName(v)} cannot be used as a string`, where);
}

export function toNum(v: TfValue, where?: SourceLocation): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new EvalError(`a number is required, got ${typeName(v)}`, where);
}

export function toBool(v: TfValue, where?: SourceLocation): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new EvalError(`a bool is required, got ${typeName(v)}`, where);
}

export function deepEqual(a: TfValue, b: TfValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The first Unknown among values, to propagate. */
export function firstUnknown(...vs: TfValue[]): Unknown | undefined {
  return vs.find((v): v is Unknown => isUnknown(v));
}
