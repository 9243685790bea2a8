/**
 * Condition evaluation, after the IAM User Guide:
 * - "Condition operators": String, Numeric, Date, Bool, Binary, IP address, ARN, ...IfExists, Null;
 *   a key missing from the request makes a condition false, except negated operators (true),
 *   ...IfExists (true) and Null (which tests exactly that);
 * - "Conditions with multiple context keys or values": operators and keys combine with AND,
 *   the values of one key with OR, and with NOR for a negated operator;
 * - "Creating a condition that tests multiple key values (set operations)": ForAnyValue is false
 *   and ForAllValues true when the request has no value for the key;
 * - "IAM JSON policy elements: Condition": key names are case-insensitive, the case-sensitivity
 *   of values depends on the operator.
 */
import { parseDate } from './dates.js';
import { inCidr, parseAddress, parseCidr } from './ip.js';
import { allowsVariables, allowsWildcards, NEGATED, POSITIVE_OF } from './operators.js';
import type { Tri } from './tri.js';
import type { ContextScalar, ContextValue, OperatorBase, ParsedCondition, UnknownValue } from './types.js';
import { parseTemplate, partsToString, resolveParts, type Lookup, type Part } from './variables.js';
import { arnMatch, globMatch, type ConcretePart } from './wildcard.js';

export interface ConditionOutcome {
  value: Tri;
  /** Keys whose unknown value left the outcome unknown. */
  unknownKeys?: string[];
  /** A policy variable that could not be resolved: AWS then treats the statement as invalid. */
  invalidVariable?: string;
}

export function isUnknownValue(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as UnknownValue).unknownBecause === 'string';
}

const templateCache = new Map<string, Part[]>();

function template(value: string, variables: boolean, wildcards: boolean): Part[] {
  const k = `${variables ? 'v' : '-'}${wildcards ? 'w' : '-'}${value}`;
  let parts = templateCache.get(k);
  if (!parts) {
    const p = parseTemplate(value, { variables, wildcards });
    // parsePolicy already rejected malformed variables; read any leftover literally.
    parts = typeof p === 'string' ? [{ t: 'lit', v: value }] : p;
    if (templateCache.size > 50_000) templateCache.clear();
    templateCache.set(k, parts);
  }
  return parts;
}

function numberOf(v: ContextScalar): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function bytesEqual(a: string, b: string): boolean {
  return Buffer.from(a, 'base64').equals(Buffer.from(b, 'base64'));
}

/** The positive test of one request value against one resolved policy value. */
function positive(base: OperatorBase, rv: ContextScalar, pv: ConcretePart[]): boolean {
  switch (base) {
    case 'StringEquals':
      return String(rv) === partsToString(pv);
    case 'StringEqualsIgnoreCase':
      return String(rv).toLowerCase() === partsToString(pv).toLowerCase();
    case 'StringLike':
      return globMatch(pv, String(rv), 'string');
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals': {
      const a = numberOf(rv);
      const b = Number(partsToString(pv));
      if (a === undefined) return false;
      return compare(base, a, b);
    }
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals': {
      const a = typeof rv === 'boolean' ? undefined : parseDate(rv);
      const b = parseDate(partsToString(pv));
      if (a === undefined || b === undefined) return false;
      return compare(base, a, b);
    }
    case 'Bool':
      return String(rv).toLowerCase() === partsToString(pv).toLowerCase();
    case 'BinaryEquals':
      return bytesEqual(String(rv), partsToString(pv));
    case 'IpAddress': {
      const addr = parseAddress(String(rv));
      const range = parseCidr(partsToString(pv));
      return !!addr && !!range && inCidr(addr, range);
    }
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatch(pv, String(rv));
    default:
      return false;
  }
}

function compare(base: OperatorBase, a: number, b: number): boolean {
  if (base.endsWith('LessThanEquals')) return a <= b;
  if (base.endsWith('LessThan')) return a < b;
  if (base.endsWith('GreaterThanEquals')) return a >= b;
  if (base.endsWith('GreaterThan')) return a > b;
  return a === b;
}

/**
 * Evaluates one (operator, key, values) triple.
 * `variables` is true for 2012-10-17 policies; `lookup` reads the request context by lower-cased key.
 */
