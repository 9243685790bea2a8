import type { SourceLocation } from '../../../inventory/index.js';
import { Unknown, isRecord, isUnknown } from '../../iac/value.js';
import type { Expr, TmplPart } from '../hcl/ast.js';
import { APPLY_TIME, FUNCTIONS, coalesce, type FnContext } from './functions.js';
import { EvalError, UnknownInstances, deepEqual, firstUnknown, openAddress, toBool, toNum, toStr, typeName, type TfValue } from './values.js';

/** What an expression can see: references resolve through `ref`, local names through `vars`. */
export interface ExprScope {
  file: string;
  moduleDir: string;
  /**
   * Resolves a reference that starts with `root` (var, local, module, data, a resource type...)
   * given the names that follow it; says how many of those names it used.
   */
  ref(root: string, names: string[], at: SourceLocation): { value: TfValue; used: number } | undefined;
  renderTemplate(text: string, vars: Record<string, TfValue>, file: string): TfValue;
}

export type Vars = ReadonlyMap<string, TfValue>;
const NO_VARS: Vars = new Map();

type Step = { k: 'attr'; name: string; line: number } | { k: 'index'; key: Expr; line: number };

export function evalExpr(e: Expr, s: ExprScope, vars: Vars = NO_VARS): TfValue {
  const at = { file: s.file, line: e.line };
  switch (e.t) {
    case 'lit':
      return e.v;
    case 'tmpl':
      return renderParts(e.parts, s, vars, at);
    case 'var':
    case 'attr':
    case 'index':
      return traversal(e, s, vars);
    case 'splat': {
      const base = evalExpr(e.obj, s, vars);
      if (isUnknown(base)) return base;
      const items = base === null ? [] : Array.isArray(base) ? base : [base];
      return items.map((item) => evalExpr(e.each, s, new Map([...vars, ['\u0000splat', item]])));
    }
    case 'splatItem':
      return vars.get('\u0000splat') ?? null;
    case 'paren':
      return evalExpr(e.e, s, vars);
    case 'tuple':
      return e.items.map((i) => evalExpr(i, s, vars));
    case 'object': {
      const out: Record<string, TfValue> = {};
      for (const { key, value } of e.items) {
        const k = key.t === 'var' ? key.name : evalExpr(key, s, vars);
        if (isUnknown(k)) return k;
        out[toStr(k, at)] = evalExpr(value, s, vars);
      }
      return out;
    }
    case 'cond': {
      const c = evalExpr(e.c, s, vars);
      if (isUnknown(c)) return c;
      return toBool(c, at) ? evalExpr(e.a, s, vars) : evalExpr(e.b, s, vars);
    }
    case 'un': {
      const v = evalExpr(e.e, s, vars);
      if (isUnknown(v)) return v;
      return e.op === '!' ? !toBool(v, at) : -toNum(v, at);
    }
    case 'bin':
      return binary(e.op, e.l, e.r, s, vars, at);
    case 'call':
      return call(e, s, vars, at);
    case 'for':
      return forExpr(e, s, vars, at);
  }
}

function binary(op: string, le: Expr, re: Expr, s: ExprScope, vars: Vars, at: SourceLocation): TfValue {
  const l = evalExpr(le, s, vars);
  if (op === '&&' || op === '||') {
    // Short-circuit on a known side: false && anything is false, true || anything is true.
    if (!isUnknown(l) && toBool(l, at) === (op === '||')) return op === '||';
    const r = evalExpr(re, s, vars);
    if (!isUnknown(r) && toBool(r, at) === (op === '||')) return op === '||';
    const u = firstUnknown(l, r);
    if (u) return u;
    return toBool(r, at);
  }
  const r = evalExpr(re, s, vars);
  const u = firstUnknown(l, r);
  if (u) return u;
  switch (op) {
    case '==':
      return deepEqual(l, r);
    case '!=':
      return !deepEqual(l, r);
    case '+':
      return toNum(l, at) + toNum(r, at);
    case '-':
      return toNum(l, at) - toNum(r, at);
    case '*':
      return toNum(l, at) * toNum(r, at);
    case '/':
      return toNum(l, at) / toNum(r, at);
    case '%':
      return toNum(l, at) % toNum(r, at);
    case '<':
      return toNum(l, at) < toNum(r, at);
    case '>':
      return toNum(l, at) > toNum(r, at);
    case '<=':
      return toNum(l, at) <= toNum(r, at);
    case '>=':
      return toNum(l, at) >= toNum(r, at);
  }
  throw new EvalError(`unknown operator ${op}`, at);
}

function traversal(e: Expr, s: ExprScope, vars: Vars): TfValue {
  const steps: Step[] = [];
  let root: Expr = e;
  while (root.t === 'attr' || root.t === 'index') {
    steps.unshift(root.t === 'attr' ? { k: 'attr', name: root.name, line: root.line } : { k: 'index', key: root.key, line: root.line });
    root = root.obj;
  }
  const at = { file: s.file, line: e.line };
  let value: TfValue;
  let rest = steps;
  if (root.t !== 'var') value = evalExpr(root, s, vars);
  else if (vars.has(root.name)) value = vars.get(root.name);
  else {
    const names: string[] = [];
    for (const st of steps) {
      if (st.k !== 'attr') break;
      names.push(st.name);
    }
    const r = s.ref(root.name, names, at);
    if (!r) throw new EvalError(`unknown reference "${root.name}"`, at);
    value = r.value;
    rest = steps.slice(r.used);
  }
  for (const st of rest) value = step(value, st, s, vars);
  return value;
}

