import { test, expect } from 'vitest';
import { parsePolicy, evaluateRequest, principalFromArn, type ParsedPolicy } from '../index.js';
test('smoke', () => {
  const p = parsePolicy({ Version: '2012-10-17', Statement: {"Action":["ec2:*"],"Effect":"Allow","Resource":["*"],"Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"300"}}} }, { type: 'identity', name: 'ec2' }) as ParsedPolicy;
  const principal = principalFromArn('arn:aws:iam::111122223333:user/alice');
  for (const ctx of [{ 'aws:MultiFactorAuthAge': 100 }, { 'aws:MultiFactorAuthAge': '600' }, {}]) {
    const d = evaluateRequest({ principal, action: 'ec2:RunInstances', context: ctx }, { identity: [p] });
    console.log(JSON.stringify(ctx), d.decision, d.reasons);
  }
  const d = evaluateRequest({ principal, action: 'ec2:RunInstances', missingKeys: 'unknown' }, { identity: [p] });
  console.log(d.decision, d.undecidedBecause);
  expect(1).toBe(1);
});
