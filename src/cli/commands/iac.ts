import { existsSync, readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { getCheck, selectChecks } from '../../checks/index.js';
import type { Severity } from '../../checks/types.js';
import { emptyInventory } from '../../inventory/index.js';
import { buildReport } from '../../report/build.js';
import { FORMATS, renderReport } from '../../report/index.js';
import { loadMutelist } from '../../mutelist/index.js';
import { loadIac, PLACEHOLDER_ACCOUNT } from '../../sources/iac/load.js';
import { scanIac } from '../../sources/iac/scan.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { emit, log, useColor } from '../io.js';
import { collectList, exitCodeFor, failOnOption, parseSeverity } from '../options.js';

export interface IacCommandOptions {
  var?: string[];
  varFile?: string[];
  parameters?: string[];
  region?: string;
  account?: string;
  checks?: string[];
  severity?: string[];
  config?: string;
  mutelist?: string;
  format: string;
  output?: string;
  failOn: string;
  quiet?: boolean;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerIac(program: Command): Command {
  return program
    .command('iac')
    .description('Scan CloudFormation templates, Terraform configurations (.tf, .tf.json, local modules) and Terraform plans (terraform show -json)')
    .argument('<path...>', 'files or directories (searched recursively)')
    .option('--var <name=value>', 'Terraform: set a root variable, as terraform -var; repeatable', repeat)
    .option('--var-file <file>', 'Terraform: a .tfvars or .tfvars.json file, after terraform.tfvars and *.auto.tfvars; repeatable', repeat)
    .option('--parameters <file|name=value>', 'CloudFormation: parameter values, as a JSON/YAML file ([{ParameterKey, ParameterValue}] or {Name: value}) or NAME=VALUE; repeatable', repeat)
    .option('--region <region>', 'the region templates deploy to when they do not say (default: AWS_REGION, else us-east-1)')
    .option('--account <id>', `the account templates deploy to (AWS::AccountId, aws_caller_identity); default ${PLACEHOLDER_ACCOUNT}`)
    .option('--checks <list>', 'check ids, globs (s3.*) or guide ids to run', collectList)
    .option('--severity <list>', 'report only findings of these severities', collectList)
    .option('--config <file>', 'YAML file with per-check options')
    .option('--mutelist <file>', 'YAML file of accepted findings: they stay in the report as `muted`, with their reason')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption())
    .option('--quiet', 'text: show only failed and unknown findings, and the summary')
    .action(async (paths: string[], opts: IacCommandOptions) => {
      process.exitCode = await runIac(paths, opts);
    });
}

/** NAME=VALUE, split at the first "=". */
function pair(flag: string, s: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw new UsageError(`${flag} ${s}: expected NAME=VALUE`);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** --parameters: files in the AWS CLI's or CodePipeline's format, or NAME=VALUE. */
export function readParameters(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of args) {
    if (!existsSync(a) && a.includes('=')) {
      const [k, v] = pair('--parameters', a);
      out.set(k, v);
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(readFileSync(a, 'utf8'));
    } catch (e) {
      throw new UsageError(`--parameters ${a}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (or use NAME=VALUE)' : (e as Error).message}`);
    }
    const put = (k: unknown, v: unknown) => {
      if (typeof k === 'string' && v !== undefined && v !== null) out.set(k, Array.isArray(v) ? v.join(',') : String(v));
    };
    if (Array.isArray(data)) {
      for (const p of data) if (p && typeof p === 'object') put((p as Record<string, unknown>).ParameterKey, (p as Record<string, unknown>).ParameterValue);
    } else if (data && typeof data === 'object') {
      const obj = data as Record<string, unknown>;
      const params = obj.Parameters && typeof obj.Parameters === 'object' ? (obj.Parameters as Record<string, unknown>) : obj;
      for (const [k, v] of Object.entries(params)) put(k, v);
    } else throw new UsageError(`--parameters ${a}: expected a list of {ParameterKey, ParameterValue} or a map of names to values`);
  }
  return out;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export async function runIac(paths: string[], opts: IacCommandOptions): Promise<number> {
  const severities: Severity[] = (opts.severity ?? []).map(parseSeverity);
  exitCodeFor([], opts.failOn); // validates --fail-on before any work
  const checks = selectChecks(opts.checks);
  const mutelist = opts.mutelist ? loadMutelist(opts.mutelist) : undefined;
  const config = await loadConfig(opts.config);
  for (const id of Object.keys(config.checks)) {
    if (!getCheck(id)) throw new UsageError(`${opts.config}: checks.${id}: no such check (see: rampart checks)`);
  }
  const account = opts.account ?? PLACEHOLDER_ACCOUNT;
  if (!/^\d{12}$/.test(account)) throw new UsageError(`--account ${account}: an account id is 12 digits`);
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  for (const f of opts.varFile ?? []) if (!existsSync(f)) throw new UsageError(`--var-file ${f}: no such file`);

  const startedAt = new Date();
  const load = loadIac(paths, {
    region,
    accountId: account,
    partition: partitionOf(region),
    parameters: readParameters(opts.parameters ?? []),
    vars: (opts.var ?? []).map((v) => pair('--var', v)),
    varFiles: opts.varFile ?? [],
    collectedAt: startedAt.toISOString(),
  });
  if (load.sources.length === 0 && load.errors.length === 0) {
    throw new UsageError(`no CloudFormation template, Terraform file or plan found in ${paths.join(', ')}`);
  }
  for (const n of load.notes) log(`rampart: note: ${n}`);
  const scan = scanIac(load, { checks, checkOptions: config.checks, now: startedAt, severities });
  // Only unreadable files: the report still names what was attempted.
  const inventories = scan.inventories.length
    ? scan.inventories
    : [emptyInventory({ source: load.errors.some((e) => /\.tf(\.json)?$/.test(e.file)) ? 'terraform' : 'cloudformation', origin: 'iac', accountId: account, partition: partitionOf(region), collectedAt: startedAt.toISOString(), regions: [] }, 'no template could be read')];
  const report = buildReport({
    inventories,
    runResults: scan.runResults,
    startedAt,
    finishedAt: new Date(),
    ...(mutelist ? { mutelist } : {}),
  });
  await emit(renderReport(opts.format, report, { color: !opts.output && useColor(), quiet: opts.quiet ?? false }), opts.output);
  return exitCodeFor(report.findings, opts.failOn);
}
