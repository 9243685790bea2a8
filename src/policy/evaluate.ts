/**
 * Request evaluation, after the IAM User Guide's "Policy evaluation logic" pages:
 * 1. an explicit Deny in any applicable policy wins;
 * 2. SCPs (principal's account) and RCPs (resource's account) must allow, at every level;
 * 3. within one account an Allow from the identity side (limited by the permissions boundary and
 *    session policies) or from a resource-based policy is enough. How much a resource-policy Allow
 *    counts depends on whom it names: an IAM user ARN or a session ARN is not limited by implicit
 *    denies in identity policies or boundaries; a role ARN is limited by the role's boundary and
 *    session policies; the account (id or :root) only delegates to the account's own policies;
 * 4. across accounts both sides must allow ("Cross-account policy evaluation logic");
 * 5. role trust policies (and KMS key policies, via `resourcePolicyRequired`) must allow themselves.
 * Unknown inputs (an unknown context value, an unreadable policy) make the answer 'undecided'
 * whenever they could change it, never a silent allow or deny.
 */
import { callerFacts, parseArn } from './principal.js';
import { evaluateStatement, prepareRequest, type PreparedRequest, type StatementOutcome } from './statement.js';
import { all3, and3, any3, or3, type Tri } from './tri.js';
import type {
  Decision,
  MaybeUnknownPolicy,
  ParsedPolicy,
  ParsedStatement,
  PolicySet,
  PolicySource,
  Request,
  TraceEntry,
  UnknownPolicy,
} from './types.js';

export function isUnknownPolicy(p: MaybeUnknownPolicy): p is UnknownPolicy {
  return 'unknownBecause' in p;
}

export interface Hit {
  source: PolicySource;
  st: ParsedStatement;
  out: StatementOutcome;
}

/** What one policy says about one request. */
export interface PolicyEval {
  source: PolicySource;
  allow: Tri;
  deny: Tri;
  /** Statements that apply or might apply. */
  hits: Hit[];
  unknownBecause?: string;
}

// Statements of a policy that can concern a service: evaluating 50 policies per principal stays cheap.
const byService = new WeakMap<ParsedPolicy, Map<string, ParsedStatement[]>>();

