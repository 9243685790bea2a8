/**
 * Parses and normalises a policy document ("IAM JSON policy element reference", "Grammar of the
 * IAM JSON policy language"): string or array forms, one Statement or many, Not* elements,
 * Version 2008-10-17 (variables read literally) and 2012-10-17.
 *
 * parsePolicy never throws: it returns a ParsedPolicy or a PolicyParseError listing every problem.
 * Anything AWS itself would refuse (an unknown element, an unknown operator) is an error, because
 * skipping it could silently widen or narrow access (a misspelt "Conditions" would drop a restriction).
 */
import { PolicyParseError } from './errors.js';
import { parseDate } from './dates.js';
import { parseCidr } from './ip.js';
import { allowsVariables, parseOperatorName } from './operators.js';
import type {
  ParsedCondition,
  ParsedPolicy,
  ParsedStatement,
  PatternList,
  PolicySource,
  PolicyVersion,
  PrincipalList,
  PrincipalValue,
} from './types.js';
import { parseTemplate } from './variables.js';
import { makePattern, type Pattern } from './wildcard.js';

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);
const POLICY_KEYS = new Set(['Version', 'Id', 'Statement']);
const NO_PRINCIPAL_TYPES = new Set(['identity', 'boundary', 'scp', 'session']);
const PRINCIPAL_REQUIRED_TYPES = new Set(['resource', 'trust']);

/** Condition keys whose value depends on who calls: policies using them are evaluated per principal. */
export function isPrincipalKey(keyLower: string): boolean {
  return keyLower.startsWith('aws:principal') || keyLower === 'aws:username' || keyLower === 'aws:userid';
}

/**
 * A copy of an array grown by push, sized to its contents. Arrays grown from [] reserve room for
 * 17 elements; parsed policies live as long as the scan, and a large account holds hundreds of
 * thousands of these small lists.
 */
