import { createHash } from 'node:crypto';
import type { Inventory } from '../inventory/index.js';
import type { Finding } from '../engine/finding.js';
import type { RunResult } from '../engine/run.js';
import { REPORT_SCHEMA_VERSION, type Coverage, type ScanReport } from './model.js';
import { countBy } from './order.js';
import { failedCalls } from './failed-calls.js';
import { applyMutelist, type Mutelist } from '../mutelist/index.js';
import { VERSION } from '../version.js';

export interface ReportInputs {
  /** The inventories scanned (one per account, or per IaC/host source), in the order of runResults. */
  inventories: Inventory[];
  runResults: RunResult[];
  startedAt: Date | string;
  finishedAt: Date | string;
  /** Defaults to the package's version. */
  toolVersion?: string;
  /** Defaults to a hash of the scan's time, source and accounts, so a replayed scan keeps its id. */
  id?: string;
  /** Applied to the findings (expiry judged at `startedAt`); its expired entries go to the coverage. */
  mutelist?: Mutelist;
}

/** Assembles the ScanReport (the JSON contract) from what the sources gathered and the engine found. */
export function buildReport(inputs: ReportInputs): ScanReport {
  const startedAt = iso(inputs.startedAt);
  const finishedAt = iso(inputs.finishedAt);
  let findings: Finding[] = inputs.runResults.flatMap((r) => r.findings);
  let mutelist: Coverage['mutelist'];
  if (inputs.mutelist) {
    const applied = applyMutelist(findings, inputs.mutelist, new Date(startedAt));
    findings = applied.findings;
    mutelist = {
      file: inputs.mutelist.file,
      muted: findings.filter((f) => f.status === 'muted').length,
      expired: applied.expired.map((e) => ({ where: e.where, reason: e.reason, expires: e.expires })),
    };
  }
  const accounts = unique(inputs.inventories.map((i) => i.meta.accountId));
  const regions = unique(inputs.inventories.flatMap((i) => i.meta.regions));
  const source = sourceOf(inputs.inventories);
  const origin = [...new Set(inputs.inventories.map((i) => i.meta.origin))].join('+') || 'none';
  const id =
    inputs.id ??
    createHash('sha256').update([startedAt, source, origin, ...accounts].join('\u0000')).digest('hex').slice(0, 20);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: inputs.toolVersion ?? VERSION },
    scan: {
      id,
      startedAt,
      finishedAt,
      source,
      origin,
      accounts,
      regions,
      coverage: { ...coverageOf(inputs), counts: countBy(findings), ...(mutelist ? { mutelist } : {}) },
    },
    findings,
  };
}

function coverageOf(inputs: ReportInputs): Omit<Coverage, 'counts' | 'mutelist'> {
  const runs = inputs.runResults.flatMap((r) => r.runs);
  const ran = new Map<string, { results: number; errored: boolean }>();
  const skipped = new Set<string>();
  for (const run of runs) {
    if (run.skipped) {
      skipped.add(run.checkId);
      continue;
    }
    const seen = ran.get(run.checkId) ?? { results: 0, errored: false };
    ran.set(run.checkId, { results: seen.results + run.results, errored: seen.errored || run.error !== undefined });
  }
  return {
    checksRun: ran.size,
    checksWithNothingToInspect: [...ran].filter(([, r]) => r.results === 0 && !r.errored).map(([id]) => id),
    // Not applicable only when no inventory of the scan could feed it.
    checksNotApplicable: [...skipped].filter((id) => !ran.has(id)),
    checkErrors: runs.filter((r) => r.error !== undefined).map((r) => ({ checkId: r.checkId, error: r.error as string })),
    failedCalls: failedCalls(inputs.inventories),
  };
}

function sourceOf(inventories: Inventory[]): ScanReport['scan']['source'] {
  const kinds = unique(inventories.map((i) => i.meta.source));
  if (kinds.length === 1) return kinds[0] as ScanReport['scan']['source'];
  if (kinds.length > 1 && kinds.every((k) => k === 'cloudformation' || k === 'terraform')) return 'iac';
  return (inventories[0]?.meta.source ?? 'aws') as ScanReport['scan']['source'];
}

function unique<T extends string>(xs: T[]): T[] {
  return [...new Set(xs)].sort();
}

function iso(t: Date | string): string {
  return typeof t === 'string' ? new Date(t).toISOString() : t.toISOString();
}
