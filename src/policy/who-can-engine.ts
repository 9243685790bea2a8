/**
 * The evaluator behind who-can: one action, every principal of a prepared view, any number of
 * target resources, the three ways a request stands with MFA.
 *
 * Speed comes from not repeating work:
 * - only the policies whose Action elements name the action's service are looked at (the view's
 *   service index), each once per action: the statements whose Action matches are kept; a policy
 *   with none plays no part, and a principal none of whose policies plays a part is implicitly
 *   denied without evaluating anything;
 * - a policy's verdict is shared by every principal unless it reads principal keys or policy
 *   variables, by every MFA variant unless it reads aws:MultiFactorAuth*, and by every resource
 *   unless a matching statement names specific resources;
 * - a principal whose policies read no MFA key is decided once for all three variants, and
 *   principals with the same policies taking part share their decisions.
 */
import { contextMap } from './conditions.js';
import { decide, evaluateStatements, NOTHING_ALLOWS, unknownEval, type EvaluatedSet, type PolicyEval } from './evaluate.js';
import { principalKeyMap, type PreparedPrincipal, type PreparedView } from './prepared-view.js';
import { callerFacts } from './principal.js';
import type { PreparedRequest } from './statement.js';
import type { ContextValue, Decision, MaybeUnknownPolicy, ParsedStatement, PatternList } from './types.js';
import type { Lookup } from './variables.js';
import { globMatch, type ConcretePart, type Pattern } from './wildcard.js';

/** How the request stands with MFA (IAM User Guide, "AWS global condition context keys"). */
export type Variant = 'mfa' | 'no-mfa-keys' | 'no-mfa-session';
const VARIANT_INDEX: Record<Variant, number> = { mfa: 0, 'no-mfa-keys': 1, 'no-mfa-session': 2 };

