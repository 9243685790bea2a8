/**
 * Who can perform an action, over an IamView: every user (its own policies and its groups'),
 * every role, evaluated with the engine, permissions boundaries included.
 *
 * MFA: AWS leaves aws:MultiFactorAuthPresent out of requests signed with long-term access keys and
 * sets it to false for temporary credentials obtained without MFA (IAM User Guide, global condition
 * keys). "Without MFA" therefore evaluates both and is allowed when either is: a Deny on
 * {"Bool": {"aws:MultiFactorAuthPresent": "false"}} does not stop access keys.
 *
 * Speed: a policy's verdict is the same for every principal unless it uses policy variables or
 * principal keys (aws:username, aws:PrincipalTag/...), so verdicts are cached per policy and
 * per MFA variant; statements are indexed by service prefix (see evaluate.ts).
 */
import { isPolicyParseError } from './errors.js';
import { decide, evaluatePolicy, statementsFor, type EvaluatedSet, type PolicyEval } from './evaluate.js';
import { isUnknownDoc, type IamView, type IamViewGroup, type IamViewPolicy, type IamViewPrincipal, type IamViewUser } from './iam-view.js';
import { parsePolicy } from './parse.js';
import { principalFromArn } from './principal.js';
import { prepareRequest } from './statement.js';
import type { ContextValue, Decision, MaybeUnknownPolicy, ParsedPolicy, PolicySource, Request, TraceEntry, UnknownValue } from './types.js';

export type Allowed = boolean | 'undecided' | 'not-evaluated';

export interface WhoCanQuery {
  action: string;
  resource?: string;
  /** The resource's account (defaults to the view's account). */
  resourceAccount?: string;
  /** The resource's own policy (bucket policy...), when the question is about one resource. */
  resourcePolicy?: unknown;
  /** Extra request context (aws:SourceIp, aws:RequestedRegion...). */
  context?: Record<string, ContextValue>;
  /** true: only with MFA; false: only without; 'both' (default). */
  mfa?: boolean | 'both';
  /** aws:MultiFactorAuthAge in seconds for the "with MFA" evaluation (default 0: just signed in). */
  mfaAgeSeconds?: number;
  /** Keys the context does not give: 'unknown' (default: conditions on them make answers undecided) or 'absent'. */
  missingKeys?: 'absent' | 'unknown';
  /** List every principal, not only those allowed or undecided. */
  includeDenied?: boolean;
}

export interface WhoCanVia {
  policy: string;
  arn?: string;
  kind: 'managed' | 'inline' | 'resource';
  attachedTo: 'user' | 'group' | 'role' | 'resource';
  group?: string;
  statementIndex: number;
  sid?: string;
}

export interface WhoCanResult {
  principal: string;
  name: string;
  /** 'group-member': a user allowed only through its groups' policies. */
  kind: 'user' | 'role' | 'group-member';
  groups: string[];
  via: WhoCanVia[];
  allowedWithoutMfa: Allowed;
  allowedWithMfa: Allowed;
  undecidedBecause?: string[];
  decisions: { withMfa?: Decision; withoutMfa?: Decision };
}

type Variant = 'mfa' | 'no-mfa-keys' | 'no-mfa-session';

/** Per-view state: parsed policies, so repeated queries skip parsing. */
const parsedByView = new WeakMap<IamView, Map<string, MaybeUnknownPolicy>>();

function parsedFor(view: IamView, key: string, ref: IamViewPolicy, source: PolicySource): MaybeUnknownPolicy {
  let cache = parsedByView.get(view);
  if (!cache) parsedByView.set(view, (cache = new Map()));
  let p = cache.get(key);
  if (!p) {
    if (isUnknownDoc(ref.document)) p = { source, unknownBecause: ref.document.unknownBecause };
    else {
      const r = parsePolicy(ref.document, source);
      p = isPolicyParseError(r) ? { source, unknownBecause: r.message } : r;
    }
    cache.set(key, p);
  }
  return p;
}

function sourceOf(ref: IamViewPolicy, type: PolicySource['type'], attachedTo: string, group?: string): PolicySource {
  const s: PolicySource = { type, name: ref.name, kind: ref.kind, attachedTo };
  if (ref.arn) s.arn = ref.arn;
  if (group) s.group = group;
  return s;
}

