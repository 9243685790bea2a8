import { isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Where } from '../iac/arns.js';
import { assemble } from '../iac/assemble.js';
import { IacCollector } from '../iac/collector.js';
import { stringsIn, type IacError } from '../iac/errors.js';
import { Unknown, isRecord } from '../iac/value.js';
import { computedAttributes } from './computed.js';
import type { TfResult } from './load.js';
import { TF_MAPPERS } from './map/index.js';

export interface PlanOptions {
  region: string;
  accountId: string;
  partition: string;
  collectedAt: string;
  /** Prefix of the addresses standing in for generated ids, when several inputs are read. */
  idPrefix?: string;
}

/** Does this JSON document look like `terraform show -json` of a plan? */
export function isTerraformPlan(doc: unknown): boolean {
  return isRecord(doc) && typeof doc.format_version === 'string' && ('planned_values' in doc || 'resource_changes' in doc);
}

interface Change {
  address: string;
  moduleAddress?: string;
  type: string;
  after: Record<string, unknown>;
  afterUnknown: unknown;
  line: number;
  providerKey?: string;
  expressions: Record<string, unknown>;
}

/** after_unknown marks, with true, the values that exist only after apply. */
function withUnknowns(after: unknown, marks: unknown, path: string, at: { file: string; line: number }): unknown {
  if (marks === true) return new Unknown(`${path} is known only after apply`, at);
  if (Array.isArray(marks)) {
    const base = Array.isArray(after) ? after : [];
    const n = Math.max(base.length, marks.length);
    return Array.from({ length: n }, (_, i) => withUnknowns(base[i], marks[i], `${path}[${i}]`, at));
  }
  if (isRecord(marks)) {
    const base = isRecord(after) ? { ...after } : {};
    for (const [k, m] of Object.entries(marks)) base[k] = withUnknowns(base[k], m, `${path}.${k}`, at);
    return base;
  }
  return after;
}

/** The configuration block of every resource, by its address in the module tree. */
function configurationIndex(conf: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (mod: unknown, prefix: string) => {
    if (!isRecord(mod)) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      if (isRecord(r) && typeof r.address === 'string') out.set(`${prefix}${r.address}`, r);
    }
    if (isRecord(mod.module_calls)) {
      for (const [name, call] of Object.entries(mod.module_calls)) if (isRecord(call)) walk(call.module, `${prefix}module.${name}.`);
    }
  };
  walk(isRecord(conf) ? conf.root_module : undefined, '');
  return out;
}

const stripIndex = (a: string) => a.replace(/\[[^\]]*\]$/, '');

/**
 * Loads `terraform show -json` output. Values are the plan's own; those known only after apply
 * are Unknown, except join keys (a bucket policy's bucket, a rule's security group) that the
 * configuration shows to be a reference to another resource of the plan: those are resolved to
 * that resource's name or id as Rampart knows it, so that the parts still meet their owner.
 */
export function loadTerraformPlan(file: string, text: string, opts: PlanOptions): TfResult {
  const c = new IacCollector(opts.accountId, opts.partition);
  const r = collectTerraformPlan(file, text, opts, c);
  const inventory = assemble(c, { source: 'terraform', collectedAt: opts.collectedAt, files: [file], regions: [opts.region], description: 'a Terraform plan' });
  return { inventory, deferred: c.deferred, ...r };
}

