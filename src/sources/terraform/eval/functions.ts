import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UnknownJson, findUnknown, isRecord, isUnknown } from '../../iac/value.js';
import type { SourceLocation } from '../../../inventory/index.js';
import { EvalError, deepEqual, toBool, toNum, toStr, typeName, type TfValue } from './values.js';

export interface FnContext {
  at: SourceLocation;
  /** The module's directory, for file() and templatefile(). */
  moduleDir: string;
  /** Renders a template file with variables (the caller owns the parser). */
  renderTemplate(text: string, vars: Record<string, TfValue>, file: string): TfValue;
}

type Fn = (args: TfValue[], cx: FnContext) => TfValue;

const list = (v: TfValue, cx: FnContext, fn: string): TfValue[] => {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${fn}() expects a list, got ${typeName(v)}`, cx.at);
};
const obj = (v: TfValue, cx: FnContext, fn: string): Record<string, TfValue> => {
  if (isRecord(v)) return v;
  throw new EvalError(`${fn}() expects a map or object, got ${typeName(v)}`, cx.at);
};

/** Functions whose result is unknown whenever an argument is (all but try, can, coalesce...). */
const STRICT = (f: Fn): Fn => (args, cx) => {
  const u = args.find((a) => findUnknown(a) !== undefined);
  if (u !== undefined) return findUnknown(u);
  return f(args, cx);
};

/** The value of jsonencode: JSON text, or UnknownJson that keeps the known parts. */
export function jsonEncode(v: TfValue, at?: SourceLocation): TfValue {
  const u = findUnknown(v);
  if (u) return new UnknownJson(v, u.reason, u.location ?? at);
  return JSON.stringify(v);
}

function format(spec: string, args: TfValue[], cx: FnContext): string {
  let i = 0;
  return spec.replace(/%([-+0 ]*)(\d*)(?:\.(\d+))?([sdfqvtbxXo%])/g, (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const a = args[i++];
    let s: string;
    switch (verb) {
      case 'd':
        s = String(Math.trunc(toNum(a, cx.at)));
        break;
      case 'f':
        s = toNum(a, cx.at).toFixed(prec ? Number(prec) : 6);
        break;
      case 'q':
        s = JSON.stringify(toStr(a, cx.at));
        break;
      case 'v':
        s = typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? String(a) : JSON.stringify(a);
        break;
      case 't':
        s = String(toBool(a, cx.at));
        break;
      case 'x':
      case 'X':
        s = Math.trunc(toNum(a, cx.at)).toString(16);
        if (verb === 'X') s = s.toUpperCase();
        break;
      case 'o':
        s = Math.trunc(toNum(a, cx.at)).toString(8);
        break;
      case 'b':
        s = Math.trunc(toNum(a, cx.at)).toString(2);
        break;
      default:
        s = toStr(a, cx.at);
    }
    if (flags.includes('+') && /^[0-9]/.test(s) && 'dfxXob'.includes(verb)) s = `+${s}`;
    const w = Number(width || 0);
    if (!w) return s;
    if (flags.includes('-')) return s.padEnd(w);
    if (flags.includes('0') && 'dfxXob'.includes(verb)) {
      const sign = /^[-+]/.test(s) ? s[0]! : '';
      return sign + s.slice(sign.length).padStart(w - sign.length, '0');
    }
    return s.padStart(w);
  });
}

function flatten(v: TfValue[]): TfValue[] {
  return v.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x]));
}

function cidrsubnet(prefix: string, newbits: number, netnum: number, cx: FnContext): string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!m) throw new EvalError('cidrsubnet() supports IPv4 prefixes only here', cx.at);
  const ip = m.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
  const bits = Number(m[5]) + newbits;
  if (bits > 32) throw new EvalError('cidrsubnet(): not enough address space', cx.at);
  const start = ip + netnum * 2 ** (32 - bits);
  return `${[24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join('.')}/${bits}`;
}

export const FUNCTIONS: Record<string, Fn> = {
  // Collections
  merge: STRICT((args, cx) => Object.assign({}, ...args.filter((a) => a !== null).map((a) => obj(a, cx, 'merge')))),
  concat: STRICT((args, cx) => args.flatMap((a) => list(a, cx, 'concat'))),
  lookup: (args, cx) => {
    const [m, k, d] = args;
    if (isUnknown(m) || isUnknown(k)) return isUnknown(m) ? m : k;
    const o = obj(m, cx, 'lookup');
    const key = toStr(k, cx.at);
    if (key in o) return o[key];
    if (args.length >= 3) return d;
    throw new EvalError(`lookup(): no key "${key}"`, cx.at);
  },
  length: (args, cx) => {
    const [v] = args;
    if (isUnknown(v)) return v;
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    throw new EvalError(`length() of ${typeName(v)}`, cx.at);
  },
  element: STRICT((args, cx) => {
    const l = list(args[0], cx, 'element');
    if (l.length === 0) throw new EvalError('element() of an empty list', cx.at);
    const i = Math.trunc(toNum(args[1], cx.at));
    return l[((i % l.length) + l.length) % l.length];
  }),
  index: STRICT((args, cx) => {
    const i = list(args[0], cx, 'index').findIndex((x) => deepEqual(x, args[1]));
    if (i < 0) throw new EvalError('index(): value not in list', cx.at);
    return i;
  }),
  contains: STRICT((args, cx) => list(args[0], cx, 'contains').some((x) => deepEqual(x, args[1]))),
  keys: STRICT((args, cx) => Object.keys(obj(args[0], cx, 'keys')).sort()),
  values: STRICT((args, cx) => {
    const o = obj(args[0], cx, 'values');
    return Object.keys(o).sort().map((k) => o[k]);
  }),
  flatten: STRICT((args, cx) => flatten(list(args[0], cx, 'flatten'))),
  distinct: STRICT((args, cx) => list(args[0], cx, 'distinct').filter((x, i, a) => a.findIndex((y) => deepEqual(x, y)) === i)),
  compact: STRICT((args, cx) => list(args[0], cx, 'compact').filter((x) => x !== null && x !== '')),
  zipmap: STRICT((args, cx) => {
    const k = list(args[0], cx, 'zipmap');
    const v = list(args[1], cx, 'zipmap');
    return Object.fromEntries(k.map((key, i) => [toStr(key, cx.at), v[i]]));
  }),
  range: STRICT((args, cx) => {
    const n = args.map((a) => toNum(a, cx.at));
    const [start, end, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? (n[0]! <= n[1]! ? 1 : -1)];
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 1024) throw new EvalError('range() too long', cx.at);
    }
    return out;
  }),
  slice: STRICT((args, cx) => list(args[0], cx, 'slice').slice(toNum(args[1], cx.at), toNum(args[2], cx.at))),
  reverse: STRICT((args, cx) => [...list(args[0], cx, 'reverse')].reverse()),
  sort: STRICT((args, cx) => list(args[0], cx, 'sort').map((x) => toStr(x, cx.at)).sort()),
  one: STRICT((args, cx) => {
    const l = list(args[0], cx, 'one');
    if (l.length > 1) throw new EvalError('one() of a list with more than one element', cx.at);
    return l[0] ?? null;
  }),
  setunion: STRICT((args, cx) => FUNCTIONS.distinct!([args.flatMap((a) => list(a, cx, 'setunion'))], cx)),
  setintersection: STRICT((args, cx) => {
    const [first, ...rest] = args.map((a) => list(a, cx, 'setintersection'));
    return (first ?? []).filter((x) => rest.every((r) => r.some((y) => deepEqual(x, y))));
  }),
  coalescelist: STRICT((args, cx) => args.find((a) => list(a, cx, 'coalescelist').length > 0) ?? []),
  alltrue: STRICT((args, cx) => list(args[0], cx, 'alltrue').every((x) => toBool(x, cx.at))),
  anytrue: STRICT((args, cx) => list(args[0], cx, 'anytrue').some((x) => toBool(x, cx.at))),
  sum: STRICT((args, cx) => list(args[0], cx, 'sum').reduce<number>((a, x) => a + toNum(x, cx.at), 0)),
  transpose: STRICT((args, cx) => {
    const out: Record<string, string[]> = {};
    for (const [k, vs] of Object.entries(obj(args[0], cx, 'transpose'))) for (const v of list(vs, cx, 'transpose')) (out[toStr(v, cx.at)] ??= []).push(k);
    return out;
  }),
  // Type conversion
  tolist: STRICT((args, cx) => list(args[0], cx, 'tolist')),
  toset: STRICT((args, cx) => FUNCTIONS.distinct!([list(args[0], cx, 'toset')], cx)),
  tomap: STRICT((args, cx) => obj(args[0], cx, 'tomap')),
  tostring: STRICT((args, cx) => (args[0] === null ? null : toStr(args[0], cx.at))),
  tonumber: STRICT((args, cx) => (args[0] === null ? null : toNum(args[0], cx.at))),
  tobool: STRICT((args, cx) => (args[0] === null ? null : toBool(args[0], cx.at))),
  // Strings
  format: STRICT((args, cx) => format(toStr(args[0], cx.at), args.slice(1), cx)),
  formatlist: STRICT((args, cx) => {
    const spec = toStr(args[0], cx.at);
    const n = Math.max(1, ...args.slice(1).map((a) => (Array.isArray(a) ? a.length : 1)));
    return Array.from({ length: n }, (_, i) => format(spec, args.slice(1).map((a) => (Array.isArray(a) ? a[i] : a)), cx));
  }),
  join: STRICT((args, cx) => args.slice(1).flatMap((a) => list(a, cx, 'join')).map((x) => toStr(x, cx.at)).join(toStr(args[0], cx.at))),
  split: STRICT((args, cx) => toStr(args[1], cx.at).split(toStr(args[0], cx.at))),
  lower: STRICT((args, cx) => toStr(args[0], cx.at).toLowerCase()),
  upper: STRICT((args, cx) => toStr(args[0], cx.at).toUpperCase()),
  title: STRICT((args, cx) => toStr(args[0], cx.at).replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: STRICT((args, cx) => toStr(args[0], cx.at).trim()),
  trim: STRICT((args, cx) => {
    const s = toStr(args[0], cx.at);
    const chars = new Set(toStr(args[1], cx.at));
    let a = 0;
    let b = s.length;
    while (a < b && chars.has(s[a]!)) a++;
    while (b > a && chars.has(s[b - 1]!)) b--;
    return s.slice(a, b);
  }),
  trimprefix: STRICT((args, cx) => {
    const s = toStr(args[0], cx.at);
    const p = toStr(args[1], cx.at);
    return s.startsWith(p) ? s.slice(p.length) : s;
  }),
  trimsuffix: STRICT((args, cx) => {
    const s = toStr(args[0], cx.at);
    const p = toStr(args[1], cx.at);
    return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
  }),
  replace: STRICT((args, cx) => {
    const s = toStr(args[0], cx.at);
    const find = toStr(args[1], cx.at);
    const by = toStr(args[2], cx.at);
    const re = /^\/(.*)\/$/.exec(find);
    return re ? s.replace(new RegExp(re[1]!, 'g'), by.replace(/\$\{(\w+)\}/g, '$$<$1>')) : s.split(find).join(by);
  }),
  substr: STRICT((args, cx) => {
    const s = [...toStr(args[0], cx.at)];
    const off = toNum(args[1], cx.at);
    const len = toNum(args[2], cx.at);
    const start = off < 0 ? s.length + off : off;
    return s.slice(start, len < 0 ? undefined : start + len).join('');
  }),
  startswith: STRICT((args, cx) => toStr(args[0], cx.at).startsWith(toStr(args[1], cx.at))),
  endswith: STRICT((args, cx) => toStr(args[0], cx.at).endsWith(toStr(args[1], cx.at))),
  strcontains: STRICT((args, cx) => toStr(args[0], cx.at).includes(toStr(args[1], cx.at))),
  chomp: STRICT((args, cx) => toStr(args[0], cx.at).replace(/[\r\n]+$/, '')),
  indent: STRICT((args, cx) => toStr(args[1], cx.at).split('\n').map((l, i) => (i ? ' '.repeat(toNum(args[0], cx.at)) + l : l)).join('\n')),
  regex: STRICT((args, cx) => {
    const m = new RegExp(toStr(args[0], cx.at)).exec(toStr(args[1], cx.at));
    if (!m) throw new EvalError('regex(): no match', cx.at);
    if (m.groups) return { ...m.groups };
    return m.length > 1 ? m.slice(1) : m[0];
  }),
  can: (args) => !isUnknown(args[0]),
  base64encode: STRICT((args, cx) => Buffer.from(toStr(args[0], cx.at)).toString('base64')),
  base64decode: STRICT((args, cx) => Buffer.from(toStr(args[0], cx.at), 'base64').toString('utf8')),
  // Numbers
  min: STRICT((args, cx) => Math.min(...args.map((a) => toNum(a, cx.at)))),
  max: STRICT((args, cx) => Math.max(...args.map((a) => toNum(a, cx.at)))),
  abs: STRICT((args, cx) => Math.abs(toNum(args[0], cx.at))),
  ceil: STRICT((args, cx) => Math.ceil(toNum(args[0], cx.at))),
  floor: STRICT((args, cx) => Math.floor(toNum(args[0], cx.at))),
  pow: STRICT((args, cx) => toNum(args[0], cx.at) ** toNum(args[1], cx.at)),
  parseint: STRICT((args, cx) => parseInt(toStr(args[0], cx.at), toNum(args[1], cx.at))),
  signum: STRICT((args, cx) => Math.sign(toNum(args[0], cx.at))),
  // Encoding
  jsonencode: (args, cx) => jsonEncode(args[0], cx.at),
  jsondecode: STRICT((args, cx) => {
    try {
      return JSON.parse(toStr(args[0], cx.at)) as TfValue;
    } catch (e) {
      throw new EvalError(`jsondecode(): ${(e as Error).message}`, cx.at);
    }
  }),
  // Network
  cidrsubnet: STRICT((args, cx) => cidrsubnet(toStr(args[0], cx.at), toNum(args[1], cx.at), toNum(args[2], cx.at), cx)),
  // Files, relative to the module
  file: STRICT((args, cx) => {
    const p = resolve(cx.moduleDir, toStr(args[0], cx.at));
    try {
      return readFileSync(p, 'utf8');
    } catch {
      throw new EvalError(`file(): cannot read ${p}`, cx.at);
    }
  }),
  fileexists: STRICT((args, cx) => existsSync(resolve(cx.moduleDir, toStr(args[0], cx.at)))),
  templatefile: (args, cx) => {
    const [path, vars] = args;
    if (isUnknown(path)) return path;
    const p = resolve(cx.moduleDir, toStr(path, cx.at));
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      throw new EvalError(`templatefile(): cannot read ${p}`, cx.at);
    }
    return cx.renderTemplate(text, isRecord(vars) ? vars : {}, p);
  },
  basename: STRICT((args, cx) => basename(toStr(args[0], cx.at))),
  dirname: STRICT((args, cx) => dirname(toStr(args[0], cx.at))),
  abspath: STRICT((args, cx) => resolve(cx.moduleDir, toStr(args[0], cx.at))),
  pathexpand: STRICT((args, cx) => toStr(args[0], cx.at)),
};

/** Functions whose results exist only at apply time (clocks, randomness, hashes of apply-time data). */
export const APPLY_TIME = new Set(['timestamp', 'uuid', 'uuidv5', 'bcrypt', 'plantimestamp']);

/** coalesce() and try() need their arguments' errors and unknowns: the evaluator calls these itself. */
export function coalesce(args: TfValue[]): TfValue {
  for (const a of args) {
    if (isUnknown(a)) return a;
    if (a !== null && a !== '') return a;
  }
  return null;
}

