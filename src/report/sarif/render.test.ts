import { describe, expect, it } from 'vitest';
import { demoReport, finding, reportOf } from '../__tests__/demo-report.js';
import { sarifValidator } from '../__tests__/ajv.js';
import { renderSarif } from './render.js';
import { getCheck } from '../../checks/index.js';

interface SarifResult {
  ruleId: string;
  kind: string;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } };
    logicalLocations: Array<{ fullyQualifiedName: string; kind: string }>;
  }>;
  suppressions?: Array<{ kind: string; justification: string }>;
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; help: { text: string; markdown: string }; relationships: Array<{ target: { id: string; toolComponent: { name: string } } }>; properties: Record<string, unknown> }> } };
    taxonomies: Array<{ name: string; taxa: Array<{ id: string; name: string }> }>;
    results: SarifResult[];
  }>;
}

const parse = (s: string) => JSON.parse(s) as SarifLog;

const mixed = reportOf([
  finding({ id: '1'.repeat(20), status: 'fail', severity: 'critical', compliance: { cis: ['2.1.4'] } }),
  finding({ id: '2'.repeat(20), status: 'fail', severity: 'medium', checkId: 'iac.x', resourceId: 'AssetsBucket', location: { file: 'infra\\stack.yaml', line: 12 } }),
  finding({ id: '3'.repeat(20), status: 'fail', severity: 'low', checkId: 'host.y', resourceId: '/etc/ssh/sshd_config', resourceType: 'Host::File', location: { file: '/etc/ssh/sshd_config', line: 0 } }),
  finding({ id: '4'.repeat(20), status: 'unknown' }),
  finding({ id: '5'.repeat(20), status: 'manual' }),
  finding({ id: '6'.repeat(20), status: 'muted', muted: { reason: 'public website', originalStatus: 'fail' } }),
  finding({ id: '7'.repeat(20), status: 'pass' }),
]);

describe('sarif', () => {
  it('the demo report is valid against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const valid = validate(JSON.parse(renderSarif(demoReport())));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a report with IaC, host, muted, unknown and manual findings is valid too', () => {
    const validate = sarifValidator();
    const valid = validate(JSON.parse(renderSarif(mixed)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('maps verdicts to kind and level, leaves passes out, and suppresses muted findings', () => {
    const results = parse(renderSarif(mixed)).runs[0]!.results;
    expect(results.map((r) => [r.partialFingerprints['rampartFindingId/v1']?.[0], r.kind, r.level])).toEqual([
      ['1', 'fail', 'error'],
      ['2', 'fail', 'warning'],
      ['3', 'fail', 'note'],
      ['4', 'open', 'none'],
      ['5', 'review', 'none'],
      ['6', 'fail', 'error'],
    ]);
    expect(results[5]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'public website' }]);
  });

  it('gives IaC and host findings a physical location, live ones the ARN as logical location', () => {
    const results = parse(renderSarif(mixed)).runs[0]!.results;
    const [live, iac, host] = results;
    expect(live?.locations[0]?.physicalLocation).toBeUndefined();
    expect(live?.locations[0]?.logicalLocations[0]).toMatchObject({ fullyQualifiedName: 'arn:aws:s3:::northwind-assets', kind: 'resource' });
    expect(iac?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'infra/stack.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } });
    expect(host?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'file:///etc/ssh/sshd_config' } });
  });

  it('rules carry help with the fix and links to the guide and frameworks', () => {
    const run = parse(renderSarif(mixed)).runs[0]!;
    const rule = run.tool.driver.rules.find((r) => r.id === 's3.access-control')!;
    expect(rule.help.markdown).toContain('Turn on Block Public Access.');
    expect(rule.help.markdown).toContain('aws s3api put-public-access-block --bucket northwind-assets');
    expect(rule.help.markdown).toMatch(/s3\.access-control: No bucket is readable or writable/);
    expect(rule.relationships.map((r) => `${r.target.toolComponent.name}:${r.target.id}`)).toEqual([
      'Securing AWS guide:s3.access-control',
      'CIS AWS Foundations Benchmark:2.1.4',
    ]);
    expect(run.taxonomies.find((t) => t.name === 'CIS AWS Foundations Benchmark')?.taxa.map((t) => t.id)).toEqual(['2.1.4']);
    // A registered check gives its own severity; an unknown one, its worst finding's.
    const expected = getCheck('s3.access-control')?.severity ?? 'critical';
    expect(rule.properties['security-severity']).toBe({ critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' }[expected]);
    expect(run.tool.driver.rules.find((r) => r.id === 'iac.x')?.properties['security-severity']).toBe('5.5');
  });
});