/** Maps a plan's resources into a collector shared with other Terraform inputs. */
export function collectTerraformPlan(file: string, text: string, opts: PlanOptions, c: IacCollector): { errors: IacError[]; notes: string[]; files: string[] } {
  const errors: IacError[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'json', prettyErrors: false });
  const bad = doc.errors[0];
  if (bad) {
    errors.push({ file, line: lc.linePos(bad.pos[0]).line, message: bad.message.split('\n')[0] ?? bad.message });
    return { errors, notes: [], files: [file] };
  }
  const plan = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>;
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const changesNode = (doc.contents as YAMLMap | null)?.get?.('resource_changes', true) as Node | undefined;
  const lines = isSeq(changesNode) ? changesNode.items.map((i) => lineOf(i as Node)) : [];
  const conf = configurationIndex(plan.configuration);
  const providers = isRecord(plan.configuration) && isRecord(plan.configuration.provider_config) ? plan.configuration.provider_config : {};

  const changes: Change[] = [];
  (Array.isArray(plan.resource_changes) ? plan.resource_changes : []).forEach((rc, i) => {
    if (!isRecord(rc) || rc.mode !== 'managed' || !isRecord(rc.change)) return;
    const actions = Array.isArray(rc.change.actions) ? rc.change.actions : [];
    if (actions.length === 1 && actions[0] === 'delete') return;
    const address = String(rc.address);
    const c = conf.get(stripIndex(address));
    changes.push({
      address,
      ...(typeof rc.module_address === 'string' ? { moduleAddress: rc.module_address } : {}),
      type: String(rc.type),
      after: isRecord(rc.change.after) ? rc.change.after : {},
      afterUnknown: rc.change.after_unknown,
      line: lines[i] ?? 1,
      ...(c && typeof c.provider_config_key === 'string' ? { providerKey: c.provider_config_key } : {}),
      expressions: c && isRecord(c.expressions) ? c.expressions : {},
    });
  });

  const regionOf = (ch: Change): string => {
    if (typeof ch.after.region === 'string') return ch.after.region;
    // A module's resources name the provider they inherit as "db:aws" (or "module.db:aws").
    const key = ch.providerKey && !(ch.providerKey in providers) ? ch.providerKey.slice(ch.providerKey.lastIndexOf(':') + 1) : (ch.providerKey ?? 'aws');
    const p = providers[key] ?? providers.aws;
    const r = isRecord(p) && isRecord(p.expressions) && isRecord(p.expressions.region) ? p.expressions.region.constant_value : undefined;
    if (typeof r === 'string') return r;
    const arn = typeof ch.after.arn === 'string' ? ch.after.arn.split(':')[3] : undefined;
    return arn || opts.region;
  };
  const byAddress = new Map(changes.map((ch) => [ch.address, ch]));
  const cfgs = new Map<string, Record<string, unknown>>();
  for (const ch of changes) {
    const at = { file, line: ch.line };
    cfgs.set(ch.address, withUnknowns(ch.after, ch.afterUnknown, ch.address, at) as Record<string, unknown>);
  }
  // The attributes Rampart knows for a referenced resource: its plan values, then computed ones.
  const known = (address: string, attr: string): unknown => {
    const ch = byAddress.get(address) ?? byAddress.get(`${address}[0]`);
    if (!ch) return undefined;
    const v = ch.after[attr];
    if (v !== undefined && v !== null) return v;
    const w: Where = { partition: opts.partition, region: regionOf(ch), account: opts.accountId };
    return computedAttributes(ch.type, `${opts.idPrefix ?? ''}${ch.address}`, ch.after, w)[attr];
  };

  for (const ch of changes) {
    const cfg = cfgs.get(ch.address)!;
    const prefix = ch.moduleAddress ? `${ch.moduleAddress}.` : '';
    for (const [key, v] of Object.entries(cfg)) {
      if (!(v instanceof Unknown)) continue;
      const refs = isRecord(ch.expressions[key]) ? ch.expressions[key].references : undefined;
      const ref = Array.isArray(refs) ? refs.find((r): r is string => typeof r === 'string' && /\.[a-z_]+$/.test(r)) : undefined;
      if (!ref) continue;
      const dot = ref.lastIndexOf('.');
      const value = known(`${prefix}${ref.slice(0, dot)}`, ref.slice(dot + 1));
      if (value !== undefined && !(value instanceof Unknown)) cfg[key] = value;
    }
    const region = regionOf(ch);
    const where: Where = { partition: opts.partition, region, account: opts.accountId };
    for (const [attr, v] of Object.entries(computedAttributes(ch.type, `${opts.idPrefix ?? ''}${ch.address}`, ch.after, where))) {
      if (cfg[attr] === undefined || cfg[attr] === null || cfg[attr] instanceof Unknown) cfg[attr] = v;
    }
    const mapper = TF_MAPPERS[ch.type];
    const location = { file, line: ch.line };
    try {
      if (mapper) mapper({ c, where, address: ch.address, type: ch.type, cfg, location });
      else c.otherReferences.push({ address: ch.address, region, strings: stringsIn(cfg) });
    } catch (e) {
      errors.push({ file, line: ch.line, message: `${ch.address}: ${(e as Error).message}`, resource: ch.address });
    }
  }
  return { errors, notes: [], files: [file] };
}