function unknownList(owner: string, why: UnknownValue): MaybeUnknownPolicy {
  return { source: { type: 'identity', name: `policies of ${owner}`, attachedTo: owner }, unknownBecause: why.unknownBecause };
}

/** The identity-based policies of a principal (a user's include its groups'). */
function identityPolicies(view: IamView, p: IamViewPrincipal, groupsByName: Map<string, IamViewGroup>, groups: string[] | UnknownValue | undefined): MaybeUnknownPolicy[] {
  const out: MaybeUnknownPolicy[] = [];
  const addAll = (owner: string, list: IamViewPolicy[] | UnknownValue, group?: string): void => {
    if (isUnknownDoc(list)) {
      out.push(unknownList(owner, list));
      return;
    }
    for (const ref of list) {
      // Managed policies are shared: one parse per policy ARN (per group, for the trace).
      const key = ref.kind === 'managed' && ref.arn ? `m|${group ?? ''}|${ref.arn}` : `i|${owner}|${ref.name}`;
      out.push(parsedFor(view, key, ref, sourceOf(ref, 'identity', owner, group)));
    }
  };
  addAll(p.arn, p.policies);
  if (groups === undefined) return out;
  if (isUnknownDoc(groups)) {
    out.push(unknownList(`groups of ${p.arn}`, groups));
    return out;
  }
  for (const name of groups) {
    const g = groupsByName.get(name);
    if (!g) out.push({ source: { type: 'identity', name: `policies of group ${name}`, group: name }, unknownBecause: `group ${name} is not in the inventory` });
    else addAll(g.arn, g.policies, g.name);
  }
  return out;
}

function variantContext(v: Variant, age: number): Record<string, ContextValue> {
  // An empty list is "absent" even when missing keys are treated as unknown.
  if (v === 'mfa') return { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': age };
  if (v === 'no-mfa-session') return { 'aws:MultiFactorAuthPresent': false, 'aws:MultiFactorAuthAge': [] };
  return { 'aws:MultiFactorAuthPresent': [], 'aws:MultiFactorAuthAge': [] };
}

function principalKeys(p: IamViewPrincipal, isUser: boolean): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  // A role's aws:userid includes the session name, which the inventory cannot know.
  if (isUser && p.id) ctx['aws:userid'] = p.id;
  else if (!isUser) ctx['aws:userid'] = { unknownBecause: 'a role session name is chosen at AssumeRole time' };
  for (const [k, v] of Object.entries(p.tags ?? {})) ctx[`aws:PrincipalTag/${k}`] = v;
  return ctx;
}

/** Tag keys we know all of: a tag the principal does not have is absent, not unknown. */
function withKnownTags(base: Record<string, ContextValue>, missingKeys: 'absent' | 'unknown'): Request['context'] {
  return base;
  void missingKeys;
}

interface Evaluator {
  run(p: IamViewPrincipal, identity: MaybeUnknownPolicy[], boundary: MaybeUnknownPolicy | undefined, variant: Variant, isUser: boolean): Decision;
}