function variantContext(v: Variant, age: number): Record<string, ContextValue> {
  // An empty list is "absent" even when missing keys are treated as unknown.
  if (v === 'mfa') return { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': age };
  // Temporary credentials obtained without MFA carry aws:MultiFactorAuthPresent = false.
  if (v === 'no-mfa-session') return { 'aws:MultiFactorAuthPresent': false, 'aws:MultiFactorAuthAge': [] };
  // Requests signed with long-term access keys carry neither key.
  return { 'aws:MultiFactorAuthPresent': [], 'aws:MultiFactorAuthAge': [] };
}

export interface EngineQuery {
  action: string;
  context?: Record<string, ContextValue>;
  missingKeys: 'absent' | 'unknown';
  mfaAgeSeconds: number;
}

/** One resource to ask about. */
export interface Target {
  /** The resource ARN, or "*". */
  resource: string;
  /** The account that owns it. */
  resourceAccount: string;
  /** Its resource-based (or trust) policy, if it has one. */
  policy?: MaybeUnknownPolicy;
}

/** What one policy says about the action, worked out once per query. */
interface Entry {
  policy: MaybeUnknownPolicy;
  /** The statements whose Action (NotAction) matches. */
  statements: ParsedStatement[];
  /** It takes part: a matching statement, or an unreadable document. */
  relevant: boolean;
  /** Reads principal keys or policy variables: evaluated per principal. */
  perPrincipal: boolean;
  /** Reads aws:MultiFactorAuth*: evaluated per MFA variant. */
  mfa: boolean;
  /** A matching statement names specific resources: evaluated per resource. */
  perResource: boolean;
  /** Shared verdicts by variant slot (0 when not per variant). */
  evals: (PolicyEval | undefined)[];
  byResource?: Map<string, (PolicyEval | undefined)[]>;
}

/** What a principal's policies are like for this action (independent of the target). */
export interface PrincipalPlan {
  p: PreparedPrincipal;
  /** Ids of its identity-based policies that take part. */
  identity: number[];
  /** Some policy of it (boundary and SCPs included) reads an MFA key. */
  mfa: boolean;
  /** Some policy of it reads principal keys or policy variables: its decisions are its own. */
  perPrincipal: boolean;
  /** The statements of its policies that name specific resources (none: the answer ignores the resource). */
  resourceStatements: ParsedStatement[];
  /** Nothing can allow it and nothing denies it outright (no identity policy takes part, no SCP, no denying boundary): implicitly denied, unless a resource policy grants. */
  inert: boolean;
}

const MFA_KEY = 'aws:multifactorauth';
const NONE: readonly number[] = [];

function readsMfa(st: ParsedStatement): boolean {
  for (const c of st.conditions) {
    if (c.keyLower.startsWith(MFA_KEY)) return true;
    // A policy variable could name an MFA key too (odd, but then the value differs by variant).
    if (c.values.some((v) => v.includes('${') && v.toLowerCase().includes(MFA_KEY))) return true;
  }
  return !!st.resources?.patterns.some((p) => p.hasVariables && p.raw.toLowerCase().includes(MFA_KEY));
}

/** A statement that matches every resource: no Resource element, or a Resource list holding "*". */
function anyResource(st: ParsedStatement): boolean {
  const r = st.resources;
  return !r || (!r.negated && r.patterns.some((p) => p.raw === '*'));
}

/** 0 for the policies that may concern the action (by its service), 1 for the rest. */
function candidates(pv: PreparedView, action: string): Uint8Array {
  const part = new Uint8Array(pv.policies.length);
  const colon = action.indexOf(':');
  if (colon < 0 || action.includes('*') || action.includes('?')) return part;
  part.fill(1);
  for (const id of pv.byService.get(action.slice(0, colon).toLowerCase()) ?? []) part[id] = 0;
  for (const id of pv.anyService) part[id] = 0;
  return part;
}

export class WhoCanEngine {
  private readonly entries: (Entry | undefined)[];
  /** Per policy id: 0 not looked at yet, 1 plays no part, 2 takes part. Dense, so the per-principal scan stays in cache. */
  private readonly part: Uint8Array;
  private readonly requests: PreparedRequest[];
  /** Whether an Action pattern matches the action: patterns are shared objects, few distinct ones. */
  private readonly actionHits = new Map<Pattern, boolean>();
  /** The principal the requests are about: switched per principal instead of building new lookups. */
  private current: PreparedPrincipal | undefined;

  constructor(
    private readonly pv: PreparedView,
    private readonly q: EngineQuery,
  ) {
    this.entries = new Array<Entry | undefined>(pv.policies.length);
    this.part = candidates(pv, q.action);
    const queryKeys = contextMap(q.context);
    const unknownMissing = q.missingKeys === 'unknown';
    this.requests = (['mfa', 'no-mfa-keys', 'no-mfa-session'] as const).map((v) => {
      const variantKeys = contextMap(variantContext(v, q.mfaAgeSeconds));
      // The MFA variant's keys win over the principal's, which win over the query's.
      const lookup: Lookup = (key) => {
        const a = variantKeys.get(key) ?? (this.current ? principalKeyMap(this.current).get(key) : undefined) ?? queryKeys.get(key);
        if (a !== undefined) return a;
        // The principal's tags are all known: a tag it lacks is absent, not unknown.
        return unknownMissing && !key.startsWith('aws:principaltag/') ? 'unknown' : undefined;
      };
      return { principal: { type: 'anonymous' }, action: q.action, resource: '*', lookup, hasBoundary: false };
    });
  }

  private entryOf(policy: MaybeUnknownPolicy): Entry {
    if ('unknownBecause' in policy) {
      return { policy, statements: [], relevant: true, perPrincipal: false, mfa: false, perResource: false, evals: [unknownEval(policy)] };
    }
    let statements = policy.statements.filter((st) => this.actionMatches(st));
    if (statements.length === policy.statements.length) statements = policy.statements; // keep one copy
    return {
      policy,
      statements,
      relevant: statements.length > 0,
      perPrincipal: statements.some((st) => st.principalDependent),
      mfa: statements.some(readsMfa),
      perResource: !statements.every(anyResource),
      evals: [],
    };
  }

  private actionMatches(st: ParsedStatement): boolean {
    let hit = false;
    for (const p of st.actions.patterns) {
      let h = this.actionHits.get(p);
      // Action patterns never hold variables (parsePolicy reads them literally).
      if (h === undefined) this.actionHits.set(p, (h = globMatch(p.parts as ConcretePart[], this.q.action, 'action')));
      if ((hit = h)) break;
    }
    return st.actions.negated ? !hit : hit;
  }

  private entry(id: number): Entry {
    let e = this.entries[id];
    if (!e) {
      this.entries[id] = e = this.entryOf(this.pv.policies[id] as MaybeUnknownPolicy);
      this.part[id] = e.relevant ? 2 : 1;
    }
    return e;
  }

  /** A target's own policy, looked at once per target. */
  targetEntry(policy: MaybeUnknownPolicy): Entry {
    return this.entryOf(policy);
  }

  plan(p: PreparedPrincipal): PrincipalPlan {
    const identity: number[] = [];
    let mfa = false;
    let perPrincipal = false;
    const resourceStatements: ParsedStatement[] = []; // mostly stays empty: an empty [] costs no element storage
    const part = this.part;
    for (const id of p.identity) {
      if (part[id] === 1) continue;
      const e = this.entry(id);
      if (!e.relevant) continue;
      identity.push(id);
      mfa ||= e.mfa;
      perPrincipal ||= e.perPrincipal;
      if (e.perResource) for (const st of e.statements) if (!anyResource(st)) resourceStatements.push(st);
    }
    // The boundary and SCPs only narrow, but what they read still matters when something allows.
    const narrowing = p.boundary >= 0 || this.pv.scps.length ? [p.boundary, ...this.pv.scps.flat()] : NONE;
    for (const id of narrowing) {
      if (id < 0) continue;
      const e = this.entry(id);
      mfa ||= e.mfa;
      perPrincipal ||= e.perPrincipal;
      if (e.perResource) for (const st of e.statements) if (!anyResource(st)) resourceStatements.push(st);
    }
    // With SCPs, or a boundary that denies, the full evaluation runs: the answer then names them.
    const boundaryDenies = p.boundary >= 0 && this.entry(p.boundary).statements.some((st) => st.effect === 'Deny');
    return { p, identity, mfa, perPrincipal, resourceStatements, inert: identity.length === 0 && this.pv.scps.length === 0 && !boundaryDenies };
  }

  /**
   * True when no statement of the plan that names specific resources names this one: the
   * principal's answer is then the same as for any other such resource, and can be shared.
   * A pattern with a policy variable might name it: never generic.
   */
  generic(plan: PrincipalPlan, resource: string): boolean {
    for (const st of plan.resourceStatements) {
      for (const p of (st.resources as PatternList).patterns) {
        if (p.hasVariables || globMatch(p.parts as ConcretePart[], resource, 'resource')) return false;
      }
    }
    return true;
  }

  /** The decision for each variant asked, in order. */
  decide(plan: PrincipalPlan, target: Target, targetEntry: Entry | undefined, variants: readonly Variant[]): Decision[] {
    // Nothing of the principal's takes part and no resource policy could grant: no evaluation at all.
    // (A boundary or an SCP alone grants nothing; the caller is never the root user here.)
    if (plan.inert && !targetEntry) return variants.map(() => NOTHING_ALLOWS);
    // Principals with the same policies taking part get the same decisions (which name policies,
    // never the caller), unless a policy reads who the caller is or a resource policy names callers.
    const key = !targetEntry && !plan.perPrincipal ? this.memoKey(plan, target, variants) : undefined;
    const known = key === undefined ? undefined : this.memo.get(key);
    if (known) return known;
    let out: Decision[];
    if (!plan.mfa && !targetEntry?.mfa) {
      const d = this.run(plan, target, targetEntry, variants[0] as Variant);
      out = variants.map(() => d);
    } else out = variants.map((v) => this.run(plan, target, targetEntry, v));
    if (key !== undefined) this.memo.set(key, out);
    return out;
  }

  private readonly memo = new Map<string, Decision[]>();

  private memoKey(plan: PrincipalPlan, target: Target, variants: readonly Variant[]): string {
    // The caller's account decides whether the request is cross-account (and is named in the reasons).
    const account = callerFacts(plan.p.caller)?.account ?? '';
    const resource = plan.resourceStatements.length ? target.resource : '*';
    return `${variants.join()}|${account}|${target.resourceAccount}|${resource}|${plan.p.boundary}|${plan.identity.join()}`;
  }

  private run(plan: PrincipalPlan, target: Target, targetEntry: Entry | undefined, variant: Variant): Decision {
    const slot = VARIANT_INDEX[variant];
    const req = this.requests[slot] as PreparedRequest;
    const p = plan.p;
    req.principal = p.caller;
    req.resource = target.resource;
    req.hasBoundary = p.boundary >= 0;
    this.current = p;
    const resource = target.resource;
    const identity: PolicyEval[] = [];
    for (const id of plan.identity) identity.push(this.verdict(this.entry(id), req, slot, resource));
    const scps: PolicyEval[][] = [];
    for (const level of this.pv.scps) {
      const evals: PolicyEval[] = [];
      for (const id of level) evals.push(this.verdict(this.entry(id), req, slot, resource));
      scps.push(evals);
    }
    const set: EvaluatedSet = {
      identity,
      resource: targetEntry ? [this.verdict(targetEntry, req, slot, resource)] : [],
      scps,
      rcps: [],
      session: [],
      resourcePolicyRequired: targetEntry?.policy.source.type === 'trust',
    };
    if (p.boundary >= 0) set.boundary = this.verdict(this.entry(p.boundary), req, slot, resource);
    return decide(req, set, target.resourceAccount);
  }

  private verdict(e: Entry, req: PreparedRequest, variant: number, resource: string): PolicyEval {
    const policy = e.policy;
    if ('unknownBecause' in policy) return e.evals[0] as PolicyEval;
    if (e.perPrincipal) return evaluateStatements(policy, e.statements, req);
    const slot = e.mfa ? variant : 0;
    let evals = e.evals;
    if (e.perResource) {
      e.byResource ??= new Map();
      let r = e.byResource.get(resource);
      if (!r) e.byResource.set(resource, (r = []));
      evals = r;
    }
    return (evals[slot] ??= evaluateStatements(policy, e.statements, req));
  }
}
