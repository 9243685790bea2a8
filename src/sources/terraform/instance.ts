import { resolve, relative, dirname } from 'node:path';
import type { SourceLocation } from '../../inventory/index.js';
import type { Where } from '../iac/arns.js';
import type { IacError } from '../iac/errors.js';
import { Unknown, isRecord, isUnknown } from '../iac/value.js';
import { computedAttributes } from './computed.js';
import { dataSourceValue } from './data-sources.js';
import { evalExpr, type ExprScope, type Vars } from './eval/expr.js';
import { EvalError, UnknownInstances, openObject, toNum, type TfValue } from './eval/values.js';
import type { Block, Body, Expr } from './hcl/ast.js';
import { parseTemplateString } from './hcl/parse.js';
import { attrOf, readModule, type Located, type ModuleDef } from './module-def.js';

/** Shared by every module instance of one configuration. */
export interface Project {
  account: string;
  partition: string;
  defaultRegion: string;
  rootDir: string;
  errors: IacError[];
  notes: Set<string>;
  modules: Map<string, ModuleDef>;
  bodies: Map<string, Body>;
  /** Prefix of the addresses standing in for generated ids, when several roots are read. */
  idPrefix?: string;
}

/** One resource instance, evaluated, ready for a mapper. */
export interface ResourceInstance {
  address: string;
  type: string;
  cfg: Record<string, TfValue>;
  location: SourceLocation;
  /** The count or for_each that could not be evaluated, when the instance may not exist. */
  condition?: string;
  region: string;
}

interface InstanceKey {
  count?: TfValue;
  each?: { key: TfValue; value: TfValue };
}

const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'providers', 'source', 'version']);

