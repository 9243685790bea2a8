import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runChecks, CheckOptionsError } from './run.js';
import { defineCheck, type AnyCheck } from '../checks/types.js';
import { buildInventory, failed } from '../inventory/index.js';
import { missing } from '../checks/helpers.js';
import { findingId } from './finding-id.js';
import { formatMessage, placeholders } from './message.js';

const now = new Date('2026-06-01T00:00:00Z');
const base = {
  title: 'A test check',
  description: 'Used by the engine tests to prove isolation.',
  severity: 'medium' as const,
  guideIds: ['account.root-mfa'],
  needs: [],
  permissions: [],
  remediation: { text: 'Nothing to fix here.' },
};

const good = defineCheck({
  ...base,
  id: 'test.good',
  sources: ['aws'],
  messages: { ok: 'Bucket {{name}} is fine.' },
  evaluate: () => [{ status: 'pass', resource: { id: 'arn:aws:s3:::b', type: 'AWS::S3::Bucket', region: 'us-east-1' }, message: 'ok', data: { name: 'b' } }],
});
const throws = defineCheck({
  ...base,
  id: 'test.throws',
  sources: ['aws'],
  messages: { never: 'never' },
  evaluate: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
});
const iacOnly = defineCheck({ ...good, id: 'test.iac-only', sources: ['terraform'] });
const withOptions = defineCheck<{ limit: number }>({
  ...base,
  id: 'test.options',
  sources: ['aws'],
  options: z.object({ limit: z.number().int().positive().default(3) }),
  messages: { limit: 'Limit is {{limit}}.' },
  evaluate: ({ options, inventory }) => [
    { status: 'pass', resource: { id: inventory.meta.accountId, type: 'AWS::::Account', region: 'global' }, message: 'limit', data: { limit: options.limit } },
  ],
});

describe('engine: runChecks', () => {
  const inv = buildInventory([]);

  it('isolates a check that throws: its finding is unknown with the error, the others still run', () => {
    const { findings, runs } = runChecks(inv, [throws, good] as AnyCheck[], { now });
    expect(findings.map((f) => [f.checkId, f.status])).toEqual([
      ['test.throws', 'unknown'],
      ['test.good', 'pass'],
    ]);
    expect(findings[0]!.message).toContain("Cannot read properties of undefined (reading 'x')");
    expect(runs.find((r) => r.checkId === 'test.throws')?.error).toMatch(/Cannot read/);
  });

  it('skips checks whose sources cannot feed the inventory', () => {
    const { findings, runs } = runChecks(inv, [iacOnly] as AnyCheck[], { now });
    expect(findings).toEqual([]);
    expect(runs).toEqual([{ checkId: 'test.iac-only', skipped: 'source', results: 0 }]);
  });

  it('fills the contract fields of a finding', () => {
    const [f] = runChecks(inv, [good] as AnyCheck[], { now }).findings;
    expect(f).toMatchObject({
      checkId: 'test.good',
      guideIds: ['account.root-mfa'],
      section: 'Account',
      status: 'pass',
      severity: 'medium',
      resourceId: 'arn:aws:s3:::b',
      resourceType: 'AWS::S3::Bucket',
      account: '123456789012',
      region: 'us-east-1',
      message: 'Bucket b is fine.',
      remediation: { text: 'Nothing to fix here.' },
    });
    expect(f!.id).toBe(findingId({ checkId: 'test.good', account: '123456789012', region: 'us-east-1', resourceId: 'arn:aws:s3:::b' }));
  });

  it('applies option defaults and given values, and rejects invalid options before running', () => {
    expect(runChecks(inv, [withOptions] as AnyCheck[], { now }).findings[0]!.message).toBe('Limit is 3.');
    expect(runChecks(inv, [withOptions] as AnyCheck[], { now, checkOptions: { 'test.options': { limit: 7 } } }).findings[0]!.message).toBe('Limit is 7.');
    expect(() => runChecks(inv, [withOptions] as AnyCheck[], { now, checkOptions: { 'test.options': { limit: -1 } } })).toThrow(CheckOptionsError);
  });
});

describe('engine: finding ids and messages', () => {
  it('gives the same id for the same check, resource and detail, and different ids otherwise', () => {
    const a = { checkId: 'c', account: '1', region: 'r', resourceId: 'x' };
    expect(findingId(a)).toBe(findingId({ ...a }));
    expect(findingId(a)).not.toBe(findingId({ ...a, detail: 'port-22' }));
    expect(findingId(a)).not.toBe(findingId({ ...a, resourceId: 'y' }));
    expect(findingId({ ...a, resourceId: 'x', detail: 'y' })).not.toBe(findingId({ ...a, resourceId: 'xy' }));
  });

  it('formats placeholders and marks missing values visibly', () => {
    expect(formatMessage('Port {{port}} open to {{ cidr }}.', { port: 22, cidr: '0.0.0.0/0' })).toBe('Port 22 open to 0.0.0.0/0.');
    expect(formatMessage('User {{user}}.', {})).toBe('User <user?>.');
    expect(placeholders('{{a}} and {{ b }}')).toEqual(['a', 'b']);
  });
});

describe('engine: gaps a source never fills', () => {
  const gap = defineCheck({
    ...base,
    id: 'test.gap',
    sources: ['aws', 'terraform'],
    messages: { missing: 'Could not read {{what}}: {{why}}.' },
    evaluate: ({ inventory }) => [missing({ id: 'acct', type: 'AWS::::Account', region: 'global' }, inventory.iam.passwordPolicy, 'the password policy')],
  });

  it('keeps a not-collected gap as unknown on a live scan, and drops it on templates', () => {
    expect(runChecks(buildInventory([]), [gap] as AnyCheck[], { now }).findings.map((f) => f.status)).toEqual(['unknown']);
    expect(runChecks(buildInventory([], { source: 'terraform' }), [gap] as AnyCheck[], { now }).findings).toEqual([]);
  });

  it('keeps a failed read as unknown on every source', () => {
    const inv = buildInventory([{ iam: { passwordPolicy: failed('iam:GetAccountPasswordPolicy', 'AccessDenied') } }], { source: 'terraform' });
    expect(runChecks(inv, [gap] as AnyCheck[], { now }).findings.map((f) => f.status)).toEqual(['unknown']);
  });
});

describe('engine: compliance refs per finding', () => {
  const res = { id: 'arn:aws:iam::123456789012:root', type: 'AWS::::Account', region: 'global' };
  const mixed = defineCheck({
    ...base,
    id: 'test.compliance',
    sources: ['aws'],
    compliance: { cis: ['1.2'], fsbp: ['Account.1'] },
    messages: { m: 'm' },
    evaluate: () => [
      { status: 'fail', resource: res, message: 'm', detail: 'inherits' },
      { status: 'fail', resource: res, message: 'm', detail: 'none', compliance: {} },
      { status: 'pass', resource: res, message: 'm', detail: 'own', compliance: { cis: ['1.2'] } },
    ],
  });

  it("puts a result's own refs on its finding, the check's refs otherwise, and keeps {} as no control", () => {
    const { findings } = runChecks(buildInventory([]), [mixed] as AnyCheck[], { now });
    expect(findings.map((f) => [f.detail, f.compliance])).toEqual([
      ['inherits', { cis: ['1.2'], fsbp: ['Account.1'] }],
      ['none', {}],
      ['own', { cis: ['1.2'] }],
    ]);
  });
});