export function evaluateCondition(c: ParsedCondition, lookup: Lookup, variables: boolean): ConditionOutcome {
  const raw = lookup(c.keyLower);
  if (raw === 'unknown' || isUnknownValue(raw)) return { value: 'unknown', unknownKeys: [c.key] };
  const requestValues: ContextScalar[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw as ContextScalar];
  const present = requestValues.length > 0;

  if (c.base === 'Null') {
    // "true": the key must be absent; "false": present. Several values: any may hold.
    return { value: c.values.some((v) => (v.toLowerCase() === 'true') === !present) };
  }
  if (!present) {
    if (c.ifExists) return { value: true };
    if (c.setOperator === 'ForAllValues') return { value: true };
    if (c.setOperator === 'ForAnyValue') return { value: false };
    return { value: NEGATED.has(c.base) };
  }

  // Resolve the policy values (variables only where AWS substitutes them).
  const subst = variables && allowsVariables(c.base);
  const wild = allowsWildcards(c.base);
  const policyValues: ConcretePart[][] = [];
  for (const v of c.values) {
    const r = resolveParts(template(v, subst, wild), lookup);
    if ('unknown' in r) return { value: 'unknown', unknownKeys: [r.unknown] };
    if ('invalid' in r) return { value: false, invalidVariable: r.invalid };
    policyValues.push(r.ok);
  }

  const negated = NEGATED.has(c.base);
  const pos = (negated ? POSITIVE_OF[c.base] : c.base) as OperatorBase;
  // With a negated operator each request value must match none of the policy values (NOR).
  if (c.setOperator === 'ForAnyValue') return { value: requestValues.some((rv) => anyPolicyValue(pos, rv, policyValues) !== negated) };
  if (c.setOperator === 'ForAllValues') return { value: requestValues.every((rv) => anyPolicyValue(pos, rv, policyValues) !== negated) };
  // No set operator on a multi-valued key: the positive test holds if any value matches; the negated one is its opposite.
  const anyMatch = requestValues.some((rv) => anyPolicyValue(pos, rv, policyValues));
  return { value: negated ? !anyMatch : anyMatch };
}

// Module-level rather than a closure per call: conditions are evaluated for every principal.
function anyPolicyValue(base: OperatorBase, rv: ContextScalar, policyValues: readonly ConcretePart[][]): boolean {
  return policyValues.some((pv) => positive(base, rv, pv));
}

/** Builds the lookup function for a request context (keys are case-insensitive). */
export function contextLookup(
  context: Record<string, ContextValue> | undefined,
  missingKeys: 'absent' | 'unknown',
  extra?: Record<string, ContextValue>,
  knownKeyPrefixes: readonly string[] = [],
): Lookup {
  const map = new Map<string, ContextValue>();
  for (const [k, v] of Object.entries(extra ?? {})) map.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(context ?? {})) map.set(k.toLowerCase(), v);
  return (keyLower: string) => {
    const v = map.get(keyLower);
    if (v !== undefined) return v;
    if (missingKeys === 'absent' || knownKeyPrefixes.some((p) => keyLower.startsWith(p))) return undefined;
    return 'unknown';
  };
}

/** Lower-cases a context's key names once, for layered lookups. */
export function contextMap(context: Record<string, ContextValue> | undefined): Map<string, ContextValue> {
  const m = new Map<string, ContextValue>();
  for (const [k, v] of Object.entries(context ?? {})) m.set(k.toLowerCase(), v);
  return m;
}

/**
 * A lookup over several context maps, the first that has the key winning: who-can keeps the
 * query's, the principal's and the MFA variant's keys apart instead of copying them per request.
 */
export function layeredLookup(layers: readonly Map<string, ContextValue>[], missingKeys: 'absent' | 'unknown', knownKeyPrefixes: readonly string[] = []): Lookup {
  return (keyLower: string) => {
    for (const layer of layers) {
      const v = layer.get(keyLower);
      if (v !== undefined) return v;
    }
    if (missingKeys === 'absent' || knownKeyPrefixes.some((p) => keyLower.startsWith(p))) return undefined;
    return 'unknown';
  };
}
