import { Command, Option } from 'commander';
import { ALL_CHECKS, getCheck, selectChecks } from '../../checks/index.js';
import type { Severity } from '../../checks/types.js';
import { scanInventories } from '../../engine/scan.js';
import { buildReport } from '../../report/build.js';
import { FORMATS, renderReport } from '../../report/index.js';
import { loadHost } from '../../sources/host/index.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { emit, useColor } from '../io.js';
import { collectList, exitCodeFor, failOnOption, parseSeverity } from '../options.js';

export interface HostCommandOptions {
  name?: string;
  account?: string;
  checks?: string[];
  severity?: string[];
  config?: string;
  format: string;
  output?: string;
  failOn: string;
  quiet?: boolean;
}

/** The checks a host scan can run: those that declare the host source. */
const HOST_CHECKS = ALL_CHECKS.filter((c) => c.sources.includes('host'));

export function registerHost(program: Command): Command {
  return program
    .command('host')
    .description("Scan an image's root file system: a mounted AMI volume, a chroot, a tar or tar.gz export (read in place), or /")
    .argument('<root>', 'the root folder, or a tar / tar.gz of one')
    .option('--name <name>', 'the image name or AMI id the findings name as resource (default: ROOT)')
    .option('--account <id>', 'the AWS account the image belongs to, for the report')
    .option('--checks <list>', 'check ids, globs (host.linux-*) or guide ids to run', collectList)
    .option('--severity <list>', 'report only findings of these severities', collectList)
    .option('--config <file>', 'YAML file with per-check options')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption())
    .option('--quiet', 'text: show only failed and unknown findings, and the summary')
    .action(async (root: string, opts: HostCommandOptions) => {
      process.exitCode = await runHost(root, opts);
    });
}

export async function runHost(root: string, opts: HostCommandOptions): Promise<number> {
  const severities: Severity[] = (opts.severity ?? []).map(parseSeverity);
  exitCodeFor([], opts.failOn); // validates --fail-on before any work
  if (opts.account !== undefined && !/^\d{12}$/.test(opts.account)) throw new UsageError(`--account: "${opts.account}" is not a 12-digit AWS account id`);
  const checks = selectChecks(opts.checks, HOST_CHECKS);
  const config = await loadConfig(opts.config);
  for (const id of Object.keys(config.checks)) {
    if (!getCheck(id)) throw new UsageError(`${opts.config}: checks.${id}: no such check (see: rampart checks)`);
  }
  const startedAt = new Date();
  const inventory = await loadHost(root, {
    ...(opts.name !== undefined ? { name: opts.name } : {}),
    ...(opts.account !== undefined ? { accountId: opts.account } : {}),
    now: startedAt,
  });
  const results = scanInventories([{ inventory, now: startedAt }], { checks, checkOptions: config.checks, severities });
  const report = buildReport({ inventories: [inventory], runResults: results, startedAt, finishedAt: new Date() });
  await emit(renderReport(opts.format, report, { color: !opts.output && useColor(), quiet: opts.quiet ?? false }), opts.output);
  return exitCodeFor(report.findings, opts.failOn);
}
