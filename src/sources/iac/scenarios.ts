import type { Finding } from '../../engine/finding.js';
import { findingId } from '../../engine/finding-id.js';

const literals = (c: string | undefined) => (c ? c.split(' && ').map((s) => s.trim()).filter(Boolean) : []);

function common(fs: Finding[]): string[] {
  let acc = literals(fs[0]?.condition);
  for (const f of fs.slice(1)) {
    const mine = new Set(literals(f.condition));
    acc = acc.filter((l) => mine.has(l));
  }
  return acc;
}

/**
 * Joins the findings of the scenarios a template was evaluated in, as cfn-lint reports them.
 * A finding that comes out the same in every scenario is reported once, with the conditions all
 * its scenarios share (a resource that exists only under IsProd keeps "IsProd"). A finding whose
 * verdict differs between branches is reported once per verdict, each with the conditions under
 * which it holds, and an id of its own (stable: the condition is part of it).
 */
export function mergeScenarios(perScenario: readonly Finding[][], labels: readonly (readonly string[])[] = []): Finding[] {
  if (perScenario.length === 1) return [...perScenario[0]!];
  const groups = new Map<string, Finding[]>();
  const scenarioOf = new Map<Finding, number>();
  perScenario.forEach((findings, i) => {
    for (const f of findings) {
      const g = groups.get(f.id) ?? [];
      g.push(f);
      groups.set(f.id, g);
      scenarioOf.set(f, i);
    }
  });
  // A finding on something that is not a resource of the template (the account, a bucket it
  // only names) carries no condition of its own: the scenario's conditions that differ say when.
  const when = (members: Finding[], group: Finding[]): string[] => {
    const sets = (fs: Finding[]) => fs.map((f) => labels[scenarioOf.get(f) ?? -1] ?? []);
    const inAll = (ls: (readonly string[])[]) => (ls[0] ?? []).filter((l) => ls.every((x) => x.includes(l)));
    const everywhere = new Set(inAll(sets(group)));
    const mine = inAll(sets(members)).filter((l) => !everywhere.has(l));
    return mine.length ? mine : [`scenario ${(scenarioOf.get(members[0]!) ?? 0) + 1}`];
  };
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const verdicts = new Map<string, Finding[]>();
    for (const f of group) {
      const key = `${f.status}\u0000${f.message}\u0000${f.severity}`;
      verdicts.set(key, [...(verdicts.get(key) ?? []), f]);
    }
    if (verdicts.size === 1) {
      const cond = common(group);
      const { condition: _drop, ...rest } = group[0]!;
      void _drop;
      out.push(cond.length ? { ...rest, condition: cond.join(' && ') } : rest);
      continue;
    }
    for (const members of verdicts.values()) {
      const shared = common(members);
      const cond = (shared.length ? shared : members[0]!.condition ? literals(members[0]!.condition) : when(members, group)).join(' && ');
      const f = members[0]!;
      const detail = `${f.detail ?? ''}|when ${cond}`;
      out.push({
        ...f,
        ...(cond ? { condition: cond } : {}),
        id: findingId({ checkId: f.checkId, account: f.account, region: f.region, resourceId: f.resourceId, detail }),
      });
    }
  }
  return out;
}
