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
import { prepareRequest, principalContext } from './statement.js';
import { contextMap, layeredLookup } from './conditions.js';
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

/**
 * Parsed policies, cached on the view's own policy objects: a managed policy attached to
 * thousands of principals is parsed once (once per group, for the group's name in the trace).
 */
const parsedDirect = new WeakMap<IamViewPolicy, MaybeUnknownPolicy>();
const parsedViaGroup = new WeakMap<IamViewPolicy, Map<string, MaybeUnknownPolicy>>();

function parseRef(ref: IamViewPolicy, source: PolicySource): MaybeUnknownPolicy {
  if (isUnknownDoc(ref.document)) return { source, unknownBecause: ref.document.unknownBecause };
  const r = parsePolicy(ref.document, source);
  return isPolicyParseError(r) ? { source, unknownBecause: r.message } : r;
}

function parsedFor(ref: IamViewPolicy, type: PolicySource['type'], owner: string, group?: string): MaybeUnknownPolicy {
  if (group === undefined) {
    let p = parsedDirect.get(ref);
    if (!p) parsedDirect.set(ref, (p = parseRef(ref, sourceOf(ref, type, owner))));
    return p;
  }
  let m = parsedViaGroup.get(ref);
  if (!m) parsedViaGroup.set(ref, (m = new Map()));
  let p = m.get(group);
  if (!p) m.set(group, (p = parseRef(ref, sourceOf(ref, type, owner, group))));
  return p;
}

function sourceOf(ref: IamViewPolicy, type: PolicySource['type'], owner: string, group?: string): PolicySource {
  const s: PolicySource = { type, name: ref.name, kind: ref.kind };
  // A managed policy is shared by many principals: only an inline policy names its owner.
  if (ref.kind === 'inline' || group) s.attachedTo = owner;
  if (ref.arn) s.arn = ref.arn;
  if (group) s.group = group;
  return s;
}

function unknownList(owner: string, why: UnknownValue): MaybeUnknownPolicy {
  return { source: { type: 'identity', name: `policies of ${owner}`, attachedTo: owner }, unknownBecause: why.unknownBecause };
}

/** Group policies, computed once per group and query. */
type GroupPolicies = Map<string, MaybeUnknownPolicy[]>;

