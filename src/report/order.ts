import { SECTIONS } from '../guide/index.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../checks/types.js';
import type { Finding } from '../engine/finding.js';

/** Worst first: what needs action leads every output. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'unknown', 'manual', 'muted', 'pass'];

const statusRank = new Map(STATUS_ORDER.map((s, i) => [s, i]));
const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Status, then severity, then check and resource: the same order in every output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (statusRank.get(a.status) ?? 9) - (statusRank.get(b.status) ?? 9) ||
    (severityRank.get(a.severity) ?? 9) - (severityRank.get(b.severity) ?? 9) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceId.localeCompare(b.resourceId) ||
    (a.detail ?? '').localeCompare(b.detail ?? '')
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The guide's sections in the guide's order, each with its findings sorted; empty sections left out. */
export function groupBySection(findings: readonly Finding[]): Array<{ section: string; findings: Finding[] }> {
  const known = new Set(SECTIONS);
  const order = [...SECTIONS, ...[...new Set(findings.map((f) => f.section))].filter((s) => !known.has(s)).sort()];
  return order
    .map((section) => ({ section, findings: sortFindings(findings.filter((f) => f.section === section)) }))
    .filter((g) => g.findings.length > 0);
}

/** Counts with every status and severity present (zero when none), for stable tables and JSON. */
export function countBy(findings: readonly Finding[]): { byStatus: Record<Status, number>; bySeverity: Record<Severity, number> } {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) {
    byStatus[f.status] += 1;
    bySeverity[f.severity] += 1;
  }
  return { byStatus, bySeverity };
}

/** The verdict before any mutelist: what compliance and pass rates are computed from. */
export function effectiveStatus(f: Finding): Exclude<Status, 'muted'> {
  return f.status === 'muted' ? (f.muted?.originalStatus ?? 'fail') : f.status;
}
