import { Option } from 'commander';
import { SEVERITIES, type Severity } from '../checks/types.js';
import { UsageError } from './errors.js';

/** Comma- or repeat-separated lists: --regions a,b --regions c */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function parseSeverity(value: string): Severity {
  const v = value.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(v)) {
    throw new UsageError(`unknown severity "${value}" (one of ${SEVERITIES.join(', ')})`);
  }
  return v as Severity;
}

export const failOnOption = () =>
  new Option('--fail-on <severity>', `exit 1 when a finding at or above this severity fails (${SEVERITIES.join('|')}|none)`).default('none');

/** 1 when a finding at or above the threshold failed, else 0. Unknown and muted findings never fail the run. */
export function exitCodeFor(findings: ReadonlyArray<{ status: string; severity: Severity }>, failOn: string): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = SEVERITIES.indexOf(parseSeverity(failOn));
  return findings.some((f) => f.status === 'fail' && SEVERITIES.indexOf(f.severity) <= threshold) ? 1 : 0;
}
