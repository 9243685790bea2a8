import { Unknown, isUnknown } from '../iac/value.js';
import { entry, type PNode } from './parse.js';

/** AWS::NoValue: the property or list item is left out. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Value = unknown;

/** What evaluation needs from the template around the node. */
export interface Scope {
  file: string;
  region: string;
  accountId: string;
  partition: string;
  /** A parameter's or pseudo parameter's value; undefined when there is no such name. */
  param(name: string): Value | undefined;
  /** The value of a condition in the scenario being evaluated. */
  condition(name: string, line: number): boolean | Unknown;
  mappings: PNode | undefined;
  /** Ref to a resource: its physical id as far as it can be known. */
  resourceRef(logicalId: string, line: number): Value | undefined;
  getAtt(logicalId: string, attribute: string, line: number): Value | undefined;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const loc = (s: Scope, line: number) => ({ file: s.file, line });
const unknownAt = (s: Scope, line: number, reason: string) => new Unknown(reason, loc(s, line));

/** Evaluates a template node to a JSON value, resolving the intrinsic functions it can. */
export function evaluate(n: PNode, s: Scope): Value {
  if (n.k === 'scalar') return n.value;
  if (n.k === 'seq') {
    const out: Value[] = [];
    for (const i of n.items) {
      const v = evaluate(i, s);
      if (v !== NO_VALUE) out.push(v);
    }
    return out;
  }
  if (n.entries.length === 1) {
    const e = n.entries[0]!;
    if (e.key === 'Ref' || e.key === 'Condition' || e.key.startsWith('Fn::')) {
      const fn = FUNCTIONS[e.key];
      if (fn) return fn(e.value, s, e.line);
      if (e.key.startsWith('Fn::')) return unknownAt(s, e.line, `${e.key} is not evaluated by Rampart`);
    }
  }
  const out: Record<string, Value> = {};
  for (const e of n.entries) {
    const v = evaluate(e.value, s);
    if (v !== NO_VALUE) out[e.key] = v;
  }
  return out;
}

type Fn = (arg: PNode, s: Scope, line: number) => Value;

function args(arg: PNode, name: string, min: number): PNode[] {
  if (arg.k !== 'seq' || arg.items.length < min) throw new TemplateError(`${name} expects a list of at least ${min} items`, arg.line);
  return arg.items;
}

/** A string from a scalar argument (names of parameters, resources, conditions). */
function literal(n: PNode, what: string): string {
  if (n.k !== 'scalar' || n.value === null) throw new TemplateError(`${what} must be a plain string`, n.line);
  return String(n.value);
}

export function toStr(v: Value): string | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function ref(arg: PNode, s: Scope, line: number): Value {
  const name = literal(arg, 'Ref');
  if (name === 'AWS::NoValue') return NO_VALUE;
  const p = s.param(name);
  if (p !== undefined) return p;
  const r = s.resourceRef(name, line);
  if (r !== undefined) return r;
  throw new TemplateError(`Ref to ${name}: no such parameter or resource`, line);
}

function getAtt(arg: PNode, s: Scope, line: number): Value {
  let id: string;
  let attribute: Value;
  if (arg.k === 'scalar' && typeof arg.value === 'string') {
    const dot = arg.value.indexOf('.');
    id = dot < 0 ? arg.value : arg.value.slice(0, dot);
    attribute = dot < 0 ? '' : arg.value.slice(dot + 1);
  } else {
    const [a, b] = args(arg, 'Fn::GetAtt', 2);
    id = literal(a!, 'Fn::GetAtt resource');
    attribute = evaluate(b!, s);
  }
  if (isUnknown(attribute)) return attribute;
  const v = s.getAtt(id, String(attribute), line);
  if (v === undefined) throw new TemplateError(`Fn::GetAtt ${id}.${String(attribute)}: no such resource`, line);
  return v;
}

function sub(arg: PNode, s: Scope, line: number): Value {
  let text: Value;
  const vars = new Map<string, Value>();
  if (arg.k === 'seq') {
    const [t, m] = args(arg, 'Fn::Sub', 1);
    text = evaluate(t!, s);
    if (m) {
      const mv = evaluate(m, s);
      if (mv && typeof mv === 'object' && !isUnknown(mv) && !Array.isArray(mv)) {
        for (const [k, v] of Object.entries(mv as Record<string, Value>)) vars.set(k, v);
      }
    }
  } else {
    text = evaluate(arg, s);
  }
  if (isUnknown(text)) return text;
  if (typeof text !== 'string') throw new TemplateError('Fn::Sub expects a string', line);
  const parts: Value[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1]!.trim();
    if (name.startsWith('!')) {
      parts.push(`\${${name.slice(1)}}`); // ${!Literal} is written out as ${Literal}
      continue;
    }
    if (vars.has(name)) parts.push(vars.get(name));
    else if (s.param(name) !== undefined) parts.push(s.param(name));
    else if (name.includes('.')) {
      const dot = name.indexOf('.');
      const v = s.getAtt(name.slice(0, dot), name.slice(dot + 1), line);
      if (v === undefined) throw new TemplateError(`Fn::Sub \${${name}}: no such resource`, line);
      parts.push(v);
    } else {
      const r = s.resourceRef(name, line);
      if (r === undefined) throw new TemplateError(`Fn::Sub \${${name}}: no such parameter or resource`, line);
      parts.push(r);
    }
  }
  parts.push(text.slice(last));
  return concat(parts, s, line);
}

