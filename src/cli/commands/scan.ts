import { Command, Option } from 'commander';
import { getCheck, selectChecks } from '../../checks/index.js';
import type { Severity } from '../../checks/types.js';
import { scanInventories } from '../../engine/scan.js';
import { buildReport } from '../../report/build.js';
import { FORMATS, renderReport } from '../../report/index.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { emit, log, useColor } from '../io.js';
import { loadInventories } from '../inventory-source.js';
import { prefetchExternalTxt } from '../../sources/dns/prefetch.js';
import { checksFor, getFramework, UnknownFrameworkError } from '../../compliance/index.js';
import { demoMutelist, loadMutelist } from '../../mutelist/index.js';
import { collectList, exitCodeFor, failOnOption, parseSeverity } from '../options.js';

export interface ScanCommandOptions {
  demo?: boolean;
  resolveDns?: boolean;
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
  mutelist?: string;
  compliance?: string;
  securityhub?: boolean | string;
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
    .option('--resolve-dns', 'look up, live, the SPF includes and DMARC records outside your hosted zones (else those findings are unknown)')
    .option('--no-progress', 'no progress output on stderr')
    .option('--mutelist <file>', 'YAML file of accepted findings: they stay in the report as `muted`, with their reason')
    .option('--compliance <framework>', 'run only the checks of cis-3.0 or fsbp, and show its status requirement by requirement')
    .option('--securityhub [region]', "also import the findings into the account's Security Hub (ASFF, batches of 100)")
    .action(async (opts: ScanCommandOptions) => {
      process.exitCode = await runScan(opts);
    });
}

/**
 * Each inventory scanned with the DNS answers its Route 53 checks need from outside its zones,
 * looked up live (the checks stay pure: the answers go into their externalTxt option).
 */
async function scanWithLiveDns(
  loaded: Awaited<ReturnType<typeof loadInventories>>,
  checks: ReturnType<typeof selectChecks>,
  checkOptions: Record<string, unknown>,
  severities: Severity[],
) {
  const out = [];
  for (const l of loaded) {
    const opts = { ...checkOptions };
    const given = (id: string) => ((opts[id] as { externalTxt?: Record<string, string[]> } | undefined)?.externalTxt ?? {});
    const { txt, failed } = await prefetchExternalTxt(l.inventory, { ...given('route53.mx-spf'), ...given('route53.dmarc') });
    for (const [name, code] of Object.entries(failed)) log(`rampart: DNS lookup of ${name} failed (${code}); findings that need it stay unknown`);
    for (const id of ['route53.mx-spf', 'route53.dmarc']) opts[id] = { ...(opts[id] as object | undefined), externalTxt: txt };
    out.push(...scanInventories([l], { checks, checkOptions: opts, severities }));
  }
  return out;
}

export async function runScan(opts: ScanCommandOptions): Promise<number> {
  const severities: Severity[] = (opts.severity ?? []).map(parseSeverity);
  exitCodeFor([], opts.failOn); // validates --fail-on before any work
  const checks = complianceChecks(opts.compliance, selectChecks(opts.checks));
  if (opts.securityhub && opts.demo) throw new UsageError('--securityhub imports into a real account; it cannot be used with --demo');
  // A malformed mutelist is a usage error (exit 2) before any AWS call; the demo shows its own.
  const mutelist = opts.mutelist ? loadMutelist(opts.mutelist) : opts.demo ? demoMutelist() : undefined;
  const config = await loadConfig(opts.config);
  for (const id of Object.keys(config.checks)) {
    if (!getCheck(id)) throw new UsageError(`${opts.config}: checks.${id}: no such check (see: rampart checks)`);
  }
  const startedAt = new Date();
  const loaded = await loadInventories(opts);
  const results = opts.resolveDns
    ? await scanWithLiveDns(loaded, checks, config.checks, severities)
    : scanInventories(loaded, { checks, checkOptions: config.checks, severities });
  const report = buildReport({
    inventories: loaded.map((l) => l.inventory),
    runResults: results,
    startedAt,
    finishedAt: new Date(),
    ...(mutelist ? { mutelist } : {}),
  });
  for (const e of report.scan.coverage.mutelist?.expired ?? []) {
    log(`rampart: warning: mutelist entry ${e.where} expired on ${e.expires} and mutes nothing: ${e.reason}`);
  }
  await emit(renderReport(opts.format, report, { color: !opts.output && useColor(), quiet: opts.quiet ?? false, ...(opts.compliance ? { compliance: opts.compliance } : {}), ...(typeof opts.securityhub === 'string' ? { region: opts.securityhub } : {}) }), opts.output);
  if (opts.securityhub) {
    const { sendToSecurityHub } = await import('../../report/asff/securityhub.js');
    const sent = await sendToSecurityHub(report, {
      ...(typeof opts.securityhub === 'string' ? { region: opts.securityhub } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
      ...(opts.externalId ? { externalId: opts.externalId } : {}),
      ...(opts.sessionName ? { sessionName: opts.sessionName } : {}),
    });
    log(`rampart: Security Hub (${sent.region}): ${sent.imported} findings imported, ${sent.failed.length} failed`);
    for (const f of sent.failed.slice(0, 20)) log(`rampart:   ${f.id}: ${f.code}: ${f.message}`);
    if (sent.failed.length > 20) log(`rampart:   ... and ${sent.failed.length - 20} more`);
    if (sent.failed.length > 0) return 2;
  }
  return exitCodeFor(report.findings, opts.failOn);
}

/** --compliance: only the checks that cover the framework's requirements. */
function complianceChecks(framework: string | undefined, selected: ReturnType<typeof selectChecks>): ReturnType<typeof selectChecks> {
  if (!framework) return selected;
  try {
    return checksFor(getFramework(framework), selected);
  } catch (e) {
    if (e instanceof UnknownFrameworkError) throw new UsageError(e.message);
    throw e;
  }
}
