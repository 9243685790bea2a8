/**
 * Who can perform an action, over an IamView: every user (its own policies and its groups'),
 * every role, evaluated with the engine, permissions boundaries and SCPs included.
 *
 * MFA: AWS leaves aws:MultiFactorAuthPresent out of requests signed with long-term access keys and
 * sets it to false for temporary credentials obtained without MFA (IAM User Guide, "AWS global
 * condition context keys"). Both are evaluated and reported apart (allowedWithAccessKeys,
 * allowedWithoutMfaSession); allowedWithoutMfa is their OR: a Deny on
 * {"Bool": {"aws:MultiFactorAuthPresent": "false"}} does not stop access keys.
 *
 * whoCanMany asks about several actions and resources at once; a principal whose policies do not
 * depend on the resource is evaluated once for all of them (see who-can-engine.ts for the rest).
 */
import type { IamView } from './iam-view.js';
import { loadPolicy } from './load.js';
import { parseArn } from './principal.js';
import { preparedView, type PreparedPrincipal } from './prepared-view.js';
import { WhoCanEngine, type Target, type Variant } from './who-can-engine.js';
import type { ContextValue, Decision, MaybeUnknownPolicy, TraceEntry } from './types.js';

export type Allowed = boolean | 'undecided' | 'not-evaluated';