function makeEvaluator(view: IamView, q: WhoCanQuery): Evaluator {
  const caches = new Map<Variant, Map<MaybeUnknownPolicy, PolicyEval>>();
  const resourcePolicy: MaybeUnknownPolicy | undefined =
    q.resourcePolicy === undefined
      ? undefined
      : isUnknownDoc(q.resourcePolicy)
        ? { source: { type: 'resource', name: 'resource policy' }, unknownBecause: q.resourcePolicy.unknownBecause }
        : (() => {
            const r = parsePolicy(q.resourcePolicy, { type: 'resource', name: 'resource policy', ...(q.resource ? { attachedTo: q.resource } : {}) });
            return isPolicyParseError(r) ? { source: r.source ?? { type: 'resource' as const, name: 'resource policy' }, unknownBecause: r.message } : r;
          })();
  const scps: MaybeUnknownPolicy[][] = (view.scps ?? []).map((level, i) =>
    level.map((ref) => parsedFor(view, `scp|${i}|${ref.arn ?? ref.name}`, ref, sourceOf(ref, 'scp', view.accountId))),
  );
  const age = q.mfaAgeSeconds ?? 0;
  const missingKeys = q.missingKeys ?? 'unknown';

  const cacheable = (p: MaybeUnknownPolicy): boolean =>
    'unknownBecause' in p || !statementsFor(p as ParsedPolicy, q.action).some((st) => st.principalDependent);

  return {
    run(p, identity, boundary, variant, isUser) {
      const context = { ...(q.context ?? {}), ...variantContext(variant, age), ...principalKeys(p, isUser) };
      const req: Request = { principal: principalFromArn(p.arn), action: q.action, context: withKnownTags(context, missingKeys), missingKeys, knownKeyPrefixes: ['aws:principaltag/'] };
      if (q.resource) req.resource = q.resource;
      const prep = prepareRequest(req, !!boundary);
      let cache = caches.get(variant);
      if (!cache) caches.set(variant, (cache = new Map()));
      const ev = (pol: MaybeUnknownPolicy): PolicyEval => {
        if (!cacheable(pol)) return evaluatePolicy(pol, prep);
        let e = (cache as Map<MaybeUnknownPolicy, PolicyEval>).get(pol);
        if (!e) (cache as Map<MaybeUnknownPolicy, PolicyEval>).set(pol, (e = evaluatePolicy(pol, prep)));
        return e;
      };
      const set: EvaluatedSet = {
        identity: identity.map(ev),
        resource: resourcePolicy ? [evaluatePolicy(resourcePolicy, prep)] : [],
        scps: scps.map((level) => level.map(ev)),
        rcps: [],
        session: [],
        resourcePolicyRequired: false,
      };
      if (boundary) set.boundary = ev(boundary);
      return decide(prep, set, q.resourceAccount ?? view.accountId);
    },
  };
}

const asAllowed = (d: Decision | undefined): Allowed =>
  !d ? 'not-evaluated' : d.decision === 'allow' ? true : d.decision === 'undecided' ? 'undecided' : false;