/** Index suffix as Terraform writes addresses: [0] or ["key"]. */
const suffix = (k: TfValue) => (typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`);

/** A traversal's text, for provider references (aws.eu) written as expressions. */
function traversalText(e: Expr): string | undefined {
  if (e.t === 'var') return e.name;
  if (e.t === 'attr') {
    const base = traversalText(e.obj);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  if (e.t === 'lit' && typeof e.v === 'string') return e.v;
  return undefined;
}

/**
 * One instance of a module (the root, or a module call, once per count/for_each key). Values
 * are evaluated lazily and remembered: a resource is evaluated when something refers to it or
 * when the mappers walk it, once.
 */
export class ModuleInstance {
  private readonly localValues = new Map<string, TfValue>();
  private readonly resourceValues = new Map<string, TfValue>();
  private readonly dataValues = new Map<string, TfValue>();
  private readonly moduleValues = new Map<string, TfValue>();
  private readonly children = new Map<string, ModuleInstance[]>();
  private readonly instancesOf = new Map<string, ResourceInstance[]>();
  private readonly busy = new Set<string>();

  constructor(
    readonly project: Project,
    readonly def: ModuleDef,
    /** 'module.net.' for a child, '' for the root. */
    readonly prefix: string,
    private readonly inputs: (name: string) => TfValue | undefined,
    /** Provider configurations this module sees: 'aws' and 'aws.<alias>' to their region. */
    readonly providers: Map<string, TfValue>,
  ) {}

  private loc(file: string, line: number): SourceLocation {
    return { file, line };
  }

  /** An expression scope for this module, with count/each when evaluating an instance. */
  scope(file: string, key: InstanceKey = {}): ExprScope {
    return {
      file,
      moduleDir: this.def.dir,
      renderTemplate: (text, vars, path) => {
        const expr = parseTemplateString(text, 1);
        const inner: ExprScope = { file: relative(process.cwd(), path), moduleDir: dirname(path), ref: () => undefined, renderTemplate: () => '' };
        return evalExpr(expr, inner, new Map(Object.entries(vars)));
      },
      ref: (root, names, at) => this.ref(root, names, at, key),
    };
  }

  /** Evaluates an expression; an error becomes an Unknown naming it (Terraform would stop; we go on). */
  eval(e: Expr, file: string, key: InstanceKey = {}, vars?: Vars): TfValue {
    try {
      return evalExpr(e, this.scope(file, key), vars);
    } catch (err) {
      if (err instanceof EvalError) return new Unknown(`could not be evaluated: ${err.message}`, err.location ?? this.loc(file, e.line));
      throw err;
    }
  }

  private ref(root: string, names: string[], at: SourceLocation, key: InstanceKey): { value: TfValue; used: number } | undefined {
    const [a, b] = names;
    switch (root) {
      case 'var':
        return a === undefined ? undefined : { value: this.variable(a, at), used: 1 };
      case 'local':
        return a === undefined ? undefined : { value: this.local(a, at), used: 1 };
      case 'module':
        return a === undefined ? undefined : { value: this.moduleValue(a, at), used: 1 };
      case 'data':
        return a === undefined || b === undefined ? undefined : { value: this.dataValue(`${a}.${b}`, at), used: 2 };
      case 'path': {
        const value = a === 'module' ? relative(process.cwd(), this.def.dir) || '.' : a === 'root' ? relative(process.cwd(), this.project.rootDir) || '.' : process.cwd();
        return { value, used: 1 };
      }
      case 'terraform':
        return { value: a === 'workspace' ? 'default' : new Unknown(`terraform.${a}`, at), used: 1 };
      case 'count':
        if (key.count === undefined) throw new EvalError('count.index is used outside a resource with count', at);
        return { value: key.count, used: a === 'index' ? 1 : 0 };
      case 'each':
        if (!key.each) throw new EvalError('each is used outside a resource with for_each', at);
        return { value: a === 'key' ? key.each.key : a === 'value' ? key.each.value : key.each, used: a === 'key' || a === 'value' ? 1 : 0 };
      case 'self':
        return { value: new Unknown('self is known only at apply time', at), used: 0 };
    }
    if (a !== undefined && this.def.resources.has(`${root}.${a}`)) return { value: this.resourceValue(`${root}.${a}`, at), used: 1 };
    return undefined;
  }

  variable(name: string, at: SourceLocation): TfValue {
    const decl = this.def.variables.get(name);
    if (!decl) throw new EvalError(`no variable "${name}" is declared`, at);
    const given = this.inputs(name);
    const where = this.loc(decl.file, decl.node.line);
    const type = attrOf(decl.node, 'type')?.src ?? '';
    if (given !== undefined) return convertVar(given, type);
    const dflt = attrOf(decl.node, 'default');
    if (dflt) return convertVar(this.eval(dflt.expr, decl.file), type);
    return new Unknown(`variable "${name}" has no default and no value was given (--var ${name}=VALUE or --var-file)`, where);
  }

  private guard<T>(id: string, at: SourceLocation, f: () => T): T | Unknown {
    if (this.busy.has(id)) return new Unknown(`${id} refers to itself`, at);
    this.busy.add(id);
    try {
      return f();
    } finally {
      this.busy.delete(id);
    }
  }

  local(name: string, at: SourceLocation): TfValue {
    if (this.localValues.has(name)) return this.localValues.get(name);
    const decl = this.def.locals.get(name);
    if (!decl) throw new EvalError(`no local value "${name}"`, at);
    const v = this.guard(`local.${name}`, at, () => this.eval(decl.node.expr, decl.file));
    this.localValues.set(name, v);
    return v;
  }

  /** The instance keys of a block with count or for_each, or Unknown, or undefined (neither). */
  expansion(b: Located<Block>, key: InstanceKey = {}): Array<{ suffix: string; key: InstanceKey }> | { unknown: Unknown; label: string } {
    const count = attrOf(b.node, 'count');
    const forEach = attrOf(b.node, 'for_each');
    if (count) {
      const n = this.eval(count.expr, b.file, key);
      if (isUnknown(n)) return { unknown: n, label: `count = ${count.src}` };
      const num = typeof n === 'number' ? n : Number(n);
      if (!Number.isInteger(num) || num < 0) return { unknown: new Unknown(`count is not a whole number`, this.loc(b.file, count.line)), label: `count = ${count.src}` };
      return Array.from({ length: num }, (_, i) => ({ suffix: `[${i}]`, key: { ...key, count: i } }));
    }
    if (forEach) {
      const v = this.eval(forEach.expr, b.file, key);
      if (isUnknown(v)) return { unknown: v, label: `for_each = ${forEach.src}` };
      if (Array.isArray(v)) {
        return v.map((k) => {
          if (isUnknown(k)) return { suffix: '[?]', key: { ...key, each: { key: k, value: k } } };
          const ks = String(k);
          return { suffix: suffix(ks), key: { ...key, each: { key: ks, value: ks } } };
        });
      }
      if (isRecord(v)) return Object.keys(v).sort().map((k) => ({ suffix: suffix(k), key: { ...key, each: { key: k, value: v[k] } } }));
      return { unknown: new Unknown('for_each is neither a map nor a set', this.loc(b.file, forEach.line)), label: `for_each = ${forEach.src}` };
    }
    return [{ suffix: '', key }];
  }

  private regionFor(b: Located<Block>, cfg: Record<string, TfValue>, kind: 'resource' | 'data'): string {
    const own = cfg.region; // AWS provider v6: a region argument on every resource
    const p = attrOf(b.node, 'provider');
    const name = p ? (p.src || traversalText(p.expr) || 'aws') : 'aws';
    const r = typeof own === 'string' && own !== '' ? own : (this.providers.get(name) ?? this.providers.get('aws'));
    if (typeof r === 'string' && r !== '') return r;
    this.project.notes.add(
      `the region of ${kind}s using provider ${name} is not known before apply; they are placed in ${this.project.defaultRegion} (use --region)`,
    );
    return this.project.defaultRegion;
  }

  private where(region: string): Where {
    return { partition: this.project.partition, region, account: this.project.account };
  }

  /** The evaluated instances of a resource (memoised): what both references and mappers read. */
  resourceInstances(id: string): ResourceInstance[] {
    const cached = this.instancesOf.get(id);
    if (cached) return cached;
    const b = this.def.resources.get(id)!;
    const [type] = id.split('.');
    const out: ResourceInstance[] = [];
    this.instancesOf.set(id, out); // a self-reference during evaluation sees no instances yet
    const exp = this.expansion(b);
    const keys = Array.isArray(exp) ? exp : [{ suffix: '', key: { count: exp.unknown, each: { key: exp.unknown, value: exp.unknown } } }];
    for (const k of keys) {
      const address = `${this.prefix}${id}${k.suffix}`;
      const raw = this.evalBody(b.node.body, b.file, k.key);
      const region = this.regionFor(b, raw, 'resource');
      const cfg = openObject({ ...raw }, address);
      for (const [attr, v] of Object.entries(computedAttributes(type!, `${this.project.idPrefix ?? ''}${address}`, raw, this.where(region)))) {
        if (cfg[attr] === undefined || cfg[attr] === null) cfg[attr] = v;
      }
      out.push({
        address,
        type: type!,
        cfg,
        location: this.loc(b.file, b.node.line),
        region,
        ...(Array.isArray(exp) ? {} : { condition: exp.label }),
      });
    }
    return out;
  }

  private resourceValue(id: string, at: SourceLocation): TfValue {
    if (this.resourceValues.has(id)) return this.resourceValues.get(id);
    const b = this.def.resources.get(id)!;
    const v = this.guard(id, at, () => {
      const exp = this.expansion(b);
      if (!Array.isArray(exp)) {
        const one = this.resourceInstances(id)[0]?.cfg ?? null;
        return new UnknownInstances(one, `the instances of ${this.prefix}${id} depend on ${exp.label}`, exp.unknown.location ?? at);
      }
      const instances = this.resourceInstances(id);
      if (attrOf(b.node, 'count')) return instances.map((i) => i.cfg);
      if (attrOf(b.node, 'for_each')) return Object.fromEntries(exp.map((k, i) => [String(k.key.each?.key), instances[i]?.cfg]));
      return instances[0]?.cfg ?? null;
    });
    this.resourceValues.set(id, v);
    return v;
  }

  private dataValue(id: string, at: SourceLocation): TfValue {
    if (this.dataValues.has(id)) return this.dataValues.get(id);
    const b = this.def.data.get(id);
    if (!b) throw new EvalError(`no data source "${id}" is declared`, at);
    const [type] = id.split('.');
    const v = this.guard(`data.${id}`, at, () => {
      const exp = this.expansion(b);
      if (!Array.isArray(exp)) return new Unknown(`data.${id} depends on ${exp.label}`, at);
      const values = exp.map((k) => {
        const cfg = this.evalBody(b.node.body, b.file, k.key);
        return dataSourceValue(type!, `${this.prefix}${id}${k.suffix}`, cfg, this.where(this.regionFor(b, cfg, 'data')), this.loc(b.file, b.node.line));
      });
      if (attrOf(b.node, 'count')) return values;
      if (attrOf(b.node, 'for_each')) return Object.fromEntries(exp.map((k, i) => [String(k.key.each?.key), values[i]]));
      return values[0] ?? null;
    });
    this.dataValues.set(id, v);
    return v;
  }

  /** The instances of a module call (loaded once); remote sources are not read. */
  childInstances(name: string): ModuleInstance[] | { unknown: Unknown } {
    const cached = this.children.get(name);
    if (cached) return cached;
    const call = this.def.modules.get(name)!;
    const at = this.loc(call.file, call.node.line);
    const source = attrOf(call.node, 'source');
    const src = source ? this.eval(source.expr, call.file) : undefined;
    if (typeof src !== 'string' || !(src.startsWith('./') || src.startsWith('../'))) {
      this.project.notes.add(`module "${name}" (${call.file}:${call.node.line}) comes from ${typeof src === 'string' ? src : 'an unknown source'}: only local modules are read`);
      return { unknown: new Unknown(`module "${name}" is not a local module: its outputs are not known`, at) };
    }
    const dir = resolve(this.def.dir, src);
    const display = relative(process.cwd(), dir) || '.';
    let def = this.project.modules.get(display);
    if (!def) {
      def = readModule(display, this.project.errors, undefined, this.project.bodies);
      this.project.modules.set(display, def);
    }
    const exp = this.expansion(call);
    const keys = Array.isArray(exp) ? exp : [{ suffix: '', key: { count: exp.unknown, each: { key: exp.unknown, value: exp.unknown } } }];
    const providers = this.childProviders(call);
    const out = keys.map((k) => {
      const inputs = (v: string) => {
        const a = attrOf(call.node, v);
        return a && !META.has(v) ? this.eval(a.expr, call.file, k.key) : undefined;
      };
      return new ModuleInstance(this.project, def!, `${this.prefix}module.${name}${k.suffix}.`, inputs, providers);
    });
    this.children.set(name, out);
    return out;
  }

  /** The default provider is inherited; `providers = { aws = aws.eu }` maps others in. */
  private childProviders(call: Located<Block>): Map<string, TfValue> {
    const out = new Map<string, TfValue>();
    const dflt = this.providers.get('aws');
    if (dflt !== undefined) out.set('aws', dflt);
    const p = attrOf(call.node, 'providers');
    if (p?.expr.t === 'object') {
      for (const item of p.expr.items) {
        const k = item.key.t === 'lit' ? String(item.key.v) : traversalText(item.key);
        const v = traversalText(item.value);
        if (k && v) out.set(k, this.providers.get(v) ?? dflt);
      }
    }
    return out;
  }

  private moduleValue(name: string, at: SourceLocation): TfValue {
    if (this.moduleValues.has(name)) return this.moduleValues.get(name);
    const call = this.def.modules.get(name);
    if (!call) throw new EvalError(`no module "${name}" is called here`, at);
    const v = this.guard(`module.${name}`, at, () => {
      const kids = this.childInstances(name);
      if (!Array.isArray(kids)) return kids.unknown;
      const exp = this.expansion(call);
      if (!Array.isArray(exp)) return new Unknown(`the instances of module.${name} depend on ${exp.label}`, at);
      const values = kids.map((k) => k.outputs());
      if (attrOf(call.node, 'count')) return values;
      if (attrOf(call.node, 'for_each')) return Object.fromEntries(exp.map((k, i) => [String(k.key.each?.key), values[i]]));
      return values[0] ?? null;
    });
    this.moduleValues.set(name, v);
    return v;
  }

  outputs(): Record<string, TfValue> {
    const out: Record<string, TfValue> = {};
    for (const [name, o] of this.def.outputs) {
      const a = attrOf(o.node, 'value');
      out[name] = a ? this.eval(a.expr, o.file) : null;
    }
    return out;
  }

  /** A block body as the provider sees it: arguments, and nested blocks as lists of objects. */
  evalBody(body: Body, file: string, key: InstanceKey, vars?: Vars): Record<string, TfValue> {
    const out: Record<string, TfValue> = {};
    for (const a of body.attrs) {
      if (META.has(a.name)) continue;
      out[a.name] = this.eval(a.expr, file, key, vars);
    }
    for (const b of body.blocks) {
      if (b.type === 'lifecycle' || b.type === 'provisioner' || b.type === 'connection') continue;
      if (b.type === 'dynamic') {
        this.dynamic(b, file, key, vars, out);
        continue;
      }
      ((out[b.type] ??= []) as TfValue[]).push(this.evalBody(b.body, file, key, vars));
    }
    return out;
  }

  private dynamic(b: Block, file: string, key: InstanceKey, vars: Vars | undefined, out: Record<string, TfValue>): void {
    const label = b.labels[0];
    if (!label) return;
    const list = ((out[label] ??= []) as TfValue[]);
    const forEach = attrOf(b.body, 'for_each');
    const content = b.body.blocks.find((x) => x.type === 'content');
    if (!forEach || !content) return;
    const it = attrOf(b.body, 'iterator');
    const name = it ? (traversalText(it.expr) ?? label) : label;
    const coll = this.eval(forEach.expr, file, key, vars);
    if (isUnknown(coll)) {
      list.push(coll); // the blocks exist only at apply time
      return;
    }
    const entries: Array<[TfValue, TfValue]> = Array.isArray(coll) ? coll.map((v, i) => [i, v]) : isRecord(coll) ? Object.keys(coll).sort().map((k) => [k, coll[k]]) : [];
    for (const [k, v] of entries) {
      const inner = new Map(vars ?? []);
      inner.set(name, { key: k, value: v });
      list.push(this.evalBody(content.body, file, key, inner));
    }
  }

  /** Every resource instance of this module and the modules it calls. */
  *walk(): Generator<ResourceInstance> {
    for (const id of this.def.resources.keys()) yield* this.resourceInstances(id);
    for (const name of this.def.modules.keys()) {
      const kids = this.childInstances(name);
      if (Array.isArray(kids)) for (const k of kids) yield* k.walk();
    }
  }
}

/** String values given for number or bool variables (tfvars, -var) take the declared type. */
function convertVar(v: TfValue, type: string): TfValue {
  if (typeof v !== 'string') return v;
  try {
    if (type === 'number') return toNum(v);
    if (type === 'bool') return v === 'true' ? true : v === 'false' ? false : v;
  } catch {
    return v;
  }
  return v;
}

