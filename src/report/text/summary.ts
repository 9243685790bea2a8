import { SEVERITIES, type Severity, type Status } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import { STATUS_ORDER } from '../order.js';
import { paintSeverity, paintStatus, pad, type Colors } from './style.js';

/** A severity × status table of counts, with totals: the terminal's summary. */
export function summaryTable(findings: readonly Finding[], c: Colors): string[] {
  const cell = (sev: Severity | undefined, st: Status | undefined) =>
    findings.filter((f) => (sev === undefined || f.severity === sev) && (st === undefined || f.status === st)).length;
  const cols = STATUS_ORDER;
  const w = 9;
  const lines: string[] = [];
  lines.push(' '.repeat(10) + cols.map((s) => pad(paintStatus(c, s, s), s, w)).join('') + 'total');
  for (const sev of SEVERITIES) {
    const row = cols.map((st) => {
      const n = cell(sev, st);
      const text = String(n);
      // Only the numbers that ask for action are coloured, so they stand out.
      return pad(n > 0 && (st === 'fail' || st === 'unknown') ? paintSeverity(c, sev, text) : text, text, w);
    });
    lines.push(pad(paintSeverity(c, sev), sev, 10) + row.join('') + String(cell(sev, undefined)));
  }
  lines.push(pad(c.bold('total'), 'total', 10) + cols.map((st) => pad(String(cell(undefined, st)), String(cell(undefined, st)), w)).join('') + String(findings.length));
  return lines;
}
