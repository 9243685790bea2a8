import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Where } from '../iac/arns.js';
import { assemble } from '../iac/assemble.js';
import { IacCollector } from '../iac/collector.js';
import { stringsIn, type IacError } from '../iac/errors.js';
import type { ScenarioInventory } from '../cloudformation/load.js';
import { evalExpr } from './eval/expr.js';
import type { TfValue } from './eval/values.js';
import type { Body } from './hcl/ast.js';
import { parseExpression, HclSyntaxError } from './hcl/parse.js';
import { ModuleInstance, type Project } from './instance.js';
import { TF_MAPPERS } from './map/index.js';
import { idPrefixes } from '../iac/qualify.js';
import { attrOf, parseTerraformFile, readModule, type ModuleDef } from './module-def.js';

export interface TfOptions {
  region: string;
  accountId: string;
  partition: string;
  /** --var NAME=VALUE, in order. */
  vars: ReadonlyArray<[string, string]>;
  /** --var-file, in order (after terraform.tfvars and *.auto.tfvars). */
  varFiles: readonly string[];
  collectedAt: string;
  env?: NodeJS.ProcessEnv;
  /** Other Terraform inputs of the same scan (plan files): ids are qualified when there are several. */
  otherInputs?: readonly string[];
}

/** A root module: a directory, or the .tf files the user named in it. */
export interface TfRoot {
  dir: string;
  files?: string[];
}

export interface TfResult extends ScenarioInventory {
  errors: IacError[];
  notes: string[];
  files: string[];
}

/** Literal values of a .tfvars file (HCL or JSON): no references allowed, as in Terraform. */
function readTfvars(file: string, errors: IacError[]): Map<string, TfValue> {
  const out = new Map<string, TfValue>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    errors.push({ file, line: 0, message: `cannot read the variables file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return out;
  }
  if (file.endsWith('.json')) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, TfValue>)) out.set(k, v);
    } catch (e) {
      errors.push({ file, line: 1, message: `not JSON: ${(e as Error).message}` });
    }
    return out;
  }
  let body: Body;
  try {
    body = parseTerraformFile(file, text);
  } catch (e) {
    errors.push({ file, line: e instanceof HclSyntaxError ? e.line : 0, message: (e as Error).message });
    return out;
  }
  const scope = { file, moduleDir: '.', ref: () => undefined, renderTemplate: () => '' };
  for (const a of body.attrs) {
    try {
      out.set(a.name, evalExpr(a.expr, scope));
    } catch (e) {
      errors.push({ file, line: a.line, message: `${a.name}: ${(e as Error).message}` });
    }
  }
  return out;
}

/** The root module's variable values, by Terraform's precedence (later wins). */
function rootInputs(def: ModuleDef, opts: TfOptions, errors: IacError[]): Map<string, TfValue> {
  const values = new Map<string, TfValue>();
  const env = opts.env ?? process.env;
  for (const name of def.variables.keys()) {
    const v = env[`TF_VAR_${name}`];
    if (v !== undefined) values.set(name, v);
  }
  // Terraform loads terraform.tfvars(.json), then *.auto.tfvars(.json) in name order.
  const names: string[] = existsSync(def.dir) ? readdirSync(def.dir) : [];
  const auto = [
    ...names.filter((n) => n === 'terraform.tfvars' || n === 'terraform.tfvars.json'),
    ...names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort(),
  ].map((n) => join(def.dir, n));
  for (const file of [...auto, ...opts.varFiles]) for (const [k, v] of readTfvars(file, errors)) values.set(k, v);
  for (const [name, raw] of opts.vars) {
    const decl = def.variables.get(name);
    const type = decl ? (attrOf(decl.node, 'type')?.src ?? '') : '';
    // Strings are taken as they are; other types are HCL expressions, as Terraform reads -var.
    if (type === '' || type === 'string' || !/^[[{"\d-]|^(true|false|null)$/.test(raw.trim())) values.set(name, raw);
    else {
      try {
        values.set(name, evalExpr(parseExpression(raw), { file: '--var', moduleDir: '.', ref: () => undefined, renderTemplate: () => '' }));
      } catch {
        values.set(name, raw);
      }
    }
  }
  return values;
}

/**
 * Loads Terraform root modules (with the local modules they call) into one inventory: every
 * resource instance, evaluated, mapped to the inventory's shapes.
 */
export function loadTerraform(roots: readonly TfRoot[], opts: TfOptions): TfResult {
  const c = new IacCollector(opts.accountId, opts.partition);
  const r = collectTerraform(roots, opts, c);
  const inventory = assemble(c, { source: 'terraform', collectedAt: opts.collectedAt, files: r.files, regions: [opts.region] });
  return { inventory, deferred: c.deferred, ...r };
}

/** Maps the root modules' resources into a collector shared with other Terraform inputs (plans). */
export function collectTerraform(roots: readonly TfRoot[], opts: TfOptions, c: IacCollector): { errors: IacError[]; notes: string[]; files: string[] } {
  const errors: IacError[] = [];
  const project: Project = {
    account: opts.accountId,
    partition: opts.partition,
    defaultRegion: opts.region,
    rootDir: roots[0]?.dir ?? '.',
    errors,
    notes: new Set(),
    modules: new Map(),
    bodies: new Map(),
  };
  const files = new Set<string>();
  const prefixes = idPrefixes([...roots.map((r) => r.dir), ...(opts.otherInputs ?? [])], '/');
  for (const root of roots) {
    const def = readModule(root.dir, errors, root.files, project.bodies);
    project.modules.set(root.dir, def);
    const inputs = rootInputs(def, opts, errors);
    const providers = new Map<string, TfValue>();
    const instance = new ModuleInstance({ ...project, rootDir: resolve(root.dir), idPrefix: prefixes.get(root.dir) ?? '' }, def, '', (n) => inputs.get(n), providers);
    for (const p of def.providers) {
      if (p.node.labels[0] !== 'aws') continue;
      const alias = attrOf(p.node, 'alias');
      const region = attrOf(p.node, 'region');
      const key = alias ? `aws.${String(instance.eval(alias.expr, p.file))}` : 'aws';
      providers.set(key, region ? instance.eval(region.expr, p.file) : opts.region);
    }
    if (!providers.has('aws')) providers.set('aws', opts.region);
    for (const r of instance.walk()) {
      const where: Where = { partition: opts.partition, region: r.region, account: opts.accountId };
      const mapper = TF_MAPPERS[r.type];
      try {
        if (mapper) mapper({ c, where, address: r.address, type: r.type, cfg: r.cfg, location: r.location, ...(r.condition ? { condition: r.condition } : {}) });
        else c.otherReferences.push({ address: r.address, region: r.region, strings: stringsIn(r.cfg) });
      } catch (e) {
        errors.push({ file: r.location.file, line: r.location.line, message: `${r.address}: ${(e as Error).message}`, resource: r.address });
      }
    }
    for (const m of project.modules.values()) m.files.forEach((f) => files.add(f));
  }
  return { errors, notes: [...project.notes], files: [...files] };
}