const fit = <T>(xs: T[]): T[] => (xs.length ? xs.slice() : xs);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Accepts an object, JSON text, or URL-encoded JSON text (as IAM's APIs return it). */
function toObject(doc: unknown, problems: string[]): Record<string, unknown> | undefined {
  let value: unknown = doc;
  if (typeof doc === 'string') {
    let text = doc.trim();
    if (text.startsWith('%7B') || text.startsWith('%7b')) {
      try {
        text = decodeURIComponent(text);
      } catch {
        problems.push('the document looks URL-encoded but does not decode');
        return undefined;
      }
    }
    try {
      value = JSON.parse(text) as Json;
    } catch (e) {
      problems.push(`malformed JSON: ${(e as Error).message}`);
      return undefined;
    }
  }
  if (!isObject(value)) {
    problems.push(`a policy must be a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    return undefined;
  }
  return value;
}

/**
 * The statement being parsed, for problem messages. The label is built only when there is a
 * problem: a large account's policies hold hundreds of thousands of statements that have none.
 * (parsePolicy is synchronous and not re-entered, so one current statement is enough.)
 */
let atIndex = 0;
let atSid: unknown;

/** "statement 2 (AllowRead) Action"; `withSid` false gives "statement 2" (before the Sid is checked). */
function at(element?: string, withSid = true): string {
  const sid = withSid && typeof atSid === 'string' && atSid ? ` (${atSid})` : '';
  return `statement ${atIndex}${sid}${element ? ` ${element}` : ''}`;
}

function stringList(v: unknown, element: string, problems: string[]): string[] | undefined {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) {
    problems.push(`${at(element)} is an empty list`);
    return undefined;
  }
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') {
      problems.push(`${at(element)} must be a string or a list of strings`);
      return undefined;
    }
  }
  return list as string[];
}

function patternList(
  value: unknown,
  negated: boolean,
  element: string,
  kind: 'action' | 'resource',
  variables: boolean,
  problems: string[],
): PatternList | undefined {
  const list = stringList(value, element, problems);
  if (!list) return undefined;
  if (kind === 'resource') {
    if (!negated && list.length === 1 && list[0] === '*') return ANY_RESOURCE_LIST;
    // Without policy variables a Resource value cannot be malformed: its patterns can wait until used.
    if (!variables || !list.some((r) => r.includes('${'))) return new LazyPatternList(negated, list);
  }
  if (kind === 'action') return actionList(list, negated, element, problems);
  const patterns = [];
  for (const raw of list) {
    const p = makePattern(raw, variables);
    if (typeof p === 'string') problems.push(`${at(element)}: ${p}`);
    else patterns.push(p);
  }
  return { negated, patterns: fit(patterns) };
}

function actionPattern(raw: string): Pattern | string {
  let p = actionPatterns.get(raw);
  if (p === undefined) {
    if (actionPatterns.size >= 100_000) actionPatterns.clear();
    actionPatterns.set(raw, (p = validateAction(raw) ?? makePattern(raw, false)));
  }
  return p;
}

/**
 * A Resource / NotResource list whose patterns are made on first use: a large account holds
 * hundreds of thousands of them, and a who-can question looks at the few whose Action matches.
 */
class LazyPatternList implements PatternList {
  readonly #raw: readonly string[];
  #patterns: Pattern[] | undefined;
  constructor(
    readonly negated: boolean,
    raw: readonly string[],
  ) {
    this.#raw = raw;
  }
  get patterns(): Pattern[] {
    return (this.#patterns ??= Object.freeze(this.#raw.map((r) => makePattern(r, false) as Pattern)) as Pattern[]);
  }
}

/**
 * Action lists recur (the same idioms in policy after policy): one shared list per sequence of
 * patterns, found through a trie keyed by the (shared) pattern objects: no string to build or
 * hash, and no array made unless the list is new.
 */
interface ListNode {
  next?: Map<Pattern, ListNode>;
  plain?: PatternList;
  negated?: PatternList;
}
const actionLists: ListNode = {};
let actionListCount = 0;

function actionList(list: readonly string[], negated: boolean, element: string, problems: string[]): PatternList | undefined {
  if (actionListCount >= 100_000) {
    actionLists.next = undefined;
    actionListCount = 0;
  }
  let node: ListNode | undefined = actionLists;
  for (let i = 0; i < list.length; i++) {
    const p = actionPattern(list[i] as string);
    if (typeof p === 'string') {
      problems.push(`${at(element)}: ${p}`);
      node = undefined;
      continue;
    }
    if (!node) continue;
    node.next ??= new Map();
    let child = node.next.get(p);
    if (!child) node.next.set(p, (child = {}));
    node = child;
  }
  if (!node) return { negated, patterns: [] }; // the problems say why; the policy is rejected
  const known = negated ? node.negated : node.plain;
  if (known) return known;
  // Shared by many statements: frozen, so that no caller can change them all by accident.
  const out: PatternList = Object.freeze({ negated, patterns: Object.freeze(list.map((raw) => actionPattern(raw) as Pattern)) as Pattern[] });
  if (negated) node.negated = out;
  else node.plain = out;
  actionListCount++;
  return out;
}

// Patterns are immutable. Action strings ("s3:Get*", "iam:PassRole") recur across thousands of
// policies and are few: one object per string, validated once. Resource strings are mostly
// distinct (ARNs): a table of them would cost more than it saves, except for "*".
const actionPatterns = new Map<string, Pattern | string>();
const ANY_RESOURCE_LIST: PatternList = Object.freeze({ negated: false, patterns: Object.freeze([makePattern('*', false) as Pattern]) as Pattern[] });

const ACTION_FORM = /^[^:\s]+:[^:\s]*$/;

function validateAction(a: string): string | undefined {
  if (a === '*' || ACTION_FORM.test(a)) return undefined;
  return `"${a}" is not of the form service:action`;
}

function principalList(value: unknown, negated: boolean, element: string, problems: string[]): PrincipalList | undefined {
  if (value === '*') return { negated, values: [{ type: 'any' }] };
  if (!isObject(value)) {
    problems.push(`${at(element)} must be "*" or an object such as {"AWS": ...}`);
    return undefined;
  }
  const values: PrincipalValue[] = [];
  for (const [kind, v] of Object.entries(value)) {
    const list = stringList(v, `${element}.${kind}`, problems);
    if (!list) continue;
    for (const s of list) {
      if (kind === 'AWS') values.push(s === '*' ? { type: 'any' } : { type: 'aws', value: s });
      else if (kind === 'Service') values.push({ type: 'service', value: s });
      else if (kind === 'Federated') values.push({ type: 'federated', value: s });
      else if (kind === 'CanonicalUser') values.push({ type: 'canonical', value: s });
      else {
        problems.push(`${at(element)} has an unknown principal type "${kind}"`);
        break;
      }
    }
  }
  return { negated, values: fit(values) };
}

function conditionValueText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function validateConditionValue(c: ParsedCondition, value: string, variables: boolean): string | undefined {
  if (variables && allowsVariables(c.base)) {
    const parts = parseTemplate(value, { variables: true, wildcards: false });
    if (typeof parts === 'string') return parts;
    if (parts.some((p) => p.t === 'var')) return undefined; // checked once substituted
  }
  if (c.base.startsWith('Numeric')) return Number.isFinite(Number(value)) && value.trim() !== '' ? undefined : `"${value}" is not a number`;
  if (c.base.startsWith('Date')) return parseDate(value) === undefined ? `"${value}" is not an ISO 8601 date or epoch time` : undefined;
  if (c.base === 'IpAddress' || c.base === 'NotIpAddress') return parseCidr(value) ? undefined : `"${value}" is not an IP address or CIDR range`;
  if (c.base === 'Bool' || c.base === 'Null') return /^(true|false)$/i.test(value) ? undefined : `"${value}" is not true or false`;
  if (c.base === 'BinaryEquals') return /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? undefined : `"${value}" is not base-64`;
  return undefined;
}

const NO_WARNINGS = Object.freeze([]) as unknown as string[];

/** Most statements have no Condition: they share one empty list (parsed policies are never changed). */
const NO_CONDITIONS = Object.freeze([]) as unknown as ParsedCondition[];

function parseConditions(value: unknown, variables: boolean, problems: string[]): ParsedCondition[] {
  if (value === undefined) return NO_CONDITIONS;
  if (!isObject(value)) {
    problems.push(`${at()}: Condition must be an object`);
    return [];
  }
  const out: ParsedCondition[] = [];
  for (const operator in value) {
    const block = value[operator];
    const op = parseOperatorName(operator);
    if (typeof op === 'string') {
      problems.push(`${at()}: ${op}`);
      continue;
    }
    if (!isObject(block)) {
      problems.push(`${at()}: ${operator} must map condition keys to values`);
      continue;
    }
    for (const key in block) {
      const raw = block[key];
      const list = Array.isArray(raw) ? raw : [raw];
      const values: string[] = [];
      for (const v of list) {
        const text = conditionValueText(v);
        if (text === undefined) problems.push(`${at()}: ${operator} ${key}: values must be strings, numbers or booleans`);
        else values.push(text);
      }
      const c: ParsedCondition = { operator, base: op.base, setOperator: op.setOperator, ifExists: op.ifExists, key, keyLower: key.toLowerCase(), values: fit(values) };
      for (const v of values) {
        const bad = validateConditionValue(c, v, variables);
        if (bad) problems.push(`${at()}: ${operator} ${key}: ${bad}`);
      }
      out.push(c);
    }
  }
  return fit(out);
}

function parseStatement(
  raw: unknown,
  index: number,
  source: PolicySource,
  variables: boolean,
  problems: string[],
  warnings: string[],
): ParsedStatement | undefined {
  atIndex = index;
  atSid = undefined;
  if (!isObject(raw)) {
    problems.push(`${at()} must be an object`);
    return undefined;
  }
  const before = problems.length;
  for (const k in raw) if (!STATEMENT_KEYS.has(k)) problems.push(`${at()}: unknown element "${k}"`);
  const sid = raw.Sid;
  if (sid !== undefined && typeof sid !== 'string') problems.push(`${at()}: Sid must be a string`);
  atSid = sid;
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') problems.push(`${at()}: Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`);

  const hasA = raw.Action !== undefined;
  const hasNA = raw.NotAction !== undefined;
  if (hasA === hasNA) problems.push(`${at()}: needs exactly one of Action and NotAction`);
  const actions = hasA || hasNA
    ? patternList(hasA ? raw.Action : raw.NotAction, hasNA, hasA ? 'Action' : 'NotAction', 'action', false, problems)
    : undefined;

  const hasR = raw.Resource !== undefined;
  const hasNR = raw.NotResource !== undefined;
  if (hasR && hasNR) problems.push(`${at()}: has both Resource and NotResource`);
  const resources =
    hasR || hasNR
      ? patternList(hasR ? raw.Resource : raw.NotResource, hasNR, hasR ? 'Resource' : 'NotResource', 'resource', variables, problems)
      : undefined;
  if (!hasR && !hasNR && source.type !== 'trust' && source.type !== 'resource')
    problems.push(`${at()}: needs a Resource or NotResource element`);

  const hasP = raw.Principal !== undefined;
  const hasNP = raw.NotPrincipal !== undefined;
  if (hasP && hasNP) problems.push(`${at()}: has both Principal and NotPrincipal`);
  if ((hasP || hasNP) && NO_PRINCIPAL_TYPES.has(source.type))
    problems.push(`${at()}: ${hasP ? 'Principal' : 'NotPrincipal'} is not allowed in a${source.type === 'identity' ? 'n identity-based' : ` ${source.type}`} policy`);
  if (!hasP && !hasNP && PRINCIPAL_REQUIRED_TYPES.has(source.type))
    problems.push(`${at()}: a ${source.type} policy statement needs Principal or NotPrincipal`);
  const principals = hasP || hasNP ? principalList(hasP ? raw.Principal : raw.NotPrincipal, hasNP, hasP ? 'Principal' : 'NotPrincipal', problems) : undefined;
  if (hasNP && effect === 'Allow') warnings.push(`${at()}: NotPrincipal with Allow grants access to everyone not listed, anonymous users included`);

  const conditions = parseConditions(raw.Condition, variables, problems);
  if (problems.length > before || !actions || (effect !== 'Allow' && effect !== 'Deny')) return undefined;

  const principalDependent =
    !!principals ||
    (!!resources && !(resources instanceof LazyPatternList) && resources.patterns.some((p) => p.hasVariables)) ||
    conditions.some(
      (c) => isPrincipalKey(c.keyLower) || (variables && allowsVariables(c.base) && c.values.some((v) => v.includes('${'))),
    );
  // Every statement has the same fields, in the same order: one object shape, so that property
  // reads stay fast where statements are evaluated, and no property storage grows after creation.
  const st: ParsedStatement = {
    index,
    sid: typeof sid === 'string' ? sid : undefined,
    effect,
    actions,
    resources,
    principals,
    conditions,
    principalDependent,
  };
  return st;
}

/** Parses a policy document. Returns a PolicyParseError (never throws) when it cannot be evaluated. */
export function parsePolicy(doc: unknown, source: PolicySource): ParsedPolicy | PolicyParseError {
  const problems: string[] = [];
  const warnings: string[] = [];
  const obj = toObject(doc, problems);
  if (!obj) return new PolicyParseError(source, problems);
  for (const k in obj) if (!POLICY_KEYS.has(k)) problems.push(`unknown top-level element "${k}"`);
  let version: PolicyVersion = '2008-10-17';
  const versionMissing = obj.Version === undefined;
  if (obj.Version === '2012-10-17' || obj.Version === '2008-10-17') version = obj.Version;
  else if (!versionMissing) problems.push(`Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(obj.Version)}`);
  if (versionMissing) warnings.push('no Version element: AWS applies 2008-10-17 rules, so policy variables are read as literal text');
  if (obj.Id !== undefined && typeof obj.Id !== 'string') problems.push('Id must be a string');
  const rawStatements = obj.Statement;
  if (rawStatements === undefined) problems.push('the policy has no Statement');
  const list = rawStatements === undefined ? [] : Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const variables = version === '2012-10-17';
  // Sized once: a statement that does not parse leaves a problem, and then no policy is returned.
  const statements = new Array<ParsedStatement>(list.length);
  for (let i = 0; i < list.length; i++) {
    const st = parseStatement(list[i] as unknown, i, source, variables, problems, warnings);
    if (st) statements[i] = st;
  }
  if (problems.length) return new PolicyParseError(source, problems);
  const out: ParsedPolicy = { source, version, versionMissing, id: typeof obj.Id === 'string' ? obj.Id : undefined, statements, warnings: warnings.length ? warnings : NO_WARNINGS };
  return out;
}
