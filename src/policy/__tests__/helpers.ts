/** Shared helpers for the policy engine's tests. */
import { expect } from 'vitest';
import { isPolicyParseError, parsePolicy, principalFromArn, type ParsedPolicy, type PolicySource, type PolicyType } from '../index.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;

export function policy(doc: unknown, type: PolicyType = 'identity', name = 'test'): ParsedPolicy {
  const source: PolicySource = { type, name };
  const p = parsePolicy(doc, source);
  if (isPolicyParseError(p)) throw new Error(`unexpected parse error: ${p.message}`);
  return p;
}

/** A 2012-10-17 policy with the given statements. */
export function doc(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

export const alice = principalFromArn(ALICE);

export function expectParseError(d: unknown, fragment: string, type: PolicyType = 'identity'): void {
  const p = parsePolicy(d, { type, name: 'bad' });
  expect(isPolicyParseError(p), `expected a parse error containing "${fragment}"`).toBe(true);
  if (isPolicyParseError(p)) expect(p.message).toContain(fragment);
}
