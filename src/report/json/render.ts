import type { ScanReport } from '../model.js';

/** `--format json`: the ScanReport itself, the contract of design.md (schema: ./report.schema.json). */
export function renderJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