/** The better of the two "without MFA" answers (access keys, or a session without MFA). */
function bestOf(a: Decision, b: Decision): Decision {
  const rank = (d: Decision): number => (d.decision === 'allow' ? 2 : d.decision === 'undecided' ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
}

function viaOf(trace: TraceEntry[], attachedTo: 'user' | 'role'): WhoCanVia[] {
  const seen = new Set<string>();
  const out: WhoCanVia[] = [];
  for (const t of trace) {
    if (t.effect !== 'Allow' || (t.role !== 'identity-allow' && t.role !== 'resource-allow')) continue;
    const k = `${t.policy.type}|${t.policy.group ?? ''}|${t.policy.arn ?? t.policy.name}|${t.statementIndex}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const v: WhoCanVia = {
      policy: t.policy.name,
      kind: t.policy.type === 'resource' ? 'resource' : (t.policy.kind ?? 'inline'),
      attachedTo: t.policy.type === 'resource' ? 'resource' : t.policy.group ? 'group' : attachedTo,
      statementIndex: t.statementIndex,
    };
    if (t.policy.arn) v.arn = t.policy.arn;
    if (t.policy.group) v.group = t.policy.group;
    if (t.sid) v.sid = t.sid;
    out.push(v);
  }
  return out;
}

function boundaryOf(view: IamView, p: IamViewPrincipal): MaybeUnknownPolicy | undefined {
  const b = p.permissionsBoundary;
  if (!b) return undefined;
  return parsedFor(view, `b|${b.arn ?? p.arn + '|' + b.name}`, b, sourceOf(b, 'boundary', p.arn));
}

/** Who can perform `query.action` (on `query.resource`): users, group members and roles. */
export function whoCan(inv: IamView, query: WhoCanQuery): WhoCanResult[] {
  const groupsByName = new Map(inv.groups.map((g) => [g.name, g]));
  const evaluator = makeEvaluator(inv, query);
  const mfa = query.mfa ?? 'both';
  const results: WhoCanResult[] = [];

  const one = (p: IamViewPrincipal, isUser: boolean): void => {
    const groups = isUser ? (p as IamViewUser).groups : undefined;
    const identity = identityPolicies(inv, p, groupsByName, groups);
    const boundary = boundaryOf(inv, p);
    const decisions: WhoCanResult['decisions'] = {};
    if (mfa !== false) decisions.withMfa = evaluator.run(p, identity, boundary, 'mfa', isUser);
    if (mfa !== true) {
      const keys = evaluator.run(p, identity, boundary, 'no-mfa-keys', isUser);
      decisions.withoutMfa = keys.decision === 'allow' ? keys : bestOf(keys, evaluator.run(p, identity, boundary, 'no-mfa-session', isUser));
    }
    const withMfa = asAllowed(decisions.withMfa);
    const withoutMfa = asAllowed(decisions.withoutMfa);
    if (!query.includeDenied && withMfa !== true && withMfa !== 'undecided' && withoutMfa !== true && withoutMfa !== 'undecided') return;
    const main = [decisions.withoutMfa, decisions.withMfa].find((d) => d?.decision === 'allow') ?? decisions.withMfa ?? decisions.withoutMfa;
    const via = viaOf(main?.trace ?? [], isUser ? 'user' : 'role');
    const identityVia = via.filter((v) => v.attachedTo !== 'resource');
    const kind: WhoCanResult['kind'] = !isUser ? 'role' : identityVia.length && identityVia.every((v) => v.group) ? 'group-member' : 'user';
    const r: WhoCanResult = {
      principal: p.arn,
      name: p.name,
      kind,
      groups: Array.isArray(groups) ? groups : [],
      via,
      allowedWithoutMfa: withoutMfa,
      allowedWithMfa: withMfa,
      decisions,
    };
    const why = [...(decisions.withMfa?.undecidedBecause ?? []), ...(decisions.withoutMfa?.undecidedBecause ?? [])];
    if (why.length) r.undecidedBecause = [...new Set(why)];
    results.push(r);
  };

  for (const u of inv.users) one(u, true);
  for (const r of inv.roles) one(r, false);
  return results;
}

export interface AdministratorStatus {
  admin: boolean | 'undecided';
  /** Which question made it so: every action, or every IAM action, on every resource. */
  because?: 'all-actions' | 'iam-actions';
  decisions: Decision[];
}

/**
 * Is the principal an administrator: allowed "*" on "*", or "iam:*" on "*" (which lets it grant
 * itself anything), as the engine evaluates it? An Allow must cover every action and resource;
 * a Deny that removes only some named actions does not change the answer. Evaluated with MFA.
 */
export function administratorStatus(principal: string | IamViewPrincipal, inv: IamView): AdministratorStatus {
  const arn = typeof principal === 'string' ? principal : principal.arn;
  const user = inv.users.find((u) => u.arn === arn);
  const p: IamViewPrincipal | undefined = user ?? inv.roles.find((r) => r.arn === arn) ?? (typeof principal === 'string' ? undefined : principal);
  if (!p) return { admin: 'undecided', decisions: [] };
  const groupsByName = new Map(inv.groups.map((g) => [g.name, g]));
  const identity = identityPolicies(inv, p, groupsByName, user ? user.groups : undefined);
  const boundary = boundaryOf(inv, p);
  const decisions: Decision[] = [];
  let undecided = false;
  for (const [action, because] of [
    ['*', 'all-actions'],
    ['iam:*', 'iam-actions'],
  ] as const) {
    const req: Request = {
      principal: principalFromArn(p.arn),
      action,
      resource: '*',
      wildcards: 'cover',
      missingKeys: 'unknown',
      knownKeyPrefixes: ['aws:principaltag/'],
      context: { ...variantContext('mfa', 0), ...principalKeys(p, !!user) },
    };
    const prep = prepareRequest(req, !!boundary);
    const set: EvaluatedSet = {
      identity: identity.map((pol) => evaluatePolicy(pol, prep)),
      resource: [],
      scps: [],
      rcps: [],
      session: [],
      resourcePolicyRequired: false,
    };
    if (boundary) set.boundary = evaluatePolicy(boundary, prep);
    const d = decide(prep, set, inv.accountId);
    decisions.push(d);
    if (d.decision === 'allow') return { admin: true, because, decisions };
    if (d.decision === 'undecided') undecided = true;
  }
  return { admin: undecided ? 'undecided' : false, decisions };
}

/** True only when the principal is certainly an administrator (see administratorStatus for 'undecided'). */
export function isAdministrator(principal: string | IamViewPrincipal, inv: IamView): boolean {
  return administratorStatus(principal, inv).admin === true;
}
