import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { sortFindings } from '../order.js';

const COLUMNS: Array<[string, (f: Finding) => string]> = [
  ['id', (f) => f.id],
  ['status', (f) => f.status],
  ['original_status', (f) => f.muted?.originalStatus ?? ''],
  ['severity', (f) => f.severity],
  ['check_id', (f) => f.checkId],
  ['title', (f) => f.title],
  ['section', (f) => f.section],
  ['guide_ids', (f) => f.guideIds.join(';')],
  ['account', (f) => f.account],
  ['region', (f) => f.region],
  ['resource_type', (f) => f.resourceType],
  ['resource_id', (f) => f.resourceId],
  ['detail', (f) => f.detail ?? ''],
  ['message', (f) => f.message],
  ['remediation', (f) => f.remediation.text],
  ['location', (f) => (f.location ? `${f.location.file}:${f.location.line}` : '')],
  ['cis', (f) => (f.compliance?.cis ?? []).join(';')],
  ['fsbp', (f) => (f.compliance?.fsbp ?? []).join(';')],
  ['muted_reason', (f) => f.muted?.reason ?? ''],
  ['muted_until', (f) => f.muted?.expires ?? ''],
];

/** `--format csv`: one row per finding (RFC 4180), worst first, with a header row. */
export function renderCsv(report: ScanReport): string {
  const rows = [COLUMNS.map(([name]) => name), ...sortFindings(report.findings).map((f) => COLUMNS.map(([, get]) => get(f)))];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quotes when needed, and defuses spreadsheet formulas: a resource name or tag starting with
 * = + - @ (or a tab/CR) would otherwise run as a formula when the file is opened (CSV injection).
 */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