export interface WhoCanQuery {
  action: string;
  resource?: string;
  /** The resource's account (default: the account in the resource ARN, else the view's account). */
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

/** Everything of a query but what it is about: the options of whoCanMany and whoCanAssume. */
export type WhoCanOptions = Omit<WhoCanQuery, 'action' | 'resource' | 'resourceAccount' | 'resourcePolicy'>;

/** One resource of a whoCanMany question. */
export interface WhoCanTarget {
  /** The resource ARN; omitted: a resource no policy names specifically ("*"). */
  resource?: string;
  resourceAccount?: string;
  resourcePolicy?: unknown;
}

export interface WhoCanManyEntry {
  action: string;
  resource?: string;
  /** As whoCan would answer; a principal whose policies ignore the resource has one object shared by every resource (read-only). */
  results: WhoCanResult[];
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
  /** allowedWithAccessKeys OR allowedWithoutMfaSession. */
  allowedWithoutMfa: Allowed;
  /** In a session whose credentials were obtained without MFA (aws:MultiFactorAuthPresent false). */
  allowedWithoutMfaSession: Allowed;
  /**
   * With long-term access keys (no MFA key in the request at all). Roles have no access keys: for
   * a role this is a request that carries no MFA key, kept so that allowedWithoutMfa errs on the safe side.
   */
  allowedWithAccessKeys: Allowed;
  allowedWithMfa: Allowed;
  undecidedBecause?: string[];
  /** The engine's decisions behind each answer (withoutMfa: the more permissive of the two). Shared between principals whose policies are the same: read-only. */
  decisions: { withMfa?: Decision; withoutMfa?: Decision; withoutMfaSession?: Decision; withAccessKeys?: Decision };
}

const asAllowed = (d: Decision | undefined): Allowed =>
  !d ? 'not-evaluated' : d.decision === 'allow' ? true : d.decision === 'undecided' ? 'undecided' : false;

/** The better of the two "without MFA" answers (access keys first on a tie). */
function bestOf(a: Decision, b: Decision): Decision {
  return rank(b) > rank(a) ? b : a;
}

function rank(d: Decision): number {
  return d.decision === 'allow' ? 2 : d.decision === 'undecided' ? 1 : 0;
}

const listed = (a: Allowed): boolean => a === true || a === 'undecided';

const isResourceSide = (t: TraceEntry): boolean => t.policy.type === 'resource' || t.policy.type === 'trust';

function viaOf(trace: TraceEntry[], attachedTo: 'user' | 'role'): WhoCanVia[] {
  const seen = new Set<string>();
  const out: WhoCanVia[] = [];
  for (const t of trace) {
    if (t.effect !== 'Allow' || (t.role !== 'identity-allow' && t.role !== 'resource-allow')) continue;
    const k = `${t.policy.type}|${t.policy.group ?? ''}|${t.policy.arn ?? t.policy.name}|${t.statementIndex}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const resource = isResourceSide(t);
    const v: WhoCanVia = {
      policy: t.policy.name,
      kind: resource ? 'resource' : (t.policy.kind ?? 'inline'),
      attachedTo: resource ? 'resource' : t.policy.group ? 'group' : attachedTo,
      statementIndex: t.statementIndex,
    };
    if (t.policy.arn) v.arn = t.policy.arn;
    if (t.policy.group) v.group = t.policy.group;
    if (t.sid) v.sid = t.sid;
    out.push(v);
  }
  return out;
}

const VARIANTS: Record<'true' | 'false' | 'both', readonly Variant[]> = {
  true: ['mfa'],
  false: ['no-mfa-keys', 'no-mfa-session'],
  both: ['mfa', 'no-mfa-keys', 'no-mfa-session'],
};

/** The result for one principal from its decisions (in the order of `variants`), or undefined when it is not listed. */
function resultOf(pp: PreparedPrincipal, variants: readonly Variant[], ds: readonly Decision[], includeDenied: boolean): WhoCanResult | undefined {
  const withMfa = ds[variants.indexOf('mfa')];
  const keys = ds[variants.indexOf('no-mfa-keys')];
  const session = ds[variants.indexOf('no-mfa-session')];
  const withoutMfa = keys && session ? bestOf(keys, session) : undefined;
  const allowedWithMfa = asAllowed(withMfa);
  const allowedWithoutMfa = asAllowed(withoutMfa);
  if (!includeDenied && !listed(allowedWithMfa) && !listed(allowedWithoutMfa)) return undefined;
  const decisions: WhoCanResult['decisions'] = {};
  if (withMfa) decisions.withMfa = withMfa;
  if (withoutMfa) decisions.withoutMfa = withoutMfa;
  if (session) decisions.withoutMfaSession = session;
  if (keys) decisions.withAccessKeys = keys;
  const main = [withoutMfa, withMfa].find((d) => d?.decision === 'allow') ?? withMfa ?? withoutMfa;
  const via = viaOf(main?.trace ?? [], pp.isUser ? 'user' : 'role');
  const identityVia = via.filter((v) => v.attachedTo !== 'resource');
  const kind: WhoCanResult['kind'] = !pp.isUser ? 'role' : identityVia.length && identityVia.every((v) => v.group) ? 'group-member' : 'user';
  const r: WhoCanResult = {
    principal: pp.principal.arn,
    name: pp.principal.name,
    kind,
    groups: pp.groups,
    via,
    allowedWithoutMfa,
    allowedWithoutMfaSession: asAllowed(session),
    allowedWithAccessKeys: asAllowed(keys),
    allowedWithMfa,
    decisions,
  };
  const why = [...(withMfa?.undecidedBecause ?? []), ...(withoutMfa?.undecidedBecause ?? [])];
  if (why.length) r.undecidedBecause = [...new Set(why)];
  return r;
}

/** A target ready for the engine: its account settled, its policy parsed once. */
export interface ResolvedTarget extends Target {
  label?: string;
}

function accountInArn(resource: string | undefined): string | undefined {
  const a = resource ? parseArn(resource) : undefined;
  return a && /^\d{12}$/.test(a.account) ? a.account : undefined;
}

function resolveTarget(view: IamView, t: WhoCanTarget): ResolvedTarget {
  const out: ResolvedTarget = { resource: t.resource ?? '*', resourceAccount: t.resourceAccount ?? accountInArn(t.resource) ?? view.accountId };
  if (t.resource !== undefined) out.label = t.resource;
  if (t.resourcePolicy !== undefined) {
    out.policy = loadPolicy(t.resourcePolicy, { type: 'resource', name: 'resource policy', ...(t.resource ? { attachedTo: t.resource } : {}) });
  }
  return out;
}

/** The core of whoCan, whoCanMany and whoCanAssume: every action × every target, principals in view order. */
export function askWhoCan(view: IamView, actions: readonly string[], targets: readonly ResolvedTarget[], options: WhoCanOptions): WhoCanManyEntry[] {
  const pv = preparedView(view);
  const variants = VARIANTS[String(options.mfa ?? 'both') as 'true' | 'false' | 'both'];
  const includeDenied = !!options.includeDenied;
  const out: WhoCanManyEntry[] = [];
  for (const action of actions) {
    const engine = new WhoCanEngine(pv, {
      action,
      ...(options.context ? { context: options.context } : {}),
      missingKeys: options.missingKeys ?? 'unknown',
      mfaAgeSeconds: options.mfaAgeSeconds ?? 0,
    });
    const targetEntries = targets.map((t) => (t.policy ? engine.targetEntry(t.policy) : undefined));
    const lists: WhoCanResult[][] = targets.map(() => []);
    const anyTargetPolicy = targetEntries.some((e) => e !== undefined);
    for (const pp of pv.principals) {
      const plan = engine.plan(pp);
      if (plan.inert && !anyTargetPolicy && !includeDenied) continue;
      // Targets that none of the principal's resource-specific statements names get the same
      // answer: one per resource account serves them all.
      const shared = targets.length > 1 ? new Map<string, WhoCanResult | undefined>() : undefined;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i] as ResolvedTarget;
        const te = targetEntries[i];
        const key = shared && !te && engine.generic(plan, t.resource) ? t.resourceAccount : undefined;
        let r: WhoCanResult | undefined;
        if (key !== undefined && shared?.has(key)) r = shared.get(key);
        else {
          r = resultOf(pp, variants, engine.decide(plan, t, te, variants), includeDenied);
          if (key !== undefined) shared?.set(key, r);
        }
        if (r) (lists[i] as WhoCanResult[]).push(r);
      }
    }
    targets.forEach((t, i) => out.push({ action, ...(t.label !== undefined ? { resource: t.label } : {}), results: lists[i] as WhoCanResult[] }));
  }
  return out;
}

/** Who can perform `query.action` (on `query.resource`): users, group members and roles. */
export function whoCan(view: IamView, query: WhoCanQuery): WhoCanResult[] {
  const target: WhoCanTarget = {};
  if (query.resource !== undefined) target.resource = query.resource;
  if (query.resourceAccount !== undefined) target.resourceAccount = query.resourceAccount;
  if (query.resourcePolicy !== undefined) target.resourcePolicy = query.resourcePolicy;
  return askWhoCan(view, [query.action], [resolveTarget(view, target)], query)[0]?.results ?? [];
}

/**
 * Who can perform each action on each resource: one entry per (action, resource), actions in the
 * outer loop. A plain string is a resource ARN; a WhoCanTarget may bring the resource's policy.
 */
export function whoCanMany(view: IamView, actions: readonly string[], resources: readonly (string | WhoCanTarget)[], options: WhoCanOptions = {}): WhoCanManyEntry[] {
  const targets = resources.map((r) => resolveTarget(view, typeof r === 'string' ? { resource: r } : r));
  return askWhoCan(view, actions, targets, options);
}

/** The trust-policy variant of a target, for whoCanAssume. */
export function trustTarget(roleArn: string, account: string, trust: MaybeUnknownPolicy): ResolvedTarget {
  return { resource: roleArn, resourceAccount: account, policy: trust, label: roleArn };
}

/**
 * Parses every policy of the view ahead of time (who-can and isAdministrator otherwise parse on
 * first use). Returns the problems found: policies that could not be parsed, by name.
 */
export function prepareIamView(view: IamView): string[] {
  return [...preparedView(view).problems];
}
