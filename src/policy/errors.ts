import type { PolicySource } from './types.js';

/**
 * A policy document that cannot be evaluated: malformed JSON, a missing Effect, an unknown
 * condition operator... `parsePolicy` returns it (never throws), so a caller must look at it and
 * report `unknown` rather than carry on with a half-read policy.
 */
export class PolicyParseError extends Error {
  override readonly name = 'PolicyParseError';
  constructor(
    readonly source: PolicySource | undefined,
    readonly problems: string[],
  ) {
    super(`${source ? `${source.type} policy "${source.name}": ` : ''}${problems.join('; ')}`);
  }
}

export function isPolicyParseError(x: unknown): x is PolicyParseError {
  return x instanceof PolicyParseError;
}
