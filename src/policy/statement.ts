/**
 * Does one statement apply to a request? Action (or NotAction), Resource (or NotResource),
 * Principal (or NotPrincipal) and every condition must hold ("IAM JSON policy element reference").
 */
import { contextLookup, evaluateCondition } from './conditions.js';
import { callerFacts, matchPrincipalList, notPrincipalApplies, type PrincipalMatch } from './principal.js';
import { and3, type Tri } from './tri.js';
import type { ContextValue, ParsedStatement, PatternList, Request, RequestPrincipal } from './types.js';
import { resolveParts, type Lookup } from './variables.js';
import { canMatchSome, coversAll, genericMember, globMatch, type MatchKind } from './wildcard.js';

/** A request made ready for matching: context lookup built once, set-query prefixes worked out. */
export interface PreparedRequest {
  principal: RequestPrincipal;
  action: string;
  resource: string;
  lookup: Lookup;
  /** Set queries (`wildcards: 'cover'`): the literal text before the first `*`. */
  actionPrefix?: string;
  resourcePrefix?: string;
  /** The caller has a permissions boundary (NotPrincipal + Deny then always applies, per AWS). */
  hasBoundary: boolean;
}

/** Context keys AWS sets from the caller, filled in when the caller did not give them. */
export function principalContext(p: RequestPrincipal): Record<string, ContextValue> {
  const f = callerFacts(p);
  if (p.type === 'anonymous') return { 'aws:PrincipalType': 'Anonymous' };
  if (p.type === 'service') return { 'aws:PrincipalServiceName': p.service, 'aws:PrincipalIsAWSService': true };
  if (p.type !== 'iam' || !f) return {};
  const ctx: Record<string, ContextValue> = { 'aws:PrincipalArn': f.entityArn ?? p.arn, 'aws:PrincipalIsAWSService': false };
  if (f.account) ctx['aws:PrincipalAccount'] = f.account;
  const type = { user: 'User', role: 'AssumedRole', 'assumed-role': 'AssumedRole', root: 'Account', 'federated-user': 'FederatedUser', other: undefined }[f.kind];
  if (type) ctx['aws:PrincipalType'] = type;
  if (f.kind === 'user' && f.name) ctx['aws:username'] = f.name;
  return ctx;
}

/** `lookup` may be given ready-made (who-can layers its context maps); else it is built from the request. */
export function prepareRequest(req: Request, hasBoundary: boolean, lookup?: Lookup): PreparedRequest {
  const resource = req.resource ?? '*';
  const out: PreparedRequest = {
    principal: req.principal,
    action: req.action,
    resource,
    lookup: lookup ?? contextLookup(req.context, req.missingKeys ?? 'absent', principalContext(req.principal), req.knownKeyPrefixes),
    hasBoundary,
  };
  if (req.wildcards === 'cover') {
    if (req.action.includes('*')) out.actionPrefix = req.action.slice(0, req.action.indexOf('*'));
    if (resource.includes('*')) out.resourcePrefix = resource.slice(0, resource.indexOf('*'));
  }
  return out;
}

export interface StatementOutcome {
  applies: Tri;
  unknownBecause?: string[];
  /** How the Principal element named the caller (resource-based policies). */
  principalMatch?: PrincipalMatch;
}

// Shared outcomes for the common cases (outcomes are never changed once made).
const NO: StatementOutcome = Object.freeze({ applies: false });
const YES: StatementOutcome = Object.freeze({ applies: true });

function matchList(
  list: PatternList,
  value: string,
  kind: MatchKind,
  prefix: string | undefined,
  effect: 'Allow' | 'Deny',
  lookup: Lookup,
): { value: Tri; unknown?: string; invalid?: string } {
  const ci = kind === 'action';
  let unknown: string | undefined;
  let any = false;
  for (const p of list.patterns) {
    const r = resolveParts(p.parts, lookup);
    if ('invalid' in r) return { value: false, invalid: r.invalid };
    if ('unknown' in r) {
      unknown = r.unknown;
      continue;
    }
    let hit: boolean;
    if (prefix === undefined) hit = globMatch(r.ok, value, kind);
    else if (effect === 'Deny') hit = globMatch(r.ok, genericMember(prefix), kind);
    // A set query: an Allow must cover every member; a NotAction/NotResource must exclude none.
    else hit = list.negated ? canMatchSome(r.ok, prefix, ci) : coversAll(r.ok, prefix, ci);
    if (hit) {
      any = true;
      break;
    }
  }
  if (!any && unknown) return { value: 'unknown', unknown };
  return { value: list.negated ? !any : any };
}

/** Evaluates every element of a statement; stops at the first one that rules it out. */
export function evaluateStatement(st: ParsedStatement, req: PreparedRequest, variables: boolean): StatementOutcome {
  const lookup: Lookup = variables ? req.lookup : noLookup;
  // Allocated only when something is unknown (rarely): statements are evaluated per principal.
  let unknownBecause: string[] | undefined;
  let applies: Tri = true;

  const a = matchList(st.actions, req.action, 'action', req.actionPrefix, st.effect, lookup);
  if (a.value === false) return NO;

  if (st.resources) {
    const r = matchList(st.resources, req.resource, 'resource', req.resourcePrefix, st.effect, lookup);
    if (r.invalid) return { applies: false, unknownBecause: [`policy variable \${${r.invalid}} cannot be resolved: the statement does not apply`] };
    if (r.value === false) return NO;
    if (r.value === 'unknown') {
      applies = 'unknown';
      (unknownBecause ??= []).push(`the resource depends on the unknown key ${r.unknown}`);
    }
  }

  let principalMatch: PrincipalMatch | undefined;
  if (st.principals) {
    if (!st.principals.negated) {
      principalMatch = matchPrincipalList(st.principals, req.principal);
      if (!principalMatch) return NO;
    } else if (st.effect === 'Deny' && req.hasBoundary && req.principal.type === 'iam') {
      // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
      // permissions boundary policy attached" (Permissions boundaries for IAM entities).
    } else {
      const np = notPrincipalApplies(st.principals, req.principal, st.effect);
      if (np.applies === false) return NO;
      if (np.applies === 'unknown') {
        applies = 'unknown';
        (unknownBecause ??= []).push(np.because ?? 'NotPrincipal');
      }
    }
  }

  for (const c of st.conditions) {
    // Conditions always read the real context; `variables` only governs substitution inside values.
    const out = evaluateCondition(c, req.lookup, variables);
    if (out.invalidVariable)
      return { applies: false, unknownBecause: [`policy variable \${${out.invalidVariable}} cannot be resolved: the statement does not apply`] };
    applies = and3(applies, out.value);
    if (applies === false) return NO;
    if (out.value === 'unknown') (unknownBecause ??= []).push(`condition ${c.operator} on ${out.unknownKeys?.join(', ') ?? c.key} cannot be evaluated: the value is unknown`);
  }

  if (applies === true && !principalMatch) return YES;
  const res: StatementOutcome = { applies };
  if (unknownBecause) res.unknownBecause = unknownBecause;
  if (principalMatch) res.principalMatch = principalMatch;
  return res;
}

/** 2008-10-17 policies substitute no variables. */
const noLookup: Lookup = () => undefined;
