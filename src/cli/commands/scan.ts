import { Command, Option } from 'commander';
import { getCheck, selectChecks } from '../../checks/index.js';
import type { Severity } from '../../checks/types.js';
import { scanInventories } from '../../engine/scan.js';
import { buildReport } from '../../report/build.js';
import { FORMATS, renderReport } from '../../report/index.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { emit, useColor } from '../io.js';
import { loadInventories } from '../inventory-source.js';
import { collectList, exitCodeFor, failOnOption, parseSeverity } from '../options.js';

export interface ScanCommandOptions {
  demo?: boolean;
  snapshot?: string[];
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
  regions?: string[];
  services?: string[];
  checks?: string[];
  severity?: string[];
  config?: string;
  format: string;
  output?: string;
  failOn: string;
  quiet?: boolean;
  progress?: boolean;
}

export function registerScan(program: Command): Command {
  return program
    .command('scan')
    .description('Scan a live account (default credential chain), a snapshot, or the bundled demo account')
    .option('--demo', 'scan the bundled demo account (no AWS account needed)')
    .option('--snapshot <file>', 'scan a snapshot written by `rampart collect` (JSON or .json.gz); repeatable', collectList)
    .option('--profile <name>', 'AWS profile (shared config, SSO)')
    .option('--role-arn <arn>', 'assume this role before scanning')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('--session-name <name>', 'session name for --role-arn', 'rampart')
    .option('--regions <list>', 'regions to scan (default: every enabled region)', collectList)
    .option('--services <list>', 'services to collect (default: all)', collectList)
    .option('--checks <list>', 'check ids, globs (s3.*) or guide ids to run', collectList)
    .option('--severity <list>', 'report only findings of these severities', collectList)
    .option('--config <file>', 'YAML file with per-check options')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption())
    .option('--quiet', 'text: show only failed and unknown findings, and the summary')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (opts: ScanCommandOptions) => {
      process.exitCode = await runScan(opts);
    });
}

export async function runScan(opts: ScanCommandOptions): Promise<number> {
  const severities: Severity[] = (opts.severity ?? []).map(parseSeverity);
  exitCodeFor([], opts.failOn); // validates --fail-on before any work
  const checks = selectChecks(opts.checks);
  const config = await loadConfig(opts.config);
  for (const id of Object.keys(config.checks)) {
    if (!getCheck(id)) throw new UsageError(`${opts.config}: checks.${id}: no such check (see: rampart checks)`);
  }
  const startedAt = new Date();
  const loaded = await loadInventories(opts);
  const results = scanInventories(loaded, { checks, checkOptions: config.checks, severities });
  const report = buildReport({
    inventories: loaded.map((l) => l.inventory),
    runResults: results,
    startedAt,
    finishedAt: new Date(),
  });
  await emit(renderReport(opts.format, report, { color: !opts.output && useColor(), quiet: opts.quiet ?? false }), opts.output);
  return exitCodeFor(report.findings, opts.failOn);
}
