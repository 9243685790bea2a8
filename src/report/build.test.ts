import { describe, expect, it } from 'vitest';
import { buildInventory, failed } from '../inventory/index.js';
import type { RunResult } from '../engine/run.js';
import { parseMutelist } from '../mutelist/index.js';
import { finding } from './__tests__/demo-report.js';
import { buildReport } from './build.js';

const inv = (source: 'aws' | 'cloudformation' | 'terraform' = 'aws', accountId = '111122223333') =>
  buildInventory(
    [
      {
        account: { alternateContacts: { security: failed('account:GetAlternateContact', 'AccessDenied') } },
        regions: { 'eu-west-1': { ec2: { instances: failed('ec2:DescribeInstances', 'Throttling'), volumes: failed('ec2:DescribeVolumes', 'AccessDenied') } } },
      },
    ],
    { accountId, regions: ['eu-west-1'], source },
  );

const run = (over: Partial<RunResult> = {}): RunResult => ({
  findings: [finding({ status: 'fail' }), finding({ id: 'b'.repeat(20), status: 'pass', severity: 'low' })],
  runs: [
    { checkId: 'a.results', results: 2 },
    { checkId: 'b.nothing', results: 0 },
    { checkId: 'c.iac-only', skipped: 'source', results: 0 },
    { checkId: 'd.broken', results: 1, error: 'boom' },
  ],
  ...over,
});

describe('buildReport', () => {
  const report = buildReport({ inventories: [inv()], runResults: [run()], startedAt: new Date('2026-06-01T10:00:00Z'), finishedAt: '2026-06-01T10:00:05Z', toolVersion: '1.2.3' });

  it('fills the contract fields of the scan', () => {
    expect(report.schemaVersion).toBe('1.0');
    expect(report.tool).toEqual({ name: 'rampart', version: '1.2.3' });
    expect(report.scan).toMatchObject({ startedAt: '2026-06-01T10:00:00.000Z', finishedAt: '2026-06-01T10:00:05.000Z', source: 'aws', accounts: ['111122223333'], regions: ['eu-west-1'] });
    expect(report.scan.id).toMatch(/^[0-9a-f]{20}$/);
  });

  it('says which checks ran, inspected nothing, could not apply, or threw', () => {
    const cov = report.scan.coverage;
    expect(cov.checksRun).toBe(3);
    expect(cov.checksWithNothingToInspect).toEqual(['b.nothing']);
    expect(cov.checksNotApplicable).toEqual(['c.iac-only']);
    expect(cov.checkErrors).toEqual([{ checkId: 'd.broken', error: 'boom' }]);
  });

  it('lists failed reads from the inventory, by region, leaving out parts never collected', () => {
    expect(report.scan.coverage.failedCalls).toEqual([
      { call: 'account:GetAlternateContact', region: 'global', errors: 1, lastError: 'AccessDenied' },
      { call: 'ec2:DescribeInstances', region: 'eu-west-1', errors: 1, lastError: 'Throttling' },
      { call: 'ec2:DescribeVolumes', region: 'eu-west-1', errors: 1, lastError: 'AccessDenied' },
    ]);
  });

  it('prefers the call log where the collector kept one, with its counts', () => {
    const i = inv();
    i.meta.calls = [
      { call: 'ec2:DescribeInstances', region: 'eu-west-1', count: 9, errors: 4, throttles: 4, lastError: 'Throttling: rate exceeded' },
      { call: 's3:ListBuckets', region: 'global', count: 1, errors: 0, throttles: 0 },
    ];
    const calls = buildReport({ inventories: [i], runResults: [run()], startedAt: new Date(), finishedAt: new Date() }).scan.coverage.failedCalls;
    expect(calls.find((c) => c.call === 'ec2:DescribeInstances')).toEqual({ call: 'ec2:DescribeInstances', region: 'eu-west-1', errors: 4, lastError: 'Throttling: rate exceeded' });
    expect(calls.some((c) => c.call === 's3:ListBuckets')).toBe(false);
  });

  it('counts every status and severity, zeros included', () => {
    expect(report.scan.coverage.counts).toEqual({
      byStatus: { pass: 1, fail: 1, unknown: 0, manual: 0, muted: 0 },
      bySeverity: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
    });
  });

  it('applies a mutelist at the scan time and reports its expired entries', () => {
    const list = parseMutelist('entries:\n  - check: "s3.*"\n    reason: reviewed\n  - check: x\n    reason: old\n    expires: 2026-01-01\n', 'mute.yaml');
    const r = buildReport({ inventories: [inv()], runResults: [run()], startedAt: new Date('2026-06-01T10:00:00Z'), finishedAt: new Date('2026-06-01T10:00:05Z'), mutelist: list });
    expect(r.findings.map((f) => f.status)).toEqual(['muted', 'pass']);
    expect(r.scan.coverage.mutelist).toEqual({ file: 'mute.yaml', muted: 1, expired: [{ where: 'mute.yaml:4', reason: 'old', expires: '2026-01-01' }] });
    expect(r.scan.coverage.counts.byStatus.muted).toBe(1);
  });

  it('merges several inventories: accounts, regions, and "iac" for CloudFormation with Terraform', () => {
    const r = buildReport({
      inventories: [inv('cloudformation', '1'), inv('terraform', '2')],
      runResults: [run(), run()],
      startedAt: new Date(0),
      finishedAt: new Date(0),
    });
    expect(r.scan.source).toBe('iac');
    expect(r.scan.accounts).toEqual(['1', '2']);
    expect(r.findings).toHaveLength(4);
    // Not applicable only when no inventory could run it.
    const partly = buildReport({
      inventories: [inv(), inv()],
      runResults: [run(), run({ runs: [{ checkId: 'c.iac-only', results: 1 }] })],
      startedAt: new Date(0),
      finishedAt: new Date(0),
    });
    expect(partly.scan.coverage.checksNotApplicable).toEqual([]);
  });

  it('keeps the same id for the same scan, and a new one for another', () => {
    const again = buildReport({ inventories: [inv()], runResults: [run()], startedAt: new Date('2026-06-01T10:00:00Z'), finishedAt: new Date() });
    const other = buildReport({ inventories: [inv()], runResults: [run()], startedAt: new Date('2026-06-02T10:00:00Z'), finishedAt: new Date() });
    expect(again.scan.id).toBe(report.scan.id);
    expect(other.scan.id).not.toBe(report.scan.id);
  });
});
