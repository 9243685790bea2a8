/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"):
 * `${aws:username}`, defaults `${aws:userid, 'anonymous'}`, and the escapes `${*}`, `${?}`, `${$}`
 * for a literal `*`, `?` and `$`. Only policies with Version 2012-10-17 substitute variables;
 * older ones read `${...}` as literal text.
 */
import type { ContextValue } from './types.js';

/** A piece of a string pattern: literal text, a `*` or `?` wildcard, or a variable to substitute. */
export type Part =
  | { t: 'lit'; v: string }
  | { t: 'star' }
  | { t: 'one' }
  | { t: 'var'; key: string; keyLower: string; fallback?: string };

export interface TemplateOptions {
  /** Substitute `${...}` (2012-10-17 policies, and only where AWS allows variables). */
  variables: boolean;
  /** `*` and `?` are wildcards (Action, Resource, StringLike, ArnLike); else literal. */
  wildcards: boolean;
}

const VARIABLE = /^\s*([^\s,'{}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/** Splits a policy string into parts; returns an error sentence for a malformed `${...}`. */
// Wildcard parts carry no data: one shared object each (parsed policies are never mutated).
const STAR: Part = Object.freeze({ t: 'star' });
const ONE: Part = Object.freeze({ t: 'one' });

export function parseTemplate(raw: string, opts: TemplateOptions): Part[] | string {
  // Fast path: plain text (most ARNs and values).
  if (!/[$*?]/.test(raw)) return raw ? [{ t: 'lit', v: raw }] : [];
  const parts: Part[] = [];
  // Literal text is cut out of `raw` in runs, never built a character at a time: a string grown
  // by `+=` per character is a chain of one node per character (tens of bytes each), kept alive
  // for as long as the parsed policy is.
  let lit = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (opts.variables && ch === '$' && raw[i + 1] === '{') {
      const end = raw.indexOf('}', i + 2);
      if (end < 0) return `unterminated policy variable in "${raw}"`;
      const inner = raw.slice(i + 2, end);
      if (i > start) lit += raw.slice(start, i);
      i = end;
      start = end + 1;
      // The escapes stand for the literal character, never a wildcard.
      if (inner === '*' || inner === '?' || inner === '$') {
        lit += inner;
        continue;
      }
      const m = VARIABLE.exec(inner);
      if (!m) return `malformed policy variable "\${${inner}}" in "${raw}"`;
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
      const key = m[1] as string;
      const part: Part = { t: 'var', key, keyLower: key.toLowerCase() };
      if (m[2] !== undefined) part.fallback = m[2];
      parts.push(part);
      continue;
    }
    if (opts.wildcards && (ch === '*' || ch === '?')) {
      if (i > start) lit += raw.slice(start, i);
      start = i + 1;
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
      parts.push(ch === '*' ? STAR : ONE);
    }
  }
  if (raw.length > start) lit += raw.slice(start);
  if (lit) parts.push({ t: 'lit', v: lit });
  // Sized to its contents (an array grown from [] reserves 17 slots): parsed patterns live long.
  return parts.slice();
}

export function hasVariables(parts: readonly Part[]): boolean {
  return parts.some((p) => p.t === 'var');
}

/** Outcome of substituting variables: the resolved parts, or why the value cannot be used. */
export type Resolved =
  | { ok: Exclude<Part, { t: 'var' }>[] }
  /** AWS: a variable that cannot be resolved makes the statement invalid (it does not apply). */
  | { invalid: string }
  | { unknown: string };

export type Lookup = (keyLower: string) => ContextValue | undefined | 'unknown';

/** Replaces variables by context values; substituted text is always literal (a `*` in a user name is no wildcard). */
export function resolveParts(parts: readonly Part[], lookup: Lookup): Resolved {
  if (!hasVariables(parts)) return { ok: parts as Exclude<Part, { t: 'var' }>[] };
  const out: Exclude<Part, { t: 'var' }>[] = [];
  for (const p of parts) {
    if (p.t !== 'var') {
      out.push(p);
      continue;
    }
    const v = lookup(p.keyLower);
    if (v === 'unknown' || (typeof v === 'object' && v !== null && !Array.isArray(v))) {
      return { unknown: p.key };
    }
    let text: string | undefined;
    if (Array.isArray(v)) {
      // Multi-valued keys cannot be used as variables; a single value is read as a scalar.
      if (v.length === 1) text = String(v[0]);
    } else if (v !== undefined) {
      text = String(v);
    }
    if (text === undefined) {
      if (p.fallback === undefined) return { invalid: p.key };
      text = p.fallback;
    }
    out.push({ t: 'lit', v: text });
  }
  return { ok: out };
}

/** The text of resolved parts with wildcards as written (for messages and exact comparisons). */
export function partsToString(parts: readonly Part[]): string {
  return parts
    .map((p) => (p.t === 'lit' ? p.v : p.t === 'star' ? '*' : p.t === 'one' ? '?' : `\${${p.key}}`))
    .join('');
}