export function getAttr(v: TfValue, name: string, at: SourceLocation): TfValue {
  if (isUnknown(v)) return v;
  if (isRecord(v)) {
    if (name in v) return v[name];
    const open = openAddress(v);
    if (open !== undefined) return new Unknown(`${open}.${name} is known only after apply`, at);
    throw new EvalError(`this object has no attribute "${name}"`, at);
  }
  if (v === null) throw new EvalError(`attribute "${name}" of a null value`, at);
  throw new EvalError(`a ${typeName(v)} has no attribute "${name}"`, at);
}

function step(v: TfValue, st: Step, s: ExprScope, vars: Vars): TfValue {
  const at = { file: s.file, line: st.line };
  if (st.k === 'attr') return getAttr(v, st.name, at);
  const key = evalExpr(st.key, s, vars);
  if (v instanceof UnknownInstances) return v.representative;
  if (isUnknown(v)) return v;
  if (isUnknown(key)) return key;
  if (Array.isArray(v)) {
    const i = toNum(key, at);
    if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new EvalError(`index ${i} is out of range (the list has ${v.length} elements)`, at);
    return v[i];
  }
  if (isRecord(v)) {
    const k = toStr(key, at);
    if (k in v) return v[k];
    const open = openAddress(v);
    if (open !== undefined) return new Unknown(`${open}["${k}"] is known only after apply`, at);
    throw new EvalError(`no element "${k}"`, at);
  }
  throw new EvalError(`a ${typeName(v)} cannot be indexed`, at);
}

function call(e: Extract<Expr, { t: 'call' }>, s: ExprScope, vars: Vars, at: SourceLocation): TfValue {
  const name = e.name.replace(/^core::/, '');
  if (name === 'try') {
    for (const a of e.args) {
      try {
        return evalExpr(a, s, vars);
      } catch (err) {
        if (!(err instanceof EvalError)) throw err;
      }
    }
    throw new EvalError('try(): no argument could be evaluated', at);
  }
  if (name === 'can') {
    try {
      const v = evalExpr(e.args[0]!, s, vars);
      return isUnknown(v) ? v : true;
    } catch (err) {
      if (err instanceof EvalError) return false;
      throw err;
    }
  }
  let args = e.args.map((a) => evalExpr(a, s, vars));
  if (e.expand && args.length) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return last;
    if (!Array.isArray(last)) throw new EvalError('"..." expects a list', at);
    args = [...args.slice(0, -1), ...last];
  }
  if (name === 'coalesce') return coalesce(args);
  if (APPLY_TIME.has(name)) return new Unknown(`${name}() is evaluated at apply time`, at);
  const fn = FUNCTIONS[name];
  if (!fn) return new Unknown(`the function ${name}() is not evaluated by Rampart`, at);
  const cx: FnContext = { at, moduleDir: s.moduleDir, renderTemplate: s.renderTemplate };
  return fn(args, cx);
}

function iterate(coll: TfValue, at: SourceLocation): Array<[TfValue, TfValue]> {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isRecord(coll)) return Object.keys(coll).sort().map((k) => [k, coll[k]]);
  throw new EvalError(`cannot iterate over a ${typeName(coll)}`, at);
}

function forExpr(e: Extract<Expr, { t: 'for' }>, s: ExprScope, vars: Vars, at: SourceLocation): TfValue {
  const coll = evalExpr(e.coll, s, vars);
  if (isUnknown(coll)) return coll;
  if (coll === null) throw new EvalError('a for expression over null', at);
  const outList: TfValue[] = [];
  const outMap: Record<string, TfValue> = {};
  for (const [k, v] of iterate(coll, at)) {
    const inner = new Map(vars);
    if (e.keyVar) inner.set(e.keyVar, k);
    inner.set(e.valVar, v);
    if (e.cond) {
      const c = evalExpr(e.cond, s, inner);
      if (isUnknown(c)) return c;
      if (!toBool(c, at)) continue;
    }
    const val = evalExpr(e.valExpr, s, inner);
    if (!e.keyExpr) {
      outList.push(val);
      continue;
    }
    const key = evalExpr(e.keyExpr, s, inner);
    if (isUnknown(key)) return key;
    const ks = toStr(key, at);
    if (e.group) ((outMap[ks] ??= []) as TfValue[]).push(val);
    else {
      if (ks in outMap) throw new EvalError(`duplicate key "${ks}" in a for expression`, at);
      outMap[ks] = val;
    }
  }
  return e.keyExpr ? outMap : outList;
}

function renderParts(parts: TmplPart[], s: ExprScope, vars: Vars, at: SourceLocation): TfValue {
  // A template that is a single interpolation returns the value itself, as Terraform does.
  if (parts.length === 1 && parts[0]!.t === 'interp') return evalExpr(parts[0]!.e, s, vars);
  let out = '';
  for (const p of parts) {
    let piece: TfValue;
    switch (p.t) {
      case 'str':
        piece = p.v;
        break;
      case 'interp':
        piece = evalExpr(p.e, s, vars);
        break;
      case 'if': {
        const c = evalExpr(p.c, s, vars);
        piece = isUnknown(c) ? c : renderParts(toBool(c, at) ? p.then : p.else, s, vars, at);
        if (typeof piece !== 'string' && !isUnknown(piece)) piece = toStr(piece, at);
        break;
      }
      case 'for': {
        const coll = evalExpr(p.coll, s, vars);
        if (isUnknown(coll)) return coll;
        let acc = '';
        for (const [k, v] of iterate(coll, at)) {
          const inner = new Map(vars);
          if (p.keyVar) inner.set(p.keyVar, k);
          inner.set(p.valVar, v);
          const r = renderParts(p.body, s, inner, at);
          if (isUnknown(r)) return r;
          acc += toStr(r, at);
        }
        piece = acc;
        break;
      }
    }
    if (isUnknown(piece)) return piece;
    out += toStr(piece, at);
  }
  return out;
}
