/**
 * Wildcard matching as IAM does it:
 * - actions: `*` and `?`, case-insensitive ("IAM JSON policy elements: Action");
 * - resources: case-sensitive; `*` and `?` stay inside one colon-delimited ARN segment, except a
 *   `*` that ends a segment, which may run past colons, and anything in the resource part (after
 *   the fifth colon) ("IAM JSON policy elements: Resource", "Using wildcards in resource ARNs");
 * - ArnLike / ArnEquals: each of the six colon-delimited components is matched on its own
 *   ("Condition operators", "Amazon Resource Name (ARN) condition operators");
 * - StringLike: `*` and `?` anywhere, case-sensitive.
 */
import { parseTemplate, type Part, hasVariables, partsToString } from './variables.js';

export type ConcretePart = Exclude<Part, { t: 'var' }>;

export interface Pattern {
  raw: string;
  parts: Part[];
  hasVariables: boolean;
}

/**
 * A pattern without policy variables, split into parts on first use: a large account holds
 * hundreds of thousands of Resource values, and a who-can question matches only a few of them.
 */
class LazyPattern implements Pattern {
  readonly hasVariables = false;
  #parts: Part[] | undefined;
  constructor(readonly raw: string) {}
  get parts(): Part[] {
    // Without variables parseTemplate cannot fail.
    return (this.#parts ??= parseTemplate(this.raw, { variables: false, wildcards: true }) as Part[]);
  }
}

export function makePattern(raw: string, variables: boolean): Pattern | string {
  if (!variables || !raw.includes('${')) return new LazyPattern(raw);
  const parts = parseTemplate(raw, { variables, wildcards: true });
  if (typeof parts === 'string') return parts;
  return { raw, parts, hasVariables: hasVariables(parts) };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export type MatchKind = 'action' | 'resource' | 'string';

// Compiled regexes are cached by their source text: the same patterns recur across thousands of policies.
const reCache = new Map<string, RegExp>();
const RE_CACHE_MAX = 50_000;

function cached(source: string, flags: string): RegExp {
  const k = flags + '/' + source;
  let re = reCache.get(k);
  if (!re) {
    if (reCache.size >= RE_CACHE_MAX) reCache.clear();
    re = new RegExp(source, flags);
    reCache.set(k, re);
  }
  return re;
}

/** A regex for a glob where `*` and `?` cross any character. */
function plainGlobSource(parts: readonly ConcretePart[]): string {
  let s = '^';
  for (const p of parts) s += p.t === 'lit' ? escapeRe(p.v) : p.t === 'star' ? '[\\s\\S]*' : '[\\s\\S]';
  return s + '$';
}

/** A regex for a Resource pattern with AWS's segment rules (see the file comment). */
function resourceSource(parts: readonly ConcretePart[]): string {
  const text = partsToString(parts);
  if (!text.startsWith('arn:')) return plainGlobSource(parts);
  let s = '^';
  let colons = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ConcretePart;
    if (p.t === 'lit') {
      s += escapeRe(p.v);
      for (const ch of p.v) if (ch === ':') colons++;
      continue;
    }
    if (colons >= 5) {
      s += p.t === 'star' ? '[\\s\\S]*' : '[\\s\\S]';
      continue;
    }
    if (p.t === 'one') {
      s += '[^:]';
      continue;
    }
    const next = parts[i + 1];
    const endsSegment = next === undefined || (next.t === 'lit' && next.v.startsWith(':'));
    s += endsSegment ? '[\\s\\S]*' : '[^:]*';
  }
  return s + '$';
}

export function compile(parts: readonly ConcretePart[], kind: MatchKind): RegExp {
  if (kind === 'action') return cached(plainGlobSource(parts), 'i');
  if (kind === 'resource') return cached(resourceSource(parts), '');
  return cached(plainGlobSource(parts), '');
}

export function globMatch(parts: readonly ConcretePart[], value: string, kind: MatchKind): boolean {
  // Fast paths for the commonest patterns: "*" and a plain literal.
  const first = parts[0];
  if (parts.length === 1 && first) {
    if (first.t === 'star') return true;
    if (first.t === 'lit') return kind === 'action' ? first.v.toLowerCase() === value.toLowerCase() : first.v === value;
  }
  // "prefix*": a trailing star ends its segment, so it matches anything, colons included, for every kind.
  if (parts.length === 2 && first?.t === 'lit' && parts[1]?.t === 'star') {
    return kind === 'action' ? value.toLowerCase().startsWith(first.v.toLowerCase()) : value.startsWith(first.v);
  }
  // Literal pieces, perhaps ending in "*" (a pattern whose variable was just substituted, as
  // "arn:aws:s3:::home/" + "alice" + "/*"): compared piece by piece, no regular expression.
  if (kind !== 'action') {
    const literal = literalMatch(parts, value);
    if (literal !== undefined) return literal;
  }
  return compile(parts, kind).test(value);
}

/** The case-sensitive match of literal parts with an optional trailing "*"; undefined when other wildcards occur. */
function literalMatch(parts: readonly ConcretePart[], value: string): boolean | undefined {
  const last = parts.length - 1;
  let pos = 0;
  for (let i = 0; i <= last; i++) {
    const p = parts[i] as ConcretePart;
    if (p.t === 'star' && i === last) return true;
    if (p.t !== 'lit') return undefined;
    if (!value.startsWith(p.v, pos)) {
      // A later "?" or inner "*" could still match: only a pure literal pattern is decided here.
      for (let j = i + 1; j <= last; j++) if ((parts[j] as ConcretePart).t !== 'lit' && !(j === last && (parts[j] as ConcretePart).t === 'star')) return undefined;
      return false;
    }
    pos += p.v.length;
  }
  return pos === value.length;
}

/** Splits on the first `limit - 1` colons: the last piece keeps the rest (an ARN's resource part may hold colons). */
function splitSegments(parts: readonly ConcretePart[], limit: number): ConcretePart[][] {
  const segs: ConcretePart[][] = [[]];
  const push = (p: ConcretePart): void => {
    const seg = segs[segs.length - 1] as ConcretePart[];
    const last = seg[seg.length - 1];
    if (p.t === 'lit' && last?.t === 'lit') last.v += p.v;
    else seg.push(p.t === 'lit' ? { t: 'lit', v: p.v } : p);
  };
  for (const p of parts) {
    if (p.t !== 'lit') {
      push(p);
      continue;
    }
    for (const ch of p.v) {
      if (ch === ':' && segs.length < limit) segs.push([]);
      else push({ t: 'lit', v: ch });
    }
  }
  return segs;
}

/** ArnEquals / ArnLike: the six components compared one by one, case-sensitive. */
export function arnMatch(parts: readonly ConcretePart[], value: string): boolean {
  const pSegs = splitSegments(parts, 6);
  const vSegs = splitValue(value, pSegs.length);
  if (vSegs.length !== pSegs.length) return false;
  return pSegs.every((seg, i) => globMatch(seg.length ? seg : [{ t: 'lit', v: '' }], vSegs[i] as string, 'string'));
}

function splitValue(value: string, count: number): string[] {
  const out: string[] = [];
  let rest = value;
  for (let i = 1; i < count; i++) {
    const at = rest.indexOf(':');
    if (at < 0) return out.concat(rest);
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** True when the pattern has no wildcard: a fixed value (S3's "fixed values" for public policies). */
export function isFixed(parts: readonly Part[]): boolean {
  return parts.every((p) => p.t === 'lit');
}

// --- Set queries ("is every iam:* action allowed?") -------------------------------------------

type Tok = { t: 'ch'; c: string } | { t: 'star' } | { t: 'one' };

function tokens(parts: readonly ConcretePart[], ci: boolean): Tok[] {
  const out: Tok[] = [];
  for (const p of parts) {
    if (p.t === 'lit') for (const c of p.v) out.push({ t: 'ch', c: ci ? c.toLowerCase() : c });
    else out.push(p.t === 'star' ? { t: 'star' } : { t: 'one' });
  }
  return out;
}

/** Positions of the pattern reachable after reading `prefix` (a small NFA; `*` crosses everything). */
function statesAfter(toks: Tok[], prefix: string): Set<number> {
  const close = (s: Set<number>): Set<number> => {
    for (const i of [...s]) {
      let j = i;
      while (toks[j]?.t === 'star') s.add(++j);
    }
    return s;
  };
  let cur = close(new Set([0]));
  for (const c of prefix) {
    const next = new Set<number>();
    for (const i of cur) {
      const tk = toks[i];
      if (!tk) continue;
      if (tk.t === 'star') next.add(i);
      else if (tk.t === 'one' || tk.c === c) next.add(i + 1);
    }
    cur = close(next);
    if (cur.size === 0) break;
  }
  return cur;
}

/** Does the pattern match every non-empty string that starts with `prefix`? */
export function coversAll(parts: readonly ConcretePart[], prefix: string, ci: boolean): boolean {
  const toks = tokens(parts, ci);
  const p = ci ? prefix.toLowerCase() : prefix;
  for (const i of statesAfter(toks, p)) {
    const rest = toks.slice(i);
    const ones = rest.filter((t) => t.t === 'one').length;
    // What is left must accept any suffix: only stars, or one `?` among stars (the suffix is never empty).
    if (rest.every((t) => t.t !== 'ch') && ones <= 1 && rest.some((t) => t.t === 'star')) return true;
  }
  return false;
}

/** Can the pattern match at least one string that starts with `prefix`? */
export function canMatchSome(parts: readonly ConcretePart[], prefix: string, ci: boolean): boolean {
  return statesAfter(tokens(parts, ci), ci ? prefix.toLowerCase() : prefix).size > 0;
}

/**
 * A stand-in for "an action / resource that no statement names": the prefix followed by a
 * character no policy contains. Deny statements are tested against it in set queries.
 */
export function genericMember(prefix: string): string {
  return prefix + '\u0000';
}
