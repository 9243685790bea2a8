import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partitionOf, readParameters, runIac } from '../../cli/commands/iac.js';
import { UsageError } from '../../cli/errors.js';
import { fixture } from './testing.js';

const tmp = mkdtempSync(join(tmpdir(), 'rampart-iac-'));
const base = { format: 'json', failOn: 'none' } as const;

async function run(paths: string[], opts: Record<string, unknown> = {}): Promise<{ code: number; out: string }> {
  const output = join(tmp, `out-${Math.random().toString(36).slice(2)}.txt`);
  const code = await runIac(paths, { ...base, output, ...opts } as Parameters<typeof runIac>[1]);
  return { code, out: readFileSync(output, 'utf8') };
}

describe('rampart iac', () => {
  it('prints findings with file:line and the source kinds it read', async () => {
    const { code, out } = await run([fixture('terraform', 'split-s3'), fixture('cloudformation', 'conditions.yaml')], { checks: ['s3.block-public-access'] });
    expect(code).toBe(0);
    const report = JSON.parse(out) as { scan: { source: string; origin: string }; findings: Array<{ status: string; resourceId: string; location?: { file: string; line: number }; condition?: string }> };
    expect(report.scan).toMatchObject({ source: 'iac', origin: 'iac' });
    expect(report.findings.find((f) => f.resourceId === 'arn:aws:s3:::northwind-logs')).toMatchObject({ status: 'fail', location: { file: 'test/fixtures/iac/terraform/split-s3/main.tf', line: 6 } });
    expect(report.findings.find((f) => f.resourceId === 'arn:aws:s3:::northwind-data-dev')).toMatchObject({ status: 'fail', condition: '!IsProd', location: { line: 12 } });
  });

  it('exits 1 when a finding at or above --fail-on fails, 0 below it', async () => {
    expect((await run([fixture('terraform', 'split-s3')], { checks: ['s3.acl'], failOn: 'low' })).code).toBe(1);
    expect((await run([fixture('terraform', 'split-s3')], { checks: ['s3.acl'], failOn: 'medium' })).code).toBe(0);
  });

  it('writes SARIF that GitHub code scanning reads: paths relative to the working directory, with lines', async () => {
    const { out } = await run([fixture('terraform', 'split-s3')], { format: 'sarif', checks: ['s3.*'] });
    const sarif = JSON.parse(out) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }> }> }> };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 's3.block-public-access')!;
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/iac/terraform/split-s3/main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6 },
    });
  });

  it('reports unreadable files as error findings and still exits by the other findings', async () => {
    const { code, out } = await run([fixture('malformed', 'tf'), fixture('malformed', 'good')], { checks: ['s3.acl'], failOn: 'low' });
    expect(code).toBe(0);
    const findings = (JSON.parse(out) as { findings: Array<{ checkId: string; status: string; kind?: string }> }).findings;
    expect(findings.map((f) => [f.checkId, f.status, f.kind ?? null]).sort()).toEqual([
      ['iac.parse-error', 'unknown', 'error'],
      ['s3.acl', 'pass', null],
    ]);
  });

  it('refuses paths without any template, and malformed options, as usage errors', async () => {
    await expect(run([join(tmp)])).rejects.toThrow(UsageError);
    await expect(run([fixture('terraform', 'split-s3')], { var: ['novalue'] })).rejects.toThrow('--var novalue: expected NAME=VALUE');
    await expect(run([fixture('terraform', 'split-s3')], { account: 'x' })).rejects.toThrow(UsageError);
    await expect(run([fixture('terraform', 'split-s3')], { varFile: ['nope.tfvars'] })).rejects.toThrow('--var-file nope.tfvars: no such file');
  });

  it('reads --parameters as files in the CLI or CodePipeline format, or NAME=VALUE', () => {
    const cli = join(tmp, 'cli.json');
    writeFileSync(cli, JSON.stringify([{ ParameterKey: 'Env', ParameterValue: 'prod' }]));
    const pipeline = join(tmp, 'pipeline.json');
    writeFileSync(pipeline, JSON.stringify({ Parameters: { Size: 3, Subnets: ['a', 'b'] } }));
    expect([...readParameters([cli, pipeline, 'Extra=x=y'])]).toEqual([
      ['Env', 'prod'],
      ['Size', '3'],
      ['Subnets', 'a,b'],
      ['Extra', 'x=y'],
    ]);
    expect(() => readParameters([join(tmp, 'missing.json')])).toThrow(UsageError);
  });

  it('derives the partition from the region', () => {
    expect([partitionOf('eu-west-1'), partitionOf('cn-north-1'), partitionOf('us-gov-west-1')]).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });
});
