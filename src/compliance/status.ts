import type { Finding } from '../engine/finding.js';
import type { AnyCheck } from '../checks/types.js';
import type { Framework } from './framework.js';
import { mapping, type MappedRequirement } from './mapping.js';

/**
 * A requirement's verdict in one scan, worst first. `not-assessed`: checks cover it but judged
 * nothing in this scan; `not-covered`: no Rampart check covers it (verify it another way).
 */
export const REQUIREMENT_STATUSES = ['fail', 'unknown', 'muted', 'manual', 'pass', 'not-assessed', 'not-covered'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface RequirementResult extends MappedRequirement {
  status: RequirementStatus;
  /** Findings of the covering checks, by status. */
  counts: Partial<Record<Finding['status'], number>>;
}

export interface ComplianceResult {
  framework: Framework;
  requirements: RequirementResult[];
  totals: Record<RequirementStatus, number>;
}

/** Requirement-by-requirement status of a framework, from a report's findings. */
export function complianceStatus(f: Framework, findings: readonly Finding[], checks?: readonly AnyCheck[]): ComplianceResult {
  const byCheck = new Map<string, Finding[]>();
  for (const x of findings) {
    const list = byCheck.get(x.checkId);
    if (list) list.push(x);
    else byCheck.set(x.checkId, [x]);
  }
  const requirements = mapping(f, checks).map((m): RequirementResult => {
    const hits = m.checkIds.flatMap((id) => byCheck.get(id) ?? []);
    const counts: RequirementResult['counts'] = {};
    for (const h of hits) counts[h.status] = (counts[h.status] ?? 0) + 1;
    return { ...m, counts, status: verdict(m, counts) };
  });
  const totals = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
  for (const r of requirements) totals[r.status] += 1;
  return { framework: f, requirements, totals };
}

function verdict(m: MappedRequirement, counts: RequirementResult['counts']): RequirementStatus {
  if (m.checkIds.length === 0) return 'not-covered';
  // A single failing resource fails the requirement; a pass needs every resource judged and clean.
  for (const s of ['fail', 'unknown', 'muted', 'manual', 'pass'] as const) if ((counts[s] ?? 0) > 0) return s;
  return 'not-assessed';
}
