import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanCommandOptions } from '../../cli/commands/scan.js';
import type { ScanReport } from '../model.js';
import { MutelistError } from '../../mutelist/index.js';
import { checksFor, getFramework } from '../../compliance/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-'));
const scan = async (extra: Partial<ScanCommandOptions>): Promise<ScanReport> => {
  const output = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await runScan({ demo: true, format: 'json', failOn: 'none', output, progress: false, ...extra });
  return JSON.parse(readFileSync(output, 'utf8')) as ScanReport;
};

describe('scan flags of issue 9', () => {
  it('--demo applies the demo mutelist: muted findings and the expired entry are in the report', async () => {
    const report = await scan({});
    expect(report.findings.some((f) => f.status === 'muted' && f.muted?.originalStatus === 'fail')).toBe(true);
    expect(report.scan.coverage.mutelist?.expired.map((e) => e.where)).toEqual(['demo-mutelist.yaml:10']);
  });

  it('--mutelist FILE replaces it; a malformed one is a MutelistError with its line', async () => {
    const good = join(dir, 'mute.yaml');
    writeFileSync(good, 'entries:\n  - check: "account.*"\n    reason: reviewed by the board\n');
    const report = await scan({ mutelist: good });
    expect(report.scan.coverage.mutelist?.file).toBe(good);
    expect(report.findings.filter((f) => f.checkId.startsWith('account.') && f.status !== 'pass').every((f) => f.status === 'muted')).toBe(true);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'entries:\n  - check: a\n');
    await expect(scan({ mutelist: bad })).rejects.toMatchObject({ name: 'MutelistError', line: 2 });
    await expect(scan({ mutelist: bad })).rejects.toBeInstanceOf(MutelistError);
  });

  it('--compliance runs only the framework checks, and refuses unknown frameworks', async () => {
    const report = await scan({ compliance: 'cis-3.0' });
    const allowed = new Set(checksFor(getFramework('cis-3.0')).map((c) => c.id));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => allowed.has(f.checkId))).toBe(true);
    await expect(scan({ compliance: 'pci-dss' })).rejects.toMatchObject({ name: 'UsageError' });
  });

  it('--securityhub refuses the demo account (its findings are not a real account)', async () => {
    await expect(scan({ securityhub: true })).rejects.toMatchObject({ name: 'UsageError' });
  });
});
