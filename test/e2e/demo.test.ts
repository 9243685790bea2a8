import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, rampart } from './cli.js';
import { RECOMMENDATIONS } from '../../src/guide/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-e2e-'));
beforeAll(buildCli);

describe('rampart scan --demo (built CLI)', () => {
  it('prints a text report grouped by guide section, with a summary, and exits 0 without --fail-on', () => {
    const r = rampart(['scan', '--demo']);
    expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Account');
    expect(r.stdout).toMatch(/account\.root-mfa/);
    expect(r.stdout.toLowerCase()).toContain('summary');
  });

  it('emits JSON with the contract fields, and every status kind appears', () => {
    const r = rampart(['scan', '--demo', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['schemaVersion', 'tool', 'scan', 'findings']));
    expect(Object.keys(report.scan)).toEqual(
      expect.arrayContaining(['id', 'startedAt', 'finishedAt', 'source', 'accounts', 'regions', 'coverage']),
    );
    expect(report.scan.accounts).toEqual(['210987654321']);
    const statuses = new Set(report.findings.map((f: { status: string }) => f.status));
    for (const s of ['pass', 'fail', 'unknown', 'manual', 'muted']) expect(statuses, `status ${s}`).toContain(s);
    for (const f of report.findings) {
      for (const k of ['id', 'checkId', 'guideIds', 'status', 'severity', 'resourceId', 'resourceType', 'account', 'region', 'message', 'remediation']) {
        expect(f, `${f.checkId} lacks ${k}`).toHaveProperty(k);
      }
    }
  });

  it('sets the exit code by --fail-on', () => {
    expect(rampart(['scan', '--demo', '--fail-on', 'critical', '--format', 'json']).code).toBe(1);
    expect(rampart(['scan', '--demo', '--checks', 'account.alternate-contacts', '--fail-on', 'high', '--format', 'json']).code).toBe(0);
    expect(rampart(['scan', '--demo', '--checks', 'account.alternate-contacts', '--fail-on', 'medium', '--format', 'json']).code).toBe(1);
    const bad = rampart(['scan', '--demo', '--fail-on', 'severe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown severity "severe"/);
  });

  it('narrows by --checks and --severity', () => {
    const r = rampart(['scan', '--demo', '--format', 'json', '--checks', 'account.*', '--severity', 'critical']);
    const findings = JSON.parse(r.stdout).findings as Array<{ checkId: string; severity: string }>;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.checkId.startsWith('account.') && f.severity === 'critical')).toBe(true);
  });

  it('writes the report to --output, leaving stdout empty', () => {
    const out = join(dir, 'report.json');
    const r = rampart(['scan', '--demo', '--format', 'json', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).findings.length).toBeGreaterThan(0);
  });
});

describe('collect and scan a snapshot (built CLI)', () => {
  it('gives the same findings from a written snapshot as from the demo itself', () => {
    const snap = join(dir, 'demo.json.gz');
    expect(rampart(['collect', '--demo', '-o', snap]).code).toBe(0);
    const fromSnap = JSON.parse(rampart(['scan', '--snapshot', snap, '--format', 'json']).stdout);
    const fromDemo = JSON.parse(rampart(['scan', '--demo', '--format', 'json']).stdout);
    const key = (f: { id: string; status: string }) => `${f.id}:${f.status}`;
    // The demo applies its bundled mutelist; compare the unmuted verdicts.
    const norm = (fs: Array<{ id: string; status: string; muted?: { originalStatus?: string } }>) =>
      fs.map((f) => key({ id: f.id, status: f.muted?.originalStatus ?? f.status })).sort();
    expect(norm(fromSnap.findings)).toEqual(norm(fromDemo.findings));
  });

  it('exits 2 on a broken snapshot, naming the file and the JSON path, with no report and no stack', () => {
    const bad = join(dir, 'bad.json');
    const snap = JSON.parse(JSON.stringify({ schemaVersion: 1, meta: { source: 'aws', accountId: 7 } }));
    writeFileSync(bad, JSON.stringify(snap));
    const r = rampart(['scan', '--snapshot', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('$.meta.accountId');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a snapshot that is not JSON, naming the line', () => {
    const bad = join(dir, 'notjson.json');
    writeFileSync(bad, '{\n "schemaVersion": 1,\n oops\n}');
    const r = rampart(['scan', '--snapshot', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not JSON at line 3/);
  });
});

describe('rampart guide, checks, explain', () => {
  it('lists every guide id', () => {
    const r = rampart(['guide', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; checks: unknown[] }>;
    expect(rows.map((x) => x.id)).toEqual(RECOMMENDATIONS.map((x) => x.id));
    expect(rows).toHaveLength(60);
    const text = rampart(['guide']).stdout;
    for (const rec of RECOMMENDATIONS) expect(text).toContain(rec.id);
  });

  it('explains a check and refuses an unknown one', () => {
    const r = rampart(['explain', 'account.root-mfa']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Remediation');
    expect(r.stdout).toContain('CIS AWS Foundations v3.0');
    const bad = rampart(['explain', 'account.nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no check "account.nope"/);
  });

  it('lists checks as JSON', () => {
    const list = JSON.parse(rampart(['checks', '--format', 'json']).stdout) as Array<{ id: string }>;
    expect(list.map((c) => c.id)).toContain('account.user-mfa');
  });

  it('exits 2 on an unknown option and on an unknown check pattern', () => {
    expect(rampart(['scan', '--demo', '--bogus']).code).toBe(2);
    const r = rampart(['scan', '--demo', '--checks', 'nothing.like.this']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no check matches "nothing.like.this"/);
  });
});
