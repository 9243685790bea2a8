import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import type { Finding } from '../engine/finding.js';
import { getFramework } from './framework.js';
import { complianceStatus } from './status.js';
import { complianceTextLines } from './text.js';
import { colors } from '../report/text/style.js';

const check = (id: string, cis: string[]) => ({ ...ALL_CHECKS[0], id, compliance: { cis } }) as AnyCheck;
const checks = [check('a', ['1.4']), check('b', ['1.4', '1.5']), check('c', ['1.6']), check('d', ['1.8'])];
// By default a finding carries its check's refs, as the engine puts them when a result sets none.
const refsOf = (checkId: string) => checks.find((c) => c.id === checkId)?.compliance;
const finding = (checkId: string, status: Finding['status'], muted?: Finding['muted'], compliance = refsOf(checkId)): Finding => ({
  id: `${checkId}-${status}`,
  checkId,
  title: 't',
  guideIds: [],
  section: 'Account',
  status,
  severity: 'high',
  resourceId: 'r',
  resourceType: 'AWS::::Account',
  account: '1',
  region: 'global',
  message: 'm',
  remediation: { text: 'x' },
  ...(muted ? { muted } : {}),
  ...(compliance ? { compliance } : {}),
});

describe('complianceStatus', () => {
  const cis = getFramework('cis');
  const status = (findings: Finding[], id: string) => complianceStatus(cis, findings, checks).requirements.find((r) => r.requirement.id === id)?.status;

  it('fails a requirement when any resource of any covering check fails', () => {
    expect(status([finding('a', 'pass'), finding('b', 'fail')], '1.4')).toBe('fail');
  });

  it('is unknown, not pass, when one resource could not be read', () => {
    expect(status([finding('a', 'pass'), finding('b', 'unknown')], '1.4')).toBe('unknown');
  });

  it('passes only when every judged resource passed', () => {
    expect(status([finding('a', 'pass'), finding('b', 'pass')], '1.4')).toBe('pass');
  });

  it('shows accepted risk as muted, below a live failure', () => {
    const m = finding('b', 'muted', { reason: 'r', originalStatus: 'fail' });
    expect(status([finding('a', 'pass'), m], '1.4')).toBe('muted');
    expect(status([finding('a', 'fail'), m], '1.4')).toBe('fail');
  });

  it('tells "checks ran but judged nothing" from "no check covers it"', () => {
    expect(status([], '1.6')).toBe('not-assessed');
    expect(status([], '1.1')).toBe('not-covered');
  });

  it("counts a finding only toward the requirements its own refs name, not every ref of its check", () => {
    // b covers 1.4 and 1.5; this failure is evidence for 1.5 only.
    const only15 = finding('b', 'fail', undefined, { cis: ['1.5'] });
    expect(status([finding('a', 'pass'), only15], '1.4')).toBe('pass');
    expect(status([finding('a', 'pass'), only15], '1.5')).toBe('fail');
    // Evidence for no control: the requirement was covered but judged nothing.
    expect(status([finding('b', 'fail', undefined, {})], '1.5')).toBe('not-assessed');
    const r = complianceStatus(cis, [finding('a', 'pass'), only15], checks).requirements.find((x) => x.requirement.id === '1.4');
    expect(r?.counts).toEqual({ pass: 1 });
  });

  it('ignores a ref on a finding whose check does not cover the requirement', () => {
    expect(status([finding('c', 'fail', undefined, { cis: ['1.6', '1.4'] }), finding('a', 'pass')], '1.4')).toBe('pass');
  });

  it('totals add up to the number of requirements, and the text lists each one', () => {
    const result = complianceStatus(cis, [finding('a', 'fail'), finding('c', 'pass')], checks);
    expect(Object.values(result.totals).reduce((x, y) => x + y, 0)).toBe(62);
    expect(result.totals.fail).toBe(1);
    expect(result.totals.pass).toBe(1);
    const lines = complianceTextLines(result, colors(false));
    expect(lines).toHaveLength(62 + 2);
    expect(lines.find((l) => l.trim().startsWith('1.4 '))).toMatch(/1\.4\s+FAIL\s+The root user has no access keys\s+\[a, b\]/);
  });
});
