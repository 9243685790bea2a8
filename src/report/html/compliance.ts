import type { ComplianceResult } from '../../compliance/index.js';
import { esc } from './escape.js';

/** The `--compliance` framework, requirement by requirement, with the checks behind each. */
export function complianceHtml(result: ComplianceResult): string {
  const f = result.framework;
  const totals = Object.entries(result.totals)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="badge rq-${esc(s)}">${esc(s)} ${n}</span>`)
    .join(' ');
  const rows = result.requirements
    .map(
      (r) =>
        `<tr class="rq" data-rq-status="${esc(r.status)}"><td>${esc(r.requirement.id)}</td><td>${esc(r.requirement.title)}</td><td><span class="badge rq-${esc(r.status)}">${esc(r.status)}</span></td><td>${r.checkIds.map((c) => `<code>${esc(c)}</code>`).join(' ') || '<span class="meta">no Rampart check</span>'}</td></tr>`,
    )
    .join('\n');
  return `<section id="compliance" class="compliance"><h2>${esc(f.name)} v${esc(f.version)}</h2>
<p>${totals}</p>
<table><thead><tr><th>Id</th><th>Requirement</th><th>Status</th><th>Checks</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}