function concat(parts: Value[], s: Scope, line: number): Value {
  let out = '';
  for (const p of parts) {
    const str = toStr(p);
    if (isUnknown(str)) return new Unknown(str.reason, str.location ?? loc(s, line));
    if (str === undefined) {
      if (Array.isArray(p)) out += p.map(String).join(',');
      else throw new TemplateError('a list or object cannot be part of a string', line);
    } else out += str;
  }
  return out;
}

function join(arg: PNode, s: Scope, line: number): Value {
  const [d, l] = args(arg, 'Fn::Join', 2);
  const sep = evaluate(d!, s);
  const list = evaluate(l!, s);
  if (isUnknown(sep)) return sep;
  if (isUnknown(list)) return list;
  if (!Array.isArray(list)) throw new TemplateError('Fn::Join expects a list', line);
  const parts: Value[] = [];
  list.forEach((x, i) => {
    if (i > 0) parts.push(sep);
    parts.push(x);
  });
  return concat(parts, s, line);
}

function select(arg: PNode, s: Scope, line: number): Value {
  const [i, l] = args(arg, 'Fn::Select', 2);
  const idx = evaluate(i!, s);
  const list = evaluate(l!, s);
  if (isUnknown(idx)) return idx;
  if (isUnknown(list)) return list;
  if (!Array.isArray(list)) throw new TemplateError('Fn::Select expects a list', line);
  const n = Number(idx);
  if (!Number.isInteger(n) || n < 0 || n >= list.length) throw new TemplateError(`Fn::Select index ${String(idx)} is out of range`, line);
  return list[n];
}

function split(arg: PNode, s: Scope, line: number): Value {
  const [d, t] = args(arg, 'Fn::Split', 2);
  const sep = evaluate(d!, s);
  const text = evaluate(t!, s);
  if (isUnknown(sep)) return sep;
  if (isUnknown(text)) return text;
  if (typeof sep !== 'string' || typeof text !== 'string') throw new TemplateError('Fn::Split expects strings', line);
  return text.split(sep);
}

function findInMap(arg: PNode, s: Scope, line: number): Value {
  const items = args(arg, 'Fn::FindInMap', 3);
  const keys = items.slice(0, 3).map((i) => evaluate(i, s));
  const dflt = items[3] ? entry(items[3], 'DefaultValue') : undefined;
  for (const k of keys) if (isUnknown(k)) return k;
  let node: PNode | undefined = s.mappings;
  for (const k of keys) node = entry(node, String(k));
  if (!node) {
    if (dflt) return evaluate(dflt, s);
    throw new TemplateError(`Fn::FindInMap: no entry ${keys.map(String).join('.')}`, line);
  }
  return evaluate(node, s);
}