function servicePatternMatches(pattern: string, service: string): boolean {
  const colon = pattern.indexOf(':');
  const svc = (colon < 0 ? pattern : pattern.slice(0, colon)).toLowerCase();
  if (svc === service || svc === '*') return true;
  if (!/[*?]/.test(svc)) return false;
  const re = new RegExp('^' + svc.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(service);
}

export function statementsFor(p: ParsedPolicy, action: string): ParsedStatement[] {
  const colon = action.indexOf(':');
  if (colon < 0 || action.includes('*')) return p.statements;
  const service = action.slice(0, colon).toLowerCase();
  let idx = byService.get(p);
  if (!idx) byService.set(p, (idx = new Map()));
  let list = idx.get(service);
  if (!list) {
    list = p.statements.filter((st) => st.actions.negated || st.actions.patterns.some((pt) => servicePatternMatches(pt.raw, service)));
    idx.set(service, list);
  }
  return list;
}

export function evaluatePolicy(p: MaybeUnknownPolicy, req: PreparedRequest): PolicyEval {
  if (isUnknownPolicy(p)) return unknownEval(p);
  return evaluateStatements(p, statementsFor(p, req.action), req);
}

export function unknownEval(p: UnknownPolicy): PolicyEval {
  return { source: p.source, allow: 'unknown', deny: 'unknown', hits: [], unknownBecause: p.unknownBecause };
}

/** Evaluates the given statements of a policy (who-can picks those that concern its action once). */
export function evaluateStatements(p: ParsedPolicy, statements: readonly ParsedStatement[], req: PreparedRequest): PolicyEval {
  const variables = p.version === '2012-10-17';
  let allow: Tri = false;
  let deny: Tri = false;
  const hits: Hit[] = [];
  for (const st of statements) {
    const out = evaluateStatement(st, req, variables);
    if (out.applies === false) continue;
    hits.push({ source: p.source, st, out });
    if (st.effect === 'Allow') allow = or3(allow, out.applies);
    else deny = or3(deny, out.applies);
  }
  return { source: p.source, allow, deny, hits };
}

/** PolicySet with every policy evaluated (who-can fills it from a cache). */
export interface EvaluatedSet {
  identity: PolicyEval[];
  resource: PolicyEval[];
  boundary?: PolicyEval;
  scps: PolicyEval[][];
  rcps: PolicyEval[][];
  session: PolicyEval[];
  resourcePolicyRequired: boolean;
}

export function evaluateSet(set: PolicySet, req: PreparedRequest): EvaluatedSet {
  const out: EvaluatedSet = {
    identity: (set.identity ?? []).map((p) => evaluatePolicy(p, req)),
    resource: (set.resource ?? []).map((p) => evaluatePolicy(p, req)),
    scps: (set.scps ?? []).map((level) => level.map((p) => evaluatePolicy(p, req))),
    rcps: (set.rcps ?? []).map((level) => level.map((p) => evaluatePolicy(p, req))),
    session: (set.session ?? []).map((p) => evaluatePolicy(p, req)),
    resourcePolicyRequired: (set.resource ?? []).some((p) => p.source.type === 'trust'),
  };
  if (set.boundary) out.boundary = evaluatePolicy(set.boundary, req);
  return out;
}

function entry(h: Hit, role: TraceEntry['role']): TraceEntry {
  const e: TraceEntry = {
    policy: h.source,
    statementIndex: h.st.index,
    effect: h.st.effect,
    outcome: h.out.applies === true ? 'matched' : 'unknown',
    role,
  };
  if (h.st.sid) e.sid = h.st.sid;
  if (h.out.unknownBecause) e.unknownBecause = h.out.unknownBecause;
  return e;
}

const describe = (s: PolicySource): string => `${s.type} policy "${s.name}"${s.group ? ` (group ${s.group})` : ''}`;
const stmtName = (h: Hit): string => `${describe(h.source)} statement ${h.st.index}${h.st.sid ? ` (${h.st.sid})` : ''}`;

const allowOf = (evals: PolicyEval[]): Tri => any3(evals.map((e) => e.allow));
const levelsAllow = (levels: PolicyEval[][]): Tri => all3(levels.map(allowOf));
const allowHits = (evals: PolicyEval[] | undefined): Hit[] =>
  (evals ?? []).flatMap((e) => e.hits.filter((h) => h.st.effect === 'Allow'));

/**
 * The answer for a caller no policy concerns (who-can gives it to most principals of a large
 * account): one shared, frozen object, so it costs nothing per principal.
 */
export const NOTHING_ALLOWS: Decision = Object.freeze({
  decision: 'implicit-deny',
  trace: Object.freeze([]) as unknown as TraceEntry[],
  reasons: Object.freeze(['no identity-based or resource-based policy allows the action']) as unknown as string[],
});

/** Combines evaluated policies into a decision. */
export function decide(req: PreparedRequest, set: EvaluatedSet, resourceAccount?: string): Decision {
  // Fast path (most principals in a who-can query): nothing applies, nothing is unknown.
  if (
    !set.boundary &&
    !set.scps.length &&
    !set.rcps.length &&
    !set.session.length &&
    !set.resource.length &&
    req.principal.type === 'iam' &&
    callerFacts(req.principal)?.kind !== 'root' &&
    set.identity.every((e) => e.hits.length === 0 && !e.unknownBecause)
  ) {
    return { decision: 'implicit-deny', trace: [], reasons: ['no identity-based or resource-based policy allows the action'] };
  }
  const reasons: string[] = [];
  const undecided: string[] = [];
  const all: PolicyEval[] = [
    ...set.identity,
    ...set.resource,
    ...(set.boundary ? [set.boundary] : []),
    ...set.scps.flat(),
    ...set.rcps.flat(),
    ...set.session,
  ];

  // 1. Explicit deny.
  const denies = all.flatMap((e) => e.hits.filter((h) => h.st.effect === 'Deny'));
  const sure = denies.filter((h) => h.out.applies === true);
  if (sure.length) {
    return {
      decision: 'deny',
      trace: sure.map((h) => entry(h, 'explicit-deny')),
      reasons: sure.map((h) => `explicitly denied by ${stmtName(h)}`),
    };
  }
  const unknownPolicies = all.filter((e) => e.unknownBecause);
  const denyUnknown: Tri = denies.length || unknownPolicies.length ? 'unknown' : false;

  // 2. The gates that limit everything: SCPs and RCPs.
  const facts = callerFacts(req.principal);
  const iamCaller = req.principal.type === 'iam';
  const scpAllow = iamCaller ? levelsAllow(set.scps) : true; // SCPs do not limit service principals
  const rcpAllow = levelsAllow(set.rcps);

  // 3. Identity side, narrowed by the boundary and session policies.
  const isRoot = facts?.kind === 'root';
  const identityAllow: Tri = isRoot ? true : allowOf(set.identity);
  const boundaryAllow: Tri = set.boundary ? set.boundary.allow : true;
  const sessionAllow: Tri = set.session.length ? allowOf(set.session) : true;
  const identityPath = iamCaller ? and3(identityAllow, and3(boundaryAllow, sessionAllow)) : false;

  // 4. Resource side: how each Allow names the caller decides what still limits it.
  const resHits = allowHits(set.resource);
  const sameAccount = !iamCaller || resourceAccount === undefined || resourceAccount === facts?.account;
  let resourceDirect: Tri = false;
  let resourceAny: Tri = false;
  let resourceAccountGrant: Tri = false;
  const usedResourceHits: Hit[] = [];
  // An unreadable resource-based policy may name the caller directly, or its account: it might allow.
  if (set.resource.some((e) => e.unknownBecause)) {
    resourceAny = 'unknown';
    resourceDirect = 'unknown';
    resourceAccountGrant = 'unknown';
  }
  for (const h of resHits) {
    const m = h.out.principalMatch;
    resourceAny = or3(resourceAny, h.out.applies);
    if (m === 'account') {
      resourceAccountGrant = or3(resourceAccountGrant, h.out.applies);
      continue;
    }
    const v = m === 'role-arn' ? and3(h.out.applies, and3(boundaryAllow, sessionAllow)) : h.out.applies;
    resourceDirect = or3(resourceDirect, v);
    if (v !== false) usedResourceHits.push(h);
  }

  let allowed: Tri;
  if (!iamCaller) allowed = resourceAny;
  else if (!sameAccount) allowed = and3(identityPath, resourceAny);
  else if (set.resourcePolicyRequired) allowed = or3(resourceDirect, and3(resourceAccountGrant, identityPath));
  else allowed = or3(identityPath, resourceDirect);
  const final = and3(and3(scpAllow, rcpAllow), allowed);

  const idHits = allowHits(set.identity);
  if (final === false) {
    if (scpAllow === false) reasons.push('no SCP allows the action at one level of the organisation');
    if (rcpAllow === false) reasons.push('no RCP allows the action at one level of the organisation');
    if (iamCaller && !sameAccount) {
      reasons.push(`cross-account request (caller in ${facts?.account ?? '?'}, resource in ${resourceAccount}): both sides must allow`);
      if (identityPath === false) reasons.push('the identity side does not allow it');
      if (resourceAny === false) reasons.push('no resource-based policy grants the caller or its account');
    } else if (allowed === false) {
      if (identityAllow === false && resHits.length === 0) reasons.push('no identity-based or resource-based policy allows the action');
      if (identityAllow !== false && boundaryAllow === false) reasons.push('an identity-based policy allows it but the permissions boundary does not');
      if (identityAllow !== false && sessionAllow === false) reasons.push('an identity-based policy allows it but the session policy does not');
      if (set.resourcePolicyRequired && resourceDirect === false) reasons.push('the trust policy does not name the caller');
      if (resourceAccountGrant !== false && identityPath === false)
        reasons.push('a resource-based policy grants the account, which delegates to identity-based policies that do not allow');
    }
    if (!reasons.length) reasons.push('implicitly denied: nothing allows the request');
    const blocked = [...idHits, ...resHits].filter((h) => h.out.applies !== false).map((h) => entry(h, 'blocked-allow'));
    return { decision: 'implicit-deny', trace: blocked, reasons };
  }

  // Allow, or undecided.
  const trace: TraceEntry[] = [];
  if (identityPath !== false) {
    trace.push(...idHits.map((h) => entry(h, 'identity-allow')));
    if (set.boundary) trace.push(...allowHits([set.boundary]).map((h) => entry(h, 'boundary-allow')));
    trace.push(...allowHits(set.session).map((h) => entry(h, 'session-allow')));
  }
  const resUsed = !sameAccount || !iamCaller ? resHits : usedResourceHits;
  trace.push(...resUsed.map((h) => entry(h, 'resource-allow')));
  if (iamCaller) trace.push(...allowHits(set.scps.flat()).map((h) => entry(h, 'scp-allow')));
  trace.push(...allowHits(set.rcps.flat()).map((h) => entry(h, 'rcp-allow')));

  if (final === true && denyUnknown === false) {
    reasons.push(...trace.filter((t) => t.role === 'identity-allow' || t.role === 'resource-allow').map((t) => `allowed by ${describe(t.policy)} statement ${t.statementIndex}${t.sid ? ` (${t.sid})` : ''}`));
    if (isRoot) reasons.push('the account root user is allowed unless a policy denies it');
    return { decision: 'allow', trace, reasons };
  }

  for (const e of unknownPolicies) undecided.push(`${describe(e.source)} could not be read: ${e.unknownBecause}`);
  for (const h of denies) {
    undecided.push(`${stmtName(h)} (Deny) might apply: ${(h.out.unknownBecause ?? ['unknown']).join('; ')}`);
    trace.push(entry(h, 'explicit-deny'));
  }
  if (final === 'unknown') {
    for (const t of trace) if (t.outcome === 'unknown' && t.effect === 'Allow') undecided.push(`${describe(t.policy)} statement ${t.statementIndex}${t.sid ? ` (${t.sid})` : ''} (Allow) might apply: ${(t.unknownBecause ?? ['unknown']).join('; ')}`);
  }
  if (!undecided.length) undecided.push('a policy needed for the decision could not be evaluated');
  reasons.push('cannot decide: ' + undecided.join('; '));
  return { decision: 'undecided', trace, reasons, undecidedBecause: [...new Set(undecided)] };
}

/** Evaluates one request against the policies that apply to it. */
export function evaluateRequest(request: Request, policies: PolicySet): Decision {
  const prep = prepareRequest(request, !!policies.boundary);
  const set = evaluateSet(policies, prep);
  if (policies.resourcePolicyRequired) set.resourcePolicyRequired = true;
  return decide(prep, set, resourceAccountOf(request));
}

/** The resource's account: given, or read from the resource ARN (S3 ARNs carry none: same account). */
export function resourceAccountOf(request: Request): string | undefined {
  if (request.resourceAccount) return request.resourceAccount;
  const a = request.resource ? parseArn(request.resource) : undefined;
  return a && /^\d{12}$/.test(a.account) ? a.account : undefined;
}
