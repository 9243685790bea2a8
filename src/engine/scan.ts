import type { Inventory } from '../inventory/index.js';
import type { AnyCheck, Severity } from '../checks/types.js';
import { runChecks, type RunResult } from './run.js';

export interface ScanInput {
  inventory: Inventory;
  now: Date;
}

export interface ScanOptions {
  checks: readonly AnyCheck[];
  checkOptions?: Record<string, unknown>;
  /** Keep only findings of these severities (all when empty). */
  severities?: readonly Severity[];
}

/** Runs the selected checks over each inventory (one per account or template set). */
export function scanInventories(inputs: readonly ScanInput[], opts: ScanOptions): RunResult[] {
  return inputs.map(({ inventory, now }) => {
    const result = runChecks(inventory, opts.checks, { now, checkOptions: opts.checkOptions ?? {} });
    if (opts.severities?.length) {
      const keep = new Set(opts.severities);
      result.findings = result.findings.filter((f) => keep.has(f.severity));
    }
    return result;
  });
}
