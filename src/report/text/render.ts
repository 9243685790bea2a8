import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { groupBySection } from '../order.js';
import { clean, colors, paintSeverity, paintStatus, pad, type Colors } from './style.js';
import { summaryTable } from './summary.js';
import { coverageLines } from './coverage.js';

export interface TextOptions {
  color: boolean;
  /** Only fail and unknown findings, then the summary. */
  quiet?: boolean;
  /** Extra lines appended after the summary (the compliance table). */
  appendix?: (c: Colors) => string[];
}

const STATUS_WIDTH = 9;
const SEVERITY_WIDTH = 10;
const INDENT = ' '.repeat(1 + STATUS_WIDTH + SEVERITY_WIDTH);

/** The terminal report: findings grouped by guide section, worst first, then counts and coverage. */
export function renderText(report: ScanReport, opts: TextOptions): string {
  const c = colors(opts.color);
  const shown = opts.quiet ? report.findings.filter((f) => f.status === 'fail' || f.status === 'unknown') : report.findings;
  const out: string[] = [...header(report, c), ''];
  for (const { section, findings } of groupBySection(shown)) {
    out.push(c.bold(c.underline(section)));
    for (const f of findings) out.push(...findingLines(f, c));
    out.push('');
  }
  if (shown.length === 0) out.push(opts.quiet ? 'No failed or unknown findings.' : 'No findings.', '');
  out.push(c.bold('Summary'), ...summaryTable(report.findings, c), '');
  const coverage = coverageLines(report, c);
  if (coverage.length > 0) out.push(c.bold('Coverage'), ...coverage, '');
  if (opts.appendix) out.push(...opts.appendix(c));
  return out.join('\n').trimEnd() + '\n';
}

function header(report: ScanReport, c: Colors): string[] {
  const s = report.scan;
  const accounts = s.accounts.length > 0 ? `account ${s.accounts.join(', ')}` : 'no account';
  const regions = s.regions.length > 0 ? ` · ${s.regions.join(', ')}` : '';
  return [
    c.bold(`Rampart ${report.tool.version}`) + ` · ${s.source} (${s.origin}) · ${accounts}${regions}`,
    c.dim(`scan ${s.id} · ${s.startedAt} → ${s.finishedAt}`),
  ];
}

function findingLines(f: Finding, c: Colors): string[] {
  const status = f.status.toUpperCase();
  const where = f.location ? `  ${f.location.file}:${f.location.line}` : '';
  const region = f.region === 'global' ? '' : c.dim(` (${f.region})`);
  const lines = [
    ' ' +
      pad(paintStatus(c, f.status, status), status, STATUS_WIDTH) +
      pad(paintSeverity(c, f.severity), f.severity, SEVERITY_WIDTH) +
      c.dim(f.checkId) +
      '  ' +
      clean(f.resourceId) +
      region +
      clean(where),
    INDENT + clean(f.message),
  ];
  // IaC: the finding holds only when the template's condition does.
  if (f.condition) lines.push(INDENT + c.dim(`when ${clean(f.condition)}`));
  if (f.muted) {
    const until = f.muted.expires ? ` (until ${f.muted.expires})` : '';
    lines.push(INDENT + c.gray(`muted, was ${f.muted.originalStatus}: ${clean(f.muted.reason)}${until}`));
  }
  // The fix is what a failing finding needs; a pass needs none, an unknown names its failed call.
  const verdict = f.muted?.originalStatus ?? f.status;
  if (verdict === 'fail' || verdict === 'manual') lines.push(INDENT + c.cyan('Fix: ') + clean(f.remediation.text));
  return lines;
}