function getAZs(arg: PNode, s: Scope): Value {
  const r = evaluate(arg, s);
  if (isUnknown(r)) return r;
  const region = typeof r === 'string' && r !== '' ? r : s.region;
  // The exact zones depend on the account; these names are what templates index into.
  return ['a', 'b', 'c'].map((z) => `${region}${z}`);
}

function cidr(arg: PNode, s: Scope, line: number): Value {
  const [b, c, m] = args(arg, 'Fn::Cidr', 3).map((i) => evaluate(i, s));
  for (const v of [b, c, m]) if (isUnknown(v)) return v;
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(String(b));
  if (!match) return unknownAt(s, line, 'Fn::Cidr on an IPv6 block is not evaluated by Rampart');
  const ip = match.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0);
  const bits = Number(m);
  const count = Number(c);
  const prefix = 32 - bits;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = ip + i * 2 ** bits;
    out.push(`${[24, 16, 8, 0].map((sh) => Math.floor(start / 2 ** sh) % 256).join('.')}/${prefix}`);
  }
  return out;
}

function fnIf(arg: PNode, s: Scope, line: number): Value {
  const [c, a, b] = args(arg, 'Fn::If', 3);
  const cond = s.condition(literal(c!, 'Fn::If condition'), line);
  if (isUnknown(cond)) return cond;
  return evaluate(cond ? a! : b!, s);
}

function truth(n: PNode, s: Scope): boolean | Unknown {
  const v = evaluate(n, s);
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new TemplateError('a condition must be true or false', n.line);
}

function equals(arg: PNode, s: Scope): Value {
  const [a, b] = args(arg, 'Fn::Equals', 2).map((i) => evaluate(i, s));
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}
const normal = (v: Value): Value => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

function logic(kind: 'and' | 'or') {
  return (arg: PNode, s: Scope): Value => {
    let unknown: Unknown | undefined;
    for (const i of args(arg, kind === 'and' ? 'Fn::And' : 'Fn::Or', 1)) {
      const v = truth(i, s);
      if (isUnknown(v)) unknown ??= v;
      else if (kind === 'and' && !v) return false;
      else if (kind === 'or' && v) return true;
    }
    return unknown ?? kind === 'and';
  };
}

const FUNCTIONS: Record<string, Fn> = {
  Ref: ref,
  Condition: (arg, s, line) => s.condition(literal(arg, 'Condition'), line),
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::FindInMap': findInMap,
  'Fn::GetAZs': getAZs,
  'Fn::Cidr': cidr,
  'Fn::Base64': (arg, s) => evaluate(arg, s),
  'Fn::ImportValue': (arg, s, line) => {
    const name = evaluate(arg, s);
    return unknownAt(s, line, `Fn::ImportValue ${isUnknown(name) ? '(a deploy-time name)' : String(name)} is another stack's output`);
  },
  'Fn::If': fnIf,
  'Fn::Equals': equals,
  'Fn::And': logic('and'),
  'Fn::Or': logic('or'),
  'Fn::Not': (arg, s) => {
    const [a] = args(arg, 'Fn::Not', 1);
    const v = truth(a!, s);
    return isUnknown(v) ? v : !v;
  },
  'Fn::Length': (arg, s, line) => {
    const v = evaluate(arg, s);
    if (isUnknown(v)) return v;
    if (!Array.isArray(v)) throw new TemplateError('Fn::Length expects a list', line);
    return v.length;
  },
  'Fn::ToJsonString': (arg, s) => {
    const v = evaluate(arg, s);
    return isUnknownDeep(v) ?? JSON.stringify(v);
  },
  'Fn::Transform': (_arg, s, line) => unknownAt(s, line, 'Fn::Transform output exists only once the macro runs'),
};

function isUnknownDeep(v: Value): Unknown | undefined {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) for (const x of v) {
    const u = isUnknownDeep(x);
    if (u) return u;
  }
  else if (v && typeof v === 'object') for (const x of Object.values(v)) {
    const u = isUnknownDeep(x);
    if (u) return u;
  }
  return undefined;
}

export { truth as evaluateCondition };
