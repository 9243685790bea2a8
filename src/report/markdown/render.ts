import { SEVERITIES } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { groupBySection, STATUS_ORDER } from '../order.js';
import { remediationMarkdown } from '../remediation.js';
import { code, md } from './escape.js';

/** GitHub refuses comments over 65,536 characters; stay under with room for the closing note. */
export const MAX_LENGTH = 60_000;

const ICON: Record<Finding['status'], string> = { fail: '❌', unknown: '❓', manual: '📝', muted: '🔇', pass: '✅' };

/**
 * `--format markdown`: a pull-request comment. Counts first, then what needs action (fail and
 * unknown) by guide section, with each check's fix once, folded; passes, manual and muted
 * findings are counted, not listed. To fit GitHub's comment limit it first leaves out the fixes,
 * then cuts rows, and says so.
 */
export function renderMarkdown(report: ScanReport, maxLength = MAX_LENGTH): string {
  const action = report.findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
  const head = [...header(report), '', ...countsTable(report.findings), ''];
  const tail = coverage(report);
  const withFixes = body(action, true);
  const full = [...head, ...withFixes, ...tail].join('\n');
  if (full.length <= maxLength) return full.trimEnd() + '\n';
  const rowsOnly = [...body(action, false), '_Fixes left out to fit a comment: see `rampart explain CHECK` or the HTML report._', ''];
  return fit(head, rowsOnly, tail, maxLength);
}

function body(action: readonly Finding[], fixes: boolean): string[] {
  const out: string[] = [];
  for (const { section, findings } of groupBySection(action)) {
    out.push(`### ${md(section)}`, '', '| | Severity | Check | Resource | Finding |', '|---|---|---|---|---|');
    for (const f of findings) {
      const region = f.region === 'global' ? '' : ` (${md(f.region)})`;
      const where = f.location ? `<br>${code(`${f.location.file}:${f.location.line}`)}` : '';
      out.push(`| ${ICON[f.status]} | ${f.severity} | ${code(f.checkId)} | ${code(f.resourceId)}${region}${where} | ${md(f.message)} |`);
    }
    out.push('');
    if (!fixes) continue;
    const checks = [...new Map(findings.filter((f) => f.status === 'fail').map((f) => [f.checkId, f])).values()];
    for (const f of checks) {
      out.push(`<details><summary>How to fix: ${md(f.title)}</summary>`, '', remediationMarkdown(f.remediation), '', '</details>', '');
    }
  }
  if (action.length === 0) out.push('No failed or unknown findings. ✅', '');
  return out;
}

function header(report: ScanReport): string[] {
  const c = report.scan.coverage.counts.byStatus;
  const s = report.scan;
  return [
    `## Rampart: ${c.fail ?? 0} failed, ${c.unknown ?? 0} unknown`,
    '',
    `${md(s.source)} (${md(s.origin)}) · ${s.accounts.map((a) => code(a)).join(', ') || 'no account'} · ${s.regions.map(md).join(', ')} · ${md(s.finishedAt)}`,
  ];
}

function countsTable(findings: readonly Finding[]): string[] {
  const rows = STATUS_ORDER.map((st) => {
    const cells = SEVERITIES.map((sev) => findings.filter((f) => f.status === st && f.severity === sev).length);
    return `| ${ICON[st]} ${st} | ${cells.join(' | ')} | ${findings.filter((f) => f.status === st).length} |`;
  });
  return [`| | ${SEVERITIES.join(' | ')} | total |`, `|---|${SEVERITIES.map(() => '---:').join('|')}|---:|`, ...rows];
}

function coverage(report: ScanReport): string[] {
  const cov = report.scan.coverage;
  const notes: string[] = [];
  if (cov.checksWithNothingToInspect.length > 0) notes.push(`- Inspected nothing: ${cov.checksWithNothingToInspect.map(code).join(', ')}`);
  for (const e of cov.checkErrors) notes.push(`- Check error in ${code(e.checkId)}: ${md(e.error)}`);
  for (const c of cov.failedCalls) notes.push(`- Failed call ${code(c.call)} (${md(c.region)}): ${md(c.lastError ?? 'error')}`);
  for (const e of cov.mutelist?.expired ?? []) notes.push(`- Expired mutelist entry ${code(e.where)} (${md(e.expires)}): ${md(e.reason)}`);
  return notes.length > 0 ? ['<details><summary>Coverage: what this scan could not see</summary>', '', ...notes, '', '</details>', ''] : [];
}

/** Keeps whole lines of the body while the comment fits, and says how much was left out. */
function fit(head: string[], body: string[], tail: string[], max: number): string {
  const join = (xs: string[]) => xs.join('\n');
  const full = join([...head, ...body, ...tail]);
  if (full.length <= max) return full.trimEnd() + '\n';
  const kept: string[] = [];
  let size = join([...head, ...tail]).length + 200;
  for (const line of body) {
    if (size + line.length + 1 > max) break;
    kept.push(line);
    size += line.length + 1;
  }
  // A cut inside <details> would leave it open and swallow the rest of the comment.
  const open = kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length;
  if (open > 0) kept.push('', '</details>');
  const note = `_Cut to fit a comment: ${body.length - kept.length} more lines; see the full report (\`--format html\` or \`json\`)._`;
  return join([...head, ...kept, '', note, '', ...tail]).trimEnd() + '\n';
}
