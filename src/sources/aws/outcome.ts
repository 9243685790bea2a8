import { absent, failed, ok, type Attr } from '../../inventory/index.js';

/** What one API call gave: its output, or the call and error (AWS code and one-line text). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; call: string; code: string; error: string };
export type Failure = Extract<Outcome<unknown>, { ok: false }>;

/** The failure as an attribute: the call is named, so a check can say what it could not read. */
export function failedAttr<T = never>(f: Failure): Attr<T> {
  return failed(f.call, f.error);
}

/**
 * The attribute for an outcome: `ok` with the mapped value, `absent` when the error code means
 * "not configured" for this call (NoSuchBucketPolicy...), else an `error` naming the call.
 */
export function attrOf<T, V>(o: Outcome<T>, map: (v: T) => V, absentCodes: readonly string[] = []): Attr<V> {
  if (o.ok) return ok(map(o.value));
  if (absentCodes.includes(o.code)) return absent();
  return failedAttr(o);
}

/** Drops undefined values so optional fields stay absent in the JSON (and in zod's eyes). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** An SDK date (Date or string) as an ISO string. */
export function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  const t = d instanceof Date ? d : new Date(d);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/** SDK tag lists ({Key, Value}) as a record. */
export function tagsOf(list: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

/**
 * A policy document: IAM returns URL-encoded JSON (RFC 3986), other services plain JSON. An
 * IAM document that does not decode is tried as is (some emulators skip the encoding).
 */
export function parsePolicy(text: string | undefined, urlEncoded = false): Record<string, unknown> | undefined {
  if (text === undefined || text === '') return undefined;
  const tries = [text];
  if (urlEncoded) {
    try {
      tries.unshift(decodeURIComponent(text));
    } catch {
      // malformed escapes: parse as is
    }
  }
  for (const t of tries) {
    try {
      const v: unknown = JSON.parse(t);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // try the next form
    }
  }
  return undefined;
}
