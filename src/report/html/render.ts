import { createHash } from 'node:crypto';
import { SEVERITIES } from '../../checks/types.js';
import type { ComplianceResult } from '../../compliance/index.js';
import type { ScanReport } from '../model.js';
import { groupBySection, STATUS_ORDER } from '../order.js';
import { rowsBySection, rowsBySeverity, stackedBars } from './charts.js';
import { complianceHtml } from './compliance.js';
import { coverageHtml } from './coverage.js';
import { esc, slug } from './escape.js';
import { findingHtml, serviceOf } from './finding.js';
import { SCRIPT } from './script.js';
import { CSS } from './style.js';

export interface HtmlOptions {
  /** The `--compliance` framework's status, shown as its own chapter. */
  compliance?: ComplianceResult;
}

/**
 * `--format html`: one self-contained file. No network at all: the CSP forbids every fetch, and
 * allows the one inline script by its hash, so even a value that escaped escaping could not run.
 * Posture (charts), compliance, coverage, then the guide's sections as chapters, filterable.
 */
export function renderHtml(report: ScanReport, opts: HtmlOptions = {}): string {
  const s = report.scan;
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; form-action 'none'; base-uri 'none'`;
  const chapters = groupBySection(report.findings);
  const services = [...new Set(report.findings.map(serviceOf))].sort();
  const count = (st: string) => report.findings.filter((f) => f.status === st).length;
  const title = `Rampart report: ${s.accounts.join(', ') || s.origin}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rampart ${esc(report.tool.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${esc(title)}</h1>
<div class="meta">${esc(s.source)} (${esc(s.origin)}) · regions ${esc(s.regions.join(', ') || 'none')} · ${esc(s.startedAt)} → ${esc(s.finishedAt)} · Rampart ${esc(report.tool.version)} · scan ${esc(s.id)}</div></header>
<main>
<nav class="toc"><a href="#posture">Posture</a>${opts.compliance ? '<a href="#compliance">Compliance</a>' : ''}<a href="#coverage">Coverage</a>${chapters
    .map((c) => `<a href="#sec-${slug(c.section)}">${esc(c.section)}</a>`)
    .join('')}</nav>
<section id="posture"><h2>Posture</h2>
<div class="cards">${STATUS_ORDER.map((st) => `<div class="card"><div class="n" data-count="${st}">${count(st)}</div><span class="badge st-${st}">${st}</span></div>`).join('')}</div>
<div class="charts">${stackedBars('chart-sections', 'Pass rate by guide section', rowsBySection(report.findings))}${stackedBars('chart-severity', 'Pass rate by severity', rowsBySeverity(report.findings))}</div>
</section>
${opts.compliance ? complianceHtml(opts.compliance) : ''}
${coverageHtml(report)}
<form id="filters" aria-label="Filter findings">
<fieldset><legend>Status</legend>${STATUS_ORDER.map((st) => `<label><input type="checkbox" name="status" value="${st}" checked> ${st}</label>`).join('')}</fieldset>
<fieldset><legend>Severity</legend>${SEVERITIES.map((sev) => `<label><input type="checkbox" name="severity" value="${sev}" checked> ${sev}</label>`).join('')}</fieldset>
<label>Service <select name="service"><option value="">all</option>${services.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('')}</select></label>
<label>Search <input type="search" name="q" placeholder="resource, message…"></label>
<span class="meta"><span id="shown-count">${report.findings.length}</span> of ${report.findings.length} findings shown</span>
</form>
${chapters
  .map(
    (c) => `<section class="chapter" id="sec-${slug(c.section)}"><h2>${esc(c.section)} <span class="count">(<span class="shown">${c.findings.length}</span> of ${c.findings.length})</span></h2>
<p class="none" hidden>No finding matches the filters.</p>
${c.findings.map(findingHtml).join('\n')}
</section>`,
  )
  .join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
