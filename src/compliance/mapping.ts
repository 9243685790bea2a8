import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import type { Framework, Requirement } from './framework.js';

export interface MappedRequirement {
  requirement: Requirement;
  /** Checks whose metadata names this requirement: the one source of truth. */
  checkIds: string[];
}

/** The framework's requirements, each with the checks that cover it, from the checks' own metadata. */
export function mapping(f: Framework, checks: readonly AnyCheck[] = ALL_CHECKS): MappedRequirement[] {
  return f.requirements.map((requirement) => ({
    requirement,
    checkIds: checks.filter((c) => (c.compliance?.[f.refKey] ?? []).includes(requirement.id)).map((c) => c.id),
  }));
}

/** The checks that cover at least one requirement: what `--compliance` runs. */
export function checksFor(f: Framework, checks: readonly AnyCheck[] = ALL_CHECKS): AnyCheck[] {
  const ids = new Set(f.requirements.map((r) => r.id));
  return checks.filter((c) => (c.compliance?.[f.refKey] ?? []).some((id) => ids.has(id)));
}

/** Ids that checks cite but the framework file does not know: a typo or a stale id. */
export function unknownReferences(f: Framework, checks: readonly AnyCheck[] = ALL_CHECKS): Array<{ checkId: string; id: string }> {
  const known = new Set([...f.requirements, ...f.otherControls].map((r) => r.id));
  return checks.flatMap((c) => (c.compliance?.[f.refKey] ?? []).filter((id) => !known.has(id)).map((id) => ({ checkId: c.id, id })));
}
