/**
 * From a document as the inventory holds it to something the evaluator accepts: a parsed policy,
 * or an UnknownPolicy saying why it cannot be read (an UnknownValue from a failed API call or a
 * deploy-time value, or a document AWS would reject). Never throws, never drops a policy.
 */
import { isPolicyParseError } from './errors.js';
import { parsePolicy } from './parse.js';
import type { MaybeUnknownPolicy, PolicySource, UnknownValue } from './types.js';

function isUnknownValue(x: unknown): x is UnknownValue {
  return typeof x === 'object' && x !== null && typeof (x as UnknownValue).unknownBecause === 'string';
}

export function loadPolicy(doc: unknown, source: PolicySource): MaybeUnknownPolicy {
  if (isUnknownValue(doc)) return { source, unknownBecause: doc.unknownBecause };
  const p = parsePolicy(doc, source);
  return isPolicyParseError(p) ? { source, unknownBecause: p.message } : p;
}
