import type { Colors } from '../report/text/style.js';
import type { ComplianceResult, RequirementStatus } from './status.js';

function paint(c: Colors, s: RequirementStatus, text: string): string {
  switch (s) {
    case 'fail':
      return c.bold(c.red(text));
    case 'unknown':
      return c.magenta(text);
    case 'muted':
    case 'not-assessed':
    case 'not-covered':
      return c.gray(text);
    case 'manual':
      return c.cyan(text);
    case 'pass':
      return c.green(text);
  }
}

/** The terminal's requirement-by-requirement table for `--compliance`. */
export function complianceTextLines(result: ComplianceResult, c: Colors): string[] {
  const f = result.framework;
  const width = Math.max(...result.requirements.map((r) => r.requirement.id.length));
  const out = [c.bold(`${f.name} v${f.version}: ${result.requirements.length} requirements`)];
  const totals = Object.entries(result.totals)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${paint(c, s as RequirementStatus, s)} ${n}`)
    .join(' · ');
  out.push(totals);
  for (const r of result.requirements) {
    const label = r.status.toUpperCase();
    const checks = r.checkIds.length > 0 ? c.dim(`  [${r.checkIds.join(', ')}]`) : '';
    out.push(`  ${r.requirement.id.padEnd(width)}  ${paint(c, r.status, label)}${' '.repeat(Math.max(1, 13 - label.length))}${r.requirement.title}${checks}`);
  }
  return out;
}
