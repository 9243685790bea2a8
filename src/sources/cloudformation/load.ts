import type { Inventory } from '../../inventory/index.js';
import type { Where } from '../iac/arns.js';
import { assemble } from '../iac/assemble.js';
import { IacCollector } from '../iac/collector.js';
import { stringsIn, type IacError } from '../iac/errors.js';
import type { DeferredField } from '../iac/fields.js';
import { conditionLabel, planScenarios, type Scenario } from './conditions.js';
import { TemplateError } from './evaluate.js';
import { CFN_MAPPERS } from './map/index.js';
import type { PNode } from './parse.js';
import { TemplateScope } from './scope.js';
import { idPrefixes } from '../iac/qualify.js';
import { readTemplate, type CfnTemplate } from './template.js';

export interface CfnOptions {
  region: string;
  accountId: string;
  partition: string;
  /** --parameters: values by parameter name (pseudo parameters such as AWS::StackName too). */
  parameters: ReadonlyMap<string, string>;
  collectedAt: string;
}

/** One evaluation of the template set: an inventory and the fields known only at deploy time. */
export interface ScenarioInventory {
  inventory: Inventory;
  deferred: DeferredField[];
  /** CloudFormation: the conditions as they stand in this scenario ('IsProd', '!IsDev'). */
  conditions?: string[];
}

export interface CfnResult {
  scenarios: ScenarioInventory[];
  errors: IacError[];
  notes: string[];
}

/**
 * Loads CloudFormation templates (already parsed) into inventories. Each template is evaluated
 * once per scenario of its conditions; templates with fewer scenarios repeat their last one, so
 * the set is evaluated max(scenarios) times and every resource shows in each state it can take.
 */
export function loadCloudFormation(docs: ReadonlyArray<{ file: string; root: PNode }>, opts: CfnOptions): CfnResult {
  const errors: IacError[] = [];
  const where: Where = { partition: opts.partition, region: opts.region, account: opts.accountId };
  const plans: Array<{ t: CfnTemplate; scenarios: Scenario[]; relevant: Map<string, string[]> }> = [];
  for (const d of docs) {
    try {
      const t = readTemplate(d.root, d.file);
      plans.push({ t, ...planScenarios(t, where, opts.parameters) });
    } catch (e) {
      errors.push({ file: d.file, line: e instanceof TemplateError ? e.line : 1, message: (e as Error).message });
    }
  }
  const prefixes = idPrefixes(plans.map((p) => p.t.file), '-');
  const count = Math.max(1, ...plans.map((p) => p.scenarios.length));
  const scenarios: ScenarioInventory[] = [];
  for (let i = 0; i < count; i++) {
    const c = new IacCollector(opts.accountId, opts.partition);
    const literals: string[] = [];
    for (const plan of plans) {
      const s = plan.scenarios[Math.min(i, plan.scenarios.length - 1)] ?? { conditions: new Map(), params: new Map() };
      for (const [name, v] of s.conditions) literals.push(v ? name : `!${name}`);
      // Errors are the same in every scenario that reaches the resource: report them once.
      mapTemplate(plan.t, s, plan.relevant, where, opts, c, i === 0 ? errors : [], prefixes.get(plan.t.file) ?? '');
    }
    scenarios.push({
      inventory: assemble(c, { source: 'cloudformation', collectedAt: opts.collectedAt, files: docs.map((d) => d.file), regions: [opts.region] }),
      deferred: c.deferred,
      conditions: literals,
    });
  }
  return { scenarios, errors, notes: plans.flatMap((p) => p.t.notes) };
}

function mapTemplate(
  t: CfnTemplate,
  s: Scenario,
  relevant: Map<string, string[]>,
  where: Where,
  opts: CfnOptions,
  c: IacCollector,
  errors: IacError[],
  idPrefix: string,
): void {
  const scope = new TemplateScope({ template: t, where, given: opts.parameters, fixed: s.conditions, paramOverride: s.params, idPrefix });
  for (const r of t.resources.values()) {
    try {
      if (scope.exists(r.logicalId) !== true) continue;
      const mapper = CFN_MAPPERS[r.type];
      const props = scope.properties(r.logicalId);
      if (!mapper) {
        c.otherReferences.push({ address: r.logicalId, region: where.region, strings: stringsIn(props) });
        continue;
      }
      const condition = conditionLabel(relevant.get(r.logicalId) ?? [], s);
      mapper({
        c,
        where,
        logicalId: `${idPrefix}${r.logicalId}`,
        type: r.type,
        props,
        location: { file: t.file, line: r.line },
        ...(condition ? { condition } : {}),
        ref: (id) => scope.resourceRef(id, r.line),
      });
    } catch (e) {
      errors.push({
        file: t.file,
        line: e instanceof TemplateError && e.line > 0 ? e.line : r.line,
        message: `${r.logicalId}: ${(e as Error).message}`,
        resource: r.logicalId,
      });
    }
  }
}
