import type { ScanReport } from '../model.js';
import { clean, type Colors } from './style.js';

/** What the scan could not see or judge, so that no silence reads as a pass. */
export function coverageLines(report: ScanReport, c: Colors): string[] {
  const cov = report.scan.coverage;
  const out: string[] = [`${cov.checksRun} checks run, ${report.findings.length} findings.`];
  if (cov.checksWithNothingToInspect.length > 0) {
    out.push(c.yellow(`Inspected nothing (${cov.checksWithNothingToInspect.length}): `) + cov.checksWithNothingToInspect.join(', '));
  }
  if (cov.checksNotApplicable.length > 0) {
    out.push(c.dim(`Not applicable to this source (${cov.checksNotApplicable.length}): ${cov.checksNotApplicable.join(', ')}`));
  }
  for (const e of cov.checkErrors) out.push(c.red(`Check error: ${e.checkId}: ${clean(e.error)}`));
  if (cov.failedCalls.length > 0) {
    out.push(c.magenta(`Failed calls (${cov.failedCalls.length}):`));
    for (const f of cov.failedCalls) {
      out.push(`  ${f.call} (${f.region})${f.errors > 1 ? ` ×${f.errors}` : ''}: ${clean(f.lastError ?? 'error')}`);
    }
  }
  for (const w of cov.mutelist?.expired ?? []) {
    out.push(c.yellow(`Mutelist entry expired on ${w.expires}: `) + clean(`${w.where}: ${w.reason}`));
  }
  return out;
}
