import { GLOBAL_REGION, type Inventory } from '../inventory/index.js';
import { recommendation } from '../guide/index.js';
import type { AnyCheck, CheckResult, ComplianceRefs, Severity } from '../checks/types.js';
import type { Finding } from './finding.js';
import { findingId } from './finding-id.js';
import { formatMessage } from './message.js';
import { accountResource } from '../checks/helpers.js';

export interface RunOptions {
  /** The scan time, handed to every check. */
  now: Date;
  /** Per-check options, by check id; validated against each check's schema. */
  checkOptions?: Record<string, unknown>;
}

/** What happened to one check in one run: for coverage ("inspected nothing") and errors. */
export interface CheckRun {
  checkId: string;
  /** Not run because the inventory's source cannot feed it. */
  skipped?: 'source';
  results: number;
  error?: string;
}

export interface RunResult {
  findings: Finding[];
  runs: CheckRun[];
}

export class CheckOptionsError extends Error {}

/** Validates the options of every selected check before anything runs, so a typo fails fast. */
export function resolveOptions(checks: readonly AnyCheck[], given: Record<string, unknown> = {}): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of checks) {
    const raw = given[c.id] ?? {};
    if (!c.options) {
      out.set(c.id, {});
      continue;
    }
    const parsed = c.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CheckOptionsError(
        `options for ${c.id}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
      );
    }
    out.set(c.id, parsed.data);
  }
  return out;
}

/**
 * Runs checks over one inventory. Each check is isolated: one that throws gives an `unknown`
 * finding naming the error, and every other check still runs.
 */
export function runChecks(inventory: Inventory, checks: readonly AnyCheck[], opts: RunOptions): RunResult {
  const options = resolveOptions(checks, opts.checkOptions);
  const findings: Finding[] = [];
  const runs: CheckRun[] = [];
  for (const check of checks) {
    if (!check.sources.includes(inventory.meta.source)) {
      runs.push({ checkId: check.id, skipped: 'source', results: 0 });
      continue;
    }
    let results: CheckResult[];
    let error: string | undefined;
    try {
      results = check.evaluate({ inventory, options: options.get(check.id), now: opts.now });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      results = [
        {
          status: 'unknown',
          resource: accountResource(inventory),
          message: 'missing',
          data: { what: 'this check', why: `the check failed: ${error}` },
          detail: 'check-error',
        },
      ];
    }
    // Live scans keep "not collected" gaps (a --services choice must show); templates and hosts
    // never gather account-wide state, so there such a gap is no finding at all.
    if (inventory.meta.source !== 'aws') results = results.filter((r) => !r.notCollected);
    for (const r of results) findings.push(toFinding(check, r, inventory, error));
    runs.push({ checkId: check.id, results: results.length, ...(error ? { error } : {}) });
  }
  return { findings, runs };
}

function toFinding(check: AnyCheck, r: CheckResult, inv: Inventory, checkError?: string): Finding {
  const account = r.resource.account ?? inv.meta.accountId;
  const region = r.resource.region || GLOBAL_REGION;
  const template = (check.messages as Record<string, string>)[r.message];
  const message = checkError
    ? `Could not evaluate ${check.id}: ${checkError}`
    : template === undefined
      ? `${r.message} ${JSON.stringify(r.data ?? {})}`
      : formatMessage(template, r.data);
  const severity: Severity = r.severity ?? check.severity;
  const section = recommendation(check.guideIds[0] ?? '')?.section ?? 'Other';
  return {
    id: findingId({ checkId: check.id, account, region, resourceId: r.resource.id, detail: r.detail }),
    checkId: check.id,
    title: check.title,
    guideIds: check.guideIds,
    section,
    status: r.status,
    severity,
    resourceId: r.resource.id,
    resourceType: r.resource.type,
    account,
    region,
    message,
    remediation: check.remediation,
    ...(r.resource.location ? { location: r.resource.location } : {}),
    ...(r.resource.condition ? { condition: r.resource.condition } : {}),
    ...(r.detail !== undefined ? { detail: r.detail } : {}),
    ...(r.evidence ? { evidence: r.evidence } : {}),
    ...effectiveCompliance(check, r),
  };
}

/** A result's own refs replace the check's: a billing contact is no evidence for the security-contact control. */
function effectiveCompliance(check: AnyCheck, r: CheckResult): { compliance?: ComplianceRefs } {
  const refs = r.compliance ?? check.compliance;
  return refs ? { compliance: refs } : {};
}