/** The identity-based policies of a principal (a user's include its groups'). */
function identityPolicies(p: IamViewPrincipal, groupsByName: Map<string, IamViewGroup>, groups: string[] | UnknownValue | undefined, groupCache: GroupPolicies): MaybeUnknownPolicy[] {
  const own = (owner: string, list: IamViewPolicy[] | UnknownValue, group?: string): MaybeUnknownPolicy[] =>
    isUnknownDoc(list) ? [unknownList(owner, list)] : list.map((ref) => parsedFor(ref, 'identity', owner, group));
  const out = own(p.arn, p.policies);
  if (groups === undefined) return out;
  if (isUnknownDoc(groups)) {
    out.push(unknownList(`groups of ${p.arn}`, groups));
    return out;
  }
  for (const name of groups) {
    let gp = groupCache.get(name);
    if (!gp) {
      const g = groupsByName.get(name);
      gp = g
        ? own(g.arn, g.policies, g.name)
        : [{ source: { type: 'identity', name: `policies of group ${name}`, group: name }, unknownBecause: `group ${name} is not in the inventory` }];
      groupCache.set(name, gp);
    }
    out.push(...gp);
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

interface Evaluator {
  /** The verdicts already known for every principal and variant (undefined where not). */
  sharedEvals(identity: MaybeUnknownPolicy[]): (PolicyEval | undefined)[];
  run(
    p: IamViewPrincipal,
    identity: MaybeUnknownPolicy[],
    known: (PolicyEval | undefined)[],
    boundary: MaybeUnknownPolicy | undefined,
    variant: Variant,
    isUser: boolean,
  ): Decision;
}

function makeEvaluator(view: IamView, q: WhoCanQuery): Evaluator {
  // Verdicts of policies that read no principal key: shared by all principals, and by all MFA
  // variants when they read no MFA key either.
  const caches = new Map<Variant, Map<MaybeUnknownPolicy, PolicyEval>>();
  const shared = new Map<MaybeUnknownPolicy, PolicyEval>();
  const traits = new Map<MaybeUnknownPolicy, { cacheable: boolean; mfa: boolean }>();
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
    level.map((ref) => parsedFor(ref, 'scp', view.accountId, `scp level ${i}`)),
  );
  const age = q.mfaAgeSeconds ?? 0;
  const missingKeys = q.missingKeys ?? 'unknown';
  // Context layers, built once: the MFA variant's keys win over the principal's, which win over the query's.
  const queryKeys = contextMap(q.context);
  const variantKeys = new Map<Variant, Map<string, ContextValue>>(
    (['mfa', 'no-mfa-keys', 'no-mfa-session'] as const).map((v) => [v, contextMap(variantContext(v, age))]),
  );
  let lastPrincipal: IamViewPrincipal | undefined;
  let lastPrincipalKeys = new Map<string, ContextValue>();

  const traitsOf = (p: MaybeUnknownPolicy): { cacheable: boolean; mfa: boolean } => {
    let t = traits.get(p);
    if (!t) {
      const sts = 'unknownBecause' in p ? [] : statementsFor(p as ParsedPolicy, q.action);
      t = {
        cacheable: !sts.some((st) => st.principalDependent),
        mfa: sts.some((st) => st.conditions.some((c) => c.keyLower.startsWith('aws:multifactorauth'))),
      };
      traits.set(p, t);
    }
    return t;
  };

  return {
    sharedEvals: (identity) => identity.map((pol) => shared.get(pol)),
    run(p, identity, known, boundary, variant, isUser) {
      const principal = principalFromArn(p.arn);
      if (lastPrincipal !== p) {
        lastPrincipal = p;
        lastPrincipalKeys = contextMap({ ...principalContext(principal), ...principalKeys(p, isUser) });
      }
      const req: Request = { principal, action: q.action };
      if (q.resource) req.resource = q.resource;
      // The principal's tags are all known: a tag it lacks is absent, not unknown.
      const lookup = layeredLookup([variantKeys.get(variant) as Map<string, ContextValue>, lastPrincipalKeys, queryKeys], missingKeys, ['aws:principaltag/']);
      const prep = prepareRequest(req, !!boundary, lookup);
      let cache = caches.get(variant);
      if (!cache) caches.set(variant, (cache = new Map()));
      const c = cache;
      const ev = (pol: MaybeUnknownPolicy): PolicyEval => {
        const hit = shared.get(pol) ?? c.get(pol);
        if (hit) return hit;
        const e = evaluatePolicy(pol, prep);
        const t = traitsOf(pol);
        if (t.cacheable) (t.mfa ? c : shared).set(pol, e);
        return e;
      };
      const set: EvaluatedSet = {
        identity: identity.map((pol, i) => known[i] ?? ev(pol)),
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

function boundaryOf(p: IamViewPrincipal): MaybeUnknownPolicy | undefined {
  const b = p.permissionsBoundary;
  if (!b) return undefined;
  return parsedFor(b, 'boundary', p.arn);
}

/** Who can perform `query.action` (on `query.resource`): users, group members and roles. */
export function whoCan(inv: IamView, query: WhoCanQuery): WhoCanResult[] {
  const groupsByName = new Map(inv.groups.map((g) => [g.name, g]));
  const groupCache: GroupPolicies = new Map();
  const evaluator = makeEvaluator(inv, query);
  const mfa = query.mfa ?? 'both';
  const results: WhoCanResult[] = [];

  const one = (p: IamViewPrincipal, isUser: boolean): void => {
    const groups = isUser ? (p as IamViewUser).groups : undefined;
    const identity = identityPolicies(p, groupsByName, groups, groupCache);
    const boundary = boundaryOf(p);
    const decisions: WhoCanResult['decisions'] = {};
    const known = evaluator.sharedEvals(identity);
    const run = (v: Variant): Decision => evaluator.run(p, identity, known, boundary, v, isUser);
    if (mfa !== false) decisions.withMfa = run('mfa');
    if (mfa !== true) {
      const keys = run('no-mfa-keys');
      decisions.withoutMfa = keys.decision === 'allow' ? keys : bestOf(keys, run('no-mfa-session'));
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
  const identity = identityPolicies(p, groupsByName, user ? user.groups : undefined, new Map());
  const boundary = boundaryOf(p);
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

/**
 * Parses every policy of the view ahead of time (who-can and isAdministrator otherwise parse on
 * first use). Returns the problems found: policies that could not be parsed, by name.
 */
export function prepareIamView(view: IamView): string[] {
  const problems: string[] = [];
  const visit = (owner: string, list: IamViewPolicy[] | UnknownValue, group?: string): void => {
    if (isUnknownDoc(list)) return;
    for (const ref of list) {
      const p = parsedFor(ref, 'identity', owner, group);
      if ('unknownBecause' in p && !isUnknownDoc(ref.document)) problems.push(p.unknownBecause);
    }
  };
  for (const u of view.users) visit(u.arn, u.policies);
  for (const r of view.roles) visit(r.arn, r.policies);
  for (const g of view.groups) visit(g.arn, g.policies, g.name);
  for (const p of [...view.users, ...view.roles]) boundaryOf(p);
  return problems;
}
