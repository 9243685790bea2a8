import type { ScanReport } from '../model.js';
import { esc } from './escape.js';

/** What the scan could not see: never let silence read as a pass. */
export function coverageHtml(report: ScanReport): string {
  const cov = report.scan.coverage;
  const items: string[] = [`<li>${cov.checksRun} checks run, ${report.findings.length} findings.</li>`];
  if (cov.checksWithNothingToInspect.length > 0) {
    items.push(`<li>Inspected nothing: ${cov.checksWithNothingToInspect.map((c) => `<code>${esc(c)}</code>`).join(' ')}</li>`);
  }
  if (cov.checksNotApplicable.length > 0) {
    items.push(`<li>Not applicable to this source: ${cov.checksNotApplicable.map((c) => `<code>${esc(c)}</code>`).join(' ')}</li>`);
  }
  for (const e of cov.checkErrors) items.push(`<li class="bad">Check error in <code>${esc(e.checkId)}</code>: ${esc(e.error)}</li>`);
  for (const c of cov.failedCalls) {
    items.push(`<li class="warn">Failed call <code>${esc(c.call)}</code> (${esc(c.region)})${c.errors > 1 ? ` ×${c.errors}` : ''}: ${esc(c.lastError ?? 'error')}</li>`);
  }
  for (const e of cov.mutelist?.expired ?? []) {
    items.push(`<li class="warn">Mutelist entry expired on ${esc(e.expires)} (${esc(e.where)}): ${esc(e.reason)}</li>`);
  }
  return `<section id="coverage"><h2>Coverage</h2><ul>${items.join('')}</ul></section>`;
}
