import type { Where } from '../iac/arns.js';
import { isUnknown } from '../iac/value.js';
import { evaluate, type Value } from './evaluate.js';
import type { PNode } from './parse.js';
import { TemplateScope } from './scope.js';
import { conditionsUsed, type CfnTemplate } from './template.js';

/**
 * One combination of condition values under which the template is evaluated, with parameter
 * values that produce it (so that a name built from a parameter agrees with the branch taken).
 */
export interface Scenario {
  conditions: ReadonlyMap<string, boolean>;
  params: ReadonlyMap<string, Value>;
}

export interface ScenarioPlan {
  scenarios: Scenario[];
  /** Per resource, the conditions that decide it: its Condition and the Fn::If in its properties. */
  relevant: Map<string, string[]>;
}

const MAX_COMBINATIONS = 4096;

/**
 * The scenarios to evaluate, as cfn-lint does: both branches of every Fn::If, but only the
 * combinations some parameter values can produce (IsProd and IsDev are never both true).
 * Parameters the user gave are fixed; the others range over their AllowedValues, or over the
 * strings the conditions compare them with plus "something else". Of the feasible combinations,
 * a small set is chosen that shows every resource in every state its own conditions allow.
 */
export function planScenarios(t: CfnTemplate, where: Where, given: ReadonlyMap<string, string>): ScenarioPlan {
  const relevant = new Map<string, string[]>();
  for (const r of t.resources.values()) {
    const used = conditionsUsed(r.properties);
    if (r.condition) used.add(r.condition);
    relevant.set(r.logicalId, [...used].filter((c) => t.conditions.has(c)).sort());
  }
  if (t.conditions.size === 0) return { scenarios: [{ conditions: new Map(), params: new Map() }], relevant };

  const names = [...t.conditions.keys()];
  const vectors = new Map<string, Scenario>();
  for (const override of parameterCombinations(t, where, given)) {
    const scope = new TemplateScope({ template: t, where, given, paramOverride: override });
    let partial: Array<Map<string, boolean>> = [new Map()];
    for (const c of names) {
      let v: ReturnType<typeof scope.condition> | undefined;
      try {
        v = scope.condition(c, 0);
      } catch {
        v = undefined; // a broken condition is reported when the template is evaluated
      }
      // A condition that rests on a deploy-time value (an import, the stack name) can go either way.
      const values = v === undefined || isUnknown(v) ? [true, false] : [v];
      partial = partial.flatMap((m) => values.map((b) => new Map([...m, [c, b]])));
      if (partial.length > MAX_COMBINATIONS) partial = partial.slice(0, MAX_COMBINATIONS);
    }
    for (const m of partial) {
      const key = names.map((n) => (m.get(n) ? '1' : '0')).join('');
      // The first combination is the defaults: keep the parameter values closest to them.
      if (!vectors.has(key)) vectors.set(key, { conditions: m, params: override });
    }
  }
  return { scenarios: cover([...vectors.values()], t, relevant), relevant };
}

/** Greedy set cover: every resource in every feasible state of its own conditions, in few scenarios. */
function cover(all: Scenario[], t: CfnTemplate, relevant: Map<string, string[]>): Scenario[] {
  const keysOf = ({ conditions: v }: Scenario) => {
    const keys: string[] = [];
    for (const r of t.resources.values()) {
      if (r.condition && !v.get(r.condition)) continue;
      const rel = relevant.get(r.logicalId) ?? [];
      keys.push(`${r.logicalId}|${rel.map((c) => (v.get(c) ? c : `!${c}`)).join('&')}`);
    }
    return keys;
  };
  const keyed = all.map((v) => ({ v, keys: new Set(keysOf(v)) }));
  const uncovered = new Set(keyed.flatMap((k) => [...k.keys]));
  const chosen: Scenario[] = [];
  while (uncovered.size > 0) {
    let best = keyed[0]!;
    let bestGain = -1;
    for (const k of keyed) {
      let gain = 0;
      for (const key of k.keys) if (uncovered.has(key)) gain++;
      if (gain > bestGain) {
        best = k;
        bestGain = gain;
      }
    }
    if (bestGain <= 0) break;
    chosen.push(best.v);
    for (const key of best.keys) uncovered.delete(key);
  }
  return chosen.length ? chosen : [all[0] ?? { conditions: new Map(), params: new Map() }];
}

/** Parameter values to try: every combination of the candidates of the parameters conditions read. */
function parameterCombinations(t: CfnTemplate, where: Where, given: ReadonlyMap<string, string>): Array<Map<string, Value>> {
  const read = new Set<string>();
  const literals = new Set<string>();
  for (const expr of t.conditions.values()) scan(expr, read, literals);
  const base = new TemplateScope({ template: t, where, given });
  const free: Array<[string, Value[]]> = [];
  for (const name of read) {
    const p = t.parameters.get(name);
    if (!p || given.has(name)) continue;
    const d = p.default ? evaluate(p.default, base) : undefined;
    const dflt = d === undefined || isUnknown(d) ? [] : [String(d)];
    const candidates: Value[] = [...new Set([...dflt, ...(p.allowed.length ? p.allowed : [...literals, '<any-other-value>'])])];
    free.push([name, candidates]);
  }
  const total = free.reduce((n, [, c]) => n * c.length, 1);
  if (total <= MAX_COMBINATIONS) {
    let combos: Array<Map<string, Value>> = [new Map()];
    for (const [name, cands] of free) combos = combos.flatMap((m) => cands.map((c) => new Map([...m, [name, c]])));
    return combos;
  }
  // Too many: vary one parameter at a time around the defaults.
  const out: Array<Map<string, Value>> = [new Map()];
  for (const [name, cands] of free) for (const c of cands) out.push(new Map([[name, c]]));
  return out;
}

function scan(n: PNode, refs: Set<string>, literals: Set<string>): void {
  if (n.k === 'scalar') {
    if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') literals.add(String(n.value));
    return;
  }
  if (n.k === 'seq') return n.items.forEach((i) => scan(i, refs, literals));
  for (const e of n.entries) {
    if (e.key === 'Ref' && e.value.k === 'scalar') refs.add(String(e.value.value));
    else if (e.key === 'Fn::Sub') {
      const text = e.value.k === 'scalar' ? e.value.value : e.value.k === 'seq' && e.value.items[0]?.k === 'scalar' ? e.value.items[0].value : '';
      for (const m of String(text).matchAll(/\$\{([^}!.]+)\}/g)) refs.add(m[1]!.trim());
      scan(e.value, refs, literals);
    } else if (e.key === 'Condition' && e.value.k === 'scalar') {
      // another condition: its parameters are scanned where it is defined
    } else scan(e.value, refs, literals);
  }
}

/** The label a finding carries: the resource's conditions as they stand in the scenario. */
export function conditionLabel(rel: readonly string[], s: Scenario): string | undefined {
  if (rel.length === 0) return undefined;
  return rel.map((c) => (s.conditions.get(c) ? c : `!${c}`)).join(' && ');
}
