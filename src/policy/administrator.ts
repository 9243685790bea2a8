/**
 * Is a principal an administrator: allowed "*" on "*", or "iam:*" on "*" (which lets it grant
 * itself anything), as the engine evaluates it? An Allow must cover every action and resource; a
 * Deny that removes only some named actions does not change the answer. Evaluated with MFA.
 */
import { decide, evaluatePolicy, type EvaluatedSet } from './evaluate.js';
import type { IamView, IamViewPrincipal } from './iam-view.js';
import { prepareOutsider, preparedView, principalKeys, type PreparedPrincipal } from './prepared-view.js';
import { prepareRequest } from './statement.js';
import type { Decision, MaybeUnknownPolicy, Request } from './types.js';

export interface AdministratorStatus {
  admin: boolean | 'undecided';
  /** Which question made it so: every action, or every IAM action, on every resource. */
  because?: 'all-actions' | 'iam-actions';
  decisions: Decision[];
}

export function administratorStatus(principal: string | IamViewPrincipal, inv: IamView): AdministratorStatus {
  const arn = typeof principal === 'string' ? principal : principal.arn;
  const pv = preparedView(inv);
  let pp: PreparedPrincipal | undefined = pv.byArn.get(arn);
  let policies = pv.policies;
  if (!pp) {
    if (typeof principal === 'string') return { admin: 'undecided', decisions: [] };
    // A principal the view does not list: read like a role (no groups), against the view's groups.
    const outsider = prepareOutsider(inv, principal, false);
    pp = outsider.prepared;
    policies = outsider.policies;
  }
  const policy = (id: number): MaybeUnknownPolicy => policies[id] as MaybeUnknownPolicy;
  const decisions: Decision[] = [];
  let undecided = false;
  for (const [action, because] of [
    ['*', 'all-actions'],
    ['iam:*', 'iam-actions'],
  ] as const) {
    const req: Request = {
      principal: pp.caller,
      action,
      resource: '*',
      wildcards: 'cover',
      missingKeys: 'unknown',
      knownKeyPrefixes: ['aws:principaltag/'],
      context: { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0, ...principalKeys(pp.principal, pp.isUser) },
    };
    const prep = prepareRequest(req, pp.boundary >= 0);
    const set: EvaluatedSet = {
      identity: pp.identity.map((id) => evaluatePolicy(policy(id), prep)),
      resource: [],
      scps: [],
      rcps: [],
      session: [],
      resourcePolicyRequired: false,
    };
    if (pp.boundary >= 0) set.boundary = evaluatePolicy(policy(pp.boundary), prep);
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
