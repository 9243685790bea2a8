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
  /** Findings whose own compliance refs name this requirement, by status. */
  counts: Partial<Record<Finding['status'], number>>;
}

export interface ComplianceResult {
  framework: Framework;
  requirements: RequirementResult[];
  totals: Record<RequirementStatus, number>;
}

/** Requirement-by-requirement status of a framework, from a report's findings. */
export function complianceStatus(f: Framework, findings: readonly Finding[], checks?: readonly AnyCheck[]): ComplianceResult {
  // A finding counts only toward the requirements its own refs name: a check's metadata is the union
  // of what it can speak to, and a billing-contact finding says nothing about the security contact.
  const byRequirement = new Map<string, Finding[]>();
  for (const x of findings) {
    for (const id of new Set(x.compliance?.[f.refKey] ?? [])) {
      const list = byRequirement.get(id);
      if (list) list.push(x);
      else byRequirement.set(id, [x]);
    }
  }
  const requirements = mapping(f, checks).map((m): RequirementResult => {
    // ...and only findings of the checks that cover it, so the counts match the checks listed.
    const covering = new Set(m.checkIds);
    const hits = (byRequirement.get(m.requirement.id) ?? []).filter((h) => covering.has(h.checkId));
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
