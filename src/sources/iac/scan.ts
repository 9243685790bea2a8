import type { AnyCheck, Severity } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import { findingId } from '../../engine/finding-id.js';
import { runChecks, type CheckRun, type RunResult } from '../../engine/run.js';
import type { Inventory } from '../../inventory/index.js';
import { applyDeferred } from './deferred.js';
import type { IacError } from './errors.js';
import type { IacLoad } from './load.js';
import { indexResources } from './resource-index.js';
import { mergeScenarios } from './scenarios.js';

export const PARSE_ERROR_CHECK = 'iac.parse-error';

/** A finding for a file (or resource) that could not be read: status unknown, with file and line. */
export type IacErrorFinding = Finding & { kind: 'error' };

export function errorFinding(e: IacError, account: string): IacErrorFinding {
  const where = e.line > 0 ? `${e.file}:${e.line}` : e.file;
  const resourceId = e.resource ? `${e.file}#${e.resource}` : e.file;
  return {
    kind: 'error',
    id: findingId({ checkId: PARSE_ERROR_CHECK, account, region: 'global', resourceId, detail: `${e.line}:${e.message}` }),
    checkId: PARSE_ERROR_CHECK,
    title: 'Every template can be read',
    guideIds: [],
    section: 'Other',
    status: 'unknown',
    severity: 'medium',
    resourceId,
    resourceType: e.resource ? 'Rampart::IaC::Resource' : 'Rampart::IaC::File',
    account,
    region: 'global',
    message: `Could not read ${where}: ${e.message}. Nothing it declares was checked.`,
    remediation: {
      text: 'Fix the template so that its tool accepts it (cfn-lint, terraform validate), then scan again. Until then its resources are unchecked.',
    },
    location: { file: e.file, line: e.line },
  };
}

export interface IacScanOptions {
  checks: readonly AnyCheck[];
  checkOptions?: Record<string, unknown>;
  now: Date;
  severities?: readonly Severity[];
}

export interface IacScan {
  /** One representative inventory per source kind (its first scenario), for the report's scan fields. */
  inventories: Inventory[];
  runResults: RunResult[];
}

/** Findings from a check without a location get their resource's location and condition. */
function locate(findings: Finding[], inv: Inventory, index = indexResources(inv)): Finding[] {
  return findings.map((f) => {
    const r = index.get(f.resourceId);
    if (!r) return f;
    return {
      ...f,
      ...(f.location ? {} : r.location ? { location: r.location } : {}),
      ...(f.condition ? {} : r.condition ? { condition: r.condition } : {}),
    };
  });
}

/**
 * Two templates may declare the same name (a bucket in a dev and a prod stack): their findings
 * would share an id. Those get ids that include their file (then line), so each stays its own.
 */
function distinguish(findings: Finding[]): void {
  const count = (key: (f: Finding) => string) => {
    const n = new Map<string, number>();
    for (const f of findings) n.set(key(f), (n.get(key(f)) ?? 0) + 1);
    return n;
  };
  const byId = count((f) => f.id);
  for (const f of findings) {
    if ((byId.get(f.id) ?? 0) < 2 || !f.location) continue;
    f.id = findingId({ checkId: f.checkId, account: f.account, region: f.region, resourceId: f.resourceId, detail: `${f.detail ?? ''}@${f.location.file}` });
  }
  const again = count((f) => f.id);
  for (const f of findings) {
    if ((again.get(f.id) ?? 0) < 2 || !f.location) continue;
    f.id = findingId({ checkId: f.checkId, account: f.account, region: f.region, resourceId: f.resourceId, detail: `${f.detail ?? ''}@${f.location.file}:${f.location.line}` });
  }
}

/**
 * Runs the checks over what `loadIac` read: each source's scenarios, with deferred fields
 * applied and scenarios merged, plus one finding per file that could not be read.
 */
export function scanIac(load: IacLoad, opts: IacScanOptions): IacScan {
  const byId = new Map(opts.checks.map((c) => [c.id, c]));
  const inventories: Inventory[] = [];
  const runResults: RunResult[] = [];
  for (const source of load.sources) {
    const per: Finding[][] = [];
    let runs: CheckRun[] = [];
    for (const [i, s] of source.scenarios.entries()) {
      const result = runChecks(s.inventory, opts.checks, { now: opts.now, checkOptions: opts.checkOptions ?? {} });
      const index = indexResources(s.inventory);
      const rerun = (check: AnyCheck) => runChecks(s.inventory, [check], { now: opts.now, checkOptions: opts.checkOptions ?? {} }).findings;
      per.push(applyDeferred(locate(result.findings, s.inventory, index), s.deferred, index, byId, rerun));
      if (i === 0) runs = result.runs;
    }
    let findings = mergeScenarios(
      per,
      source.scenarios.map((s) => s.conditions ?? []),
    );
    if (opts.severities?.length) {
      const keep = new Set(opts.severities);
      findings = findings.filter((f) => keep.has(f.severity));
    }
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.checkId, (counts.get(f.checkId) ?? 0) + 1);
    runResults.push({ findings, runs: runs.map((r) => (r.skipped ? r : { ...r, results: counts.get(r.checkId) ?? 0 })) });
    inventories.push(source.scenarios[0]!.inventory);
  }
  distinguish(runResults.flatMap((r) => r.findings));
  if (load.errors.length) {
    const account = inventories[0]?.meta.accountId ?? '000000000000';
    runResults.push({ findings: load.errors.map((e) => errorFinding(e, account)), runs: [] });
  }
  return { inventories, runResults };
}
