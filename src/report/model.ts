import type { Finding } from '../engine/finding.js';
import type { CheckRun } from '../engine/run.js';
import type { CallRecord, SourceKind } from '../inventory/index.js';

/** Version of the JSON report (`--format json`); bump on a breaking change and say so in the changelog. */
export const REPORT_SCHEMA_VERSION = '1.0';

/** What every output format renders: the JSON contract of design.md. */
export interface ScanReport {
  schemaVersion: string;
  tool: { name: 'rampart'; version: string };
  scan: {
    id: string;
    startedAt: string;
    finishedAt: string;
    /** aws (live, snapshot or demo), cloudformation, terraform or host. */
    source: SourceKind | 'iac';
    origin: string;
    accounts: string[];
    regions: string[];
    coverage: Coverage;
  };
  findings: Finding[];
}

export interface Coverage {
  checksRun: number;
  /** Checks that judged no resource: "inspected nothing" is said, never a silent pass. */
  checksWithNothingToInspect: string[];
  /** Checks left out because the source cannot feed them. */
  checksNotApplicable: string[];
  /** Checks that threw; their findings are `unknown`. */
  checkErrors: Array<{ checkId: string; error: string }>;
  /** API calls that failed (live scans), so the user knows what was missed. */
  failedCalls: Array<Pick<CallRecord, 'call' | 'region' | 'errors' | 'lastError'>>;
  counts: { byStatus: Record<string, number>; bySeverity: Record<string, number> };
  /** The mutelist applied, if any: how many findings it muted, and its entries past their expiry date. */
  mutelist?: { file: string; muted: number; expired: Array<{ where: string; reason: string; expires: string }> };
}

export type { Finding, CheckRun };
