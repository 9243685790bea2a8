import { SEVERITIES, type Status } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import { SECTIONS } from '../../guide/index.js';
import { STATUS_ORDER } from '../order.js';
import { esc } from './escape.js';
import { STATUS_COLOR } from './palette.js';

export interface Row {
  label: string;
  counts: Record<Status, number>;
}

/**
 * Pass rate: passes over everything that was judged (pass, fail, unknown, and muted findings by
 * their original verdict). Manual findings are left out: no tool can judge them.
 */
export function passRate(counts: Record<Status, number>): number | undefined {
  const judged = counts.pass + counts.fail + counts.unknown + counts.muted;
  return judged === 0 ? undefined : counts.pass / judged;
}

function countsOf(findings: readonly Finding[]): Record<Status, number> {
  const c = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) c[f.status] += 1;
  return c;
}

export function rowsBySection(findings: readonly Finding[]): Row[] {
  const sections = [...SECTIONS, ...new Set(findings.map((f) => f.section).filter((s) => !SECTIONS.includes(s)))];
  return sections
    .map((label) => ({ label, counts: countsOf(findings.filter((f) => f.section === label)) }))
    .filter((r) => Object.values(r.counts).some((n) => n > 0));
}

export function rowsBySeverity(findings: readonly Finding[]): Row[] {
  return SEVERITIES.map((label) => ({ label, counts: countsOf(findings.filter((f) => f.severity === label)) })).filter((r) =>
    Object.values(r.counts).some((n) => n > 0),
  );
}

const LABEL_W = 110;
const BAR_W = 380;
const RATE_W = 60;
const ROW_H = 26;

/** A horizontal stacked bar per row (statuses in the report's order) with the pass rate at the end. */
export function stackedBars(id: string, title: string, rows: readonly Row[]): string {
  const height = rows.length * ROW_H + 30;
  const width = LABEL_W + BAR_W + RATE_W;
  const bars = rows.map((r, i) => {
    const y = i * ROW_H;
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    let x = LABEL_W;
    const rects = STATUS_ORDER.filter((s) => r.counts[s] > 0).map((s) => {
      const w = (r.counts[s] / total) * BAR_W;
      const rect = `<rect class="seg" data-status="${s}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_H - 8}" fill="${STATUS_COLOR[s]}"><title>${esc(r.label)}: ${r.counts[s]} ${s}</title></rect>`;
      x += w;
      return rect;
    });
    const rate = passRate(r.counts);
    const rateText = rate === undefined ? 'n/a' : `${Math.round(rate * 100)}%`;
    return [
      `<text x="${LABEL_W - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end">${esc(r.label)}</text>`,
      ...rects,
      `<text class="rate" x="${LABEL_W + BAR_W + 8}" y="${y + ROW_H / 2 + 4}">${rateText}</text>`,
    ].join('');
  });
  const legend = STATUS_ORDER.map(
    (s, i) => `<rect x="${LABEL_W + i * 76}" y="${rows.length * ROW_H + 12}" width="10" height="10" fill="${STATUS_COLOR[s]}"/><text x="${LABEL_W + i * 76 + 14}" y="${rows.length * ROW_H + 21}">${s}</text>`,
  ).join('');
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption><svg id="${esc(id)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}${legend}</svg></figure>`;
}
