import type { TxtResolver } from './resolver.js';
import { firstAll, hasMacro, isSpfRecord, parseSpf, type Qualifier, type Term } from './spf-parse.js';

/** RFC 7208 §4.6.4: include, a, mx, ptr, exists and redirect count; at most 10 per evaluation. */
export const LOOKUP_LIMIT = 10;
const COUNTED = new Set(['include', 'a', 'mx', 'ptr', 'exists']);
/** Beyond this depth something is looping or absurd; the limit is long exceeded anyway. */
const MAX_DEPTH = 12;

export interface SpfAnalysis {
  /** DNS-querying terms counted (a lower bound when `unknown` is not empty). */
  lookups: number;
  /** Why the count or the verdict is incomplete (records outside the known zones, macros). */
  unknown: string[];
  /** What makes receivers return permerror (a broken include or redirect, a loop, bad syntax). */
  errors: string[];
  /** include: terms whose target passes every sender (+all): anyone matches them. */
  openIncludes: string[];
  /** The qualifier of the `all` that ends evaluation (following redirect), 'none' when there is none. */
  finalAll: Qualifier | 'none' | 'unknown';
}

type Fetched = { ok: true; terms: Term[] } | { ok: false; kind: 'unknown' | 'error'; why: string };

/** The SPF record of a domain, through the resolver. */
export function fetchSpf(resolve: TxtResolver, domain: string): Fetched {
  const answer = resolve(domain);
  if (answer.kind === 'unknown') return { ok: false, kind: 'unknown', why: answer.reason };
  const spf = answer.kind === 'records' ? answer.values.filter(isSpfRecord) : [];
  if (spf.length === 0) return { ok: false, kind: 'error', why: `${domain} has no SPF record` };
  if (spf.length > 1) return { ok: false, kind: 'error', why: `${domain} has ${spf.length} SPF records` };
  const parsed = parseSpf(spf[0]!);
  return parsed.ok ? { ok: true, terms: parsed.terms } : { ok: false, kind: 'error', why: `the SPF record of ${domain} does not parse (${parsed.error})` };
}

/**
 * Counts the DNS lookups an evaluation can need in the worst case (a sender that matches
 * nothing): every counted term up to the first `all`, the terms of each included record, and the
 * redirect when there is no `all`. Terms after `all` are never evaluated (§5.1, §6.1).
 */
export function analyseSpf(terms: Term[], resolve: TxtResolver, self?: string): SpfAnalysis {
  const out: SpfAnalysis = { lookups: 0, unknown: [], errors: [], openIncludes: [], finalAll: 'none' };

  /** Fetches an include or redirect target; undefined when it cannot be followed (recorded). */
  const fetchTarget = (raw: string, domain: string, stack: string[]): { terms: Term[]; name: string } | undefined => {
    if (hasMacro(domain)) {
      out.unknown.push(`${raw} depends on the sender (a macro)`);
      return undefined;
    }
    const name = domain.replace(/\.$/, '').toLowerCase();
    if (stack.includes(name)) {
      out.errors.push(`${raw} loops back to ${name}`);
      return undefined;
    }
    if (stack.length >= MAX_DEPTH) {
      out.errors.push(`${raw} nests more than ${MAX_DEPTH} records deep`);
      return undefined;
    }
    const f = fetchSpf(resolve, name);
    if (!f.ok) {
      (f.kind === 'unknown' ? out.unknown : out.errors).push(`${raw}: ${f.why}`);
      return undefined;
    }
    return { terms: f.terms, name };
  };

  /** `decides`: this record's `all` (or its redirect's) is the verdict for other senders. */
  const walk = (ts: Term[], stack: string[], decides: boolean): void => {
    const all = firstAll(ts);
    for (const t of all ? ts.slice(0, ts.indexOf(all) + 1) : ts) {
      if (t.kind !== 'mechanism' || !COUNTED.has(t.name)) continue;
      out.lookups++;
      if (t.name !== 'include' || !t.domain) continue;
      const target = fetchTarget(t.raw, t.domain, stack);
      if (!target) continue;
      if (firstAll(target.terms)?.qualifier === '+') out.openIncludes.push(t.raw);
      walk(target.terms, [...stack, target.name], false);
    }
    if (all) {
      if (decides) out.finalAll = all.qualifier;
      return;
    }
    const redirect = ts.find((t): t is Extract<Term, { kind: 'modifier' }> => t.kind === 'modifier' && t.name === 'redirect');
    if (!redirect) return;
    out.lookups++;
    const target = fetchTarget(redirect.raw, redirect.value, stack);
    if (!target) {
      if (decides) out.finalAll = 'unknown';
      return;
    }
    // The redirected record replaces this one: its `all` is the one that counts.
    walk(target.terms, [...stack, target.name], decides);
  };

  walk(terms, self ? [self.toLowerCase()] : [], true);
  return out;
}
