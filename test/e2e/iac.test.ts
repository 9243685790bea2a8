import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, rampart } from './cli.js';

beforeAll(buildCli);

interface SarifResult {
  ruleId: string;
  locations?: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
}

describe('rampart iac (built CLI)', () => {
  it('reports template findings with relative file:line in SARIF, ready for code scanning', () => {
    const r = rampart(['iac', 'test/fixtures/iac/terraform/split-s3', '--format', 'sarif']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: SarifResult[] }> };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) {
      const loc = res.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation.uri).toMatch(/^test\/fixtures\/iac\/terraform\/split-s3\/.+\.tf$/);
      expect(loc?.region?.startLine).toBeGreaterThan(0);
    }
  });

  it('turns a malformed file into an error finding with its line, and still scans the others', () => {
    const r = rampart(['iac', 'test/fixtures/iac/malformed', '--format', 'json']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout).findings as Array<{ checkId: string; status: string; location?: { file: string; line: number } }>;
    const errors = findings.filter((f) => f.checkId === 'iac.parse-error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.status).toBe('unknown');
      expect(e.location?.line).toBeGreaterThan(0);
    }
    expect(findings.some((f) => f.checkId !== 'iac.parse-error' && f.location?.file.includes('malformed/good'))).toBe(true);
  });

  it('fails the run with --fail-on when a template has a finding at that severity', () => {
    expect(rampart(['iac', 'test/fixtures/iac/terraform/split-s3', '--fail-on', 'critical', '--format', 'json']).code).toBe(1);
  });
});
