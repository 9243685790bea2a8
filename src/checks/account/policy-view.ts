import type { Inventory } from '../../inventory/index.js';
import {
  administratorStatus,
  evaluateRequest,
  iamViewFromInventory,
  isPolicyParseError,
  isUnknownDoc,
  parsePolicy,
  principalFromArn,
  whoCan,
  type AdministratorStatus,
  type ContextValue,
  type Decision,
  type IamView,
  type IamViewPolicy,
  type MaybeUnknownPolicy,
  type PolicySet,
  type PolicySource,
  type WhoCanQuery,
  type WhoCanResult,
  type WhoCanVia,
} from '../../policy/index.js';
import type { ResourceRef } from '../types.js';

/**
 * The policy engine's view of one inventory, with administrator verdicts cached: several checks
 * ask the same questions of the same inventory in one scan.
 */
export interface PolicyView {
  view: IamView;
  admin(arn: string): AdministratorStatus['admin'];
  who(q: WhoCanQuery): WhoCanResult[];
  /**
   * One IAM user's request, evaluated with exactly the context given (who-can folds both ways of
   * lacking MFA into one answer; some checks must tell a console session from an access key).
   */
  asUser(arn: string, action: string, context: Record<string, ContextValue>): Decision | undefined;
}

/** How a request lacks MFA: a console (or STS) session without it, or long-term access keys. */
export const NO_MFA_SESSION: Record<string, ContextValue> = { 'aws:MultiFactorAuthPresent': false, 'aws:MultiFactorAuthAge': [] };
/** Requests signed with access keys carry neither MFA key (IAM User Guide, global condition keys). */
export const NO_MFA_KEYS: Record<string, ContextValue> = { 'aws:MultiFactorAuthPresent': [], 'aws:MultiFactorAuthAge': [] };

const cache = new WeakMap<Inventory, PolicyView>();

export function policyView(inv: Inventory): PolicyView {
  const hit = cache.get(inv);
  if (hit) return hit;
  const view = iamViewFromInventory(inv);
  const admins = new Map<string, AdministratorStatus['admin']>();
  const parsed = new Map<string, PolicySet | undefined>();
  const pv: PolicyView = {
    view,
    admin(arn) {
      let a = admins.get(arn);
      if (a === undefined) admins.set(arn, (a = administratorStatus(arn, view).admin));
      return a;
    },
    who: (q) => whoCan(view, q),
    asUser: (arn, action, context) => {
      const set = userPolicies(view, arn, parsed);
      if (!set) return undefined;
      const u = view.users.find((x) => x.arn === arn);
      const principalKeys: Record<string, ContextValue> = Object.fromEntries(Object.entries(u?.tags ?? {}).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
      if (u?.id) principalKeys['aws:userid'] = u.id;
      return evaluateRequest(
        { principal: principalFromArn(arn), action, context: { ...principalKeys, ...context }, missingKeys: 'unknown', knownKeyPrefixes: ['aws:principaltag/'] },
        set,
      );
    },
  };
  cache.set(inv, pv);
  return pv;
}

function toPolicy(ref: IamViewPolicy, source: PolicySource): MaybeUnknownPolicy {
  if (isUnknownDoc(ref.document)) return { source, unknownBecause: ref.document.unknownBecause };
  const p = parsePolicy(ref.document, source);
  return isPolicyParseError(p) ? { source, unknownBecause: p.message } : p;
}

/** A user's identity policies (its own and its groups'), and its boundary, parsed once per view. */
function userPolicies(view: IamView, arn: string, cache: Map<string, PolicySet | undefined>): PolicySet | undefined {
  if (cache.has(arn)) return cache.get(arn);
  const u = view.users.find((x) => x.arn === arn);
  let set: PolicySet | undefined;
  if (u) {
    const identity: MaybeUnknownPolicy[] = [];
    const add = (owner: string, list: IamViewPolicy[] | { unknownBecause: string }, group?: string) => {
      if (isUnknownDoc(list)) identity.push({ source: { type: 'identity', name: `policies of ${owner}`, attachedTo: owner }, unknownBecause: list.unknownBecause });
      else for (const ref of list) identity.push(toPolicy(ref, { type: 'identity', name: ref.name, kind: ref.kind, attachedTo: owner, ...(ref.arn ? { arn: ref.arn } : {}), ...(group ? { group } : {}) }));
    };
    add(u.arn, u.policies);
    if (isUnknownDoc(u.groups)) identity.push({ source: { type: 'identity', name: `groups of ${u.name}` }, unknownBecause: u.groups.unknownBecause });
    else
      for (const name of u.groups) {
        const g = view.groups.find((x) => x.name === name);
        if (g) add(g.arn, g.policies, g.name);
        else identity.push({ source: { type: 'identity', name: `policies of group ${name}`, group: name }, unknownBecause: `group ${name} is not in the inventory` });
      }
    set = { identity };
    if (view.scps) set.scps = view.scps.map((level) => level.map((ref) => toPolicy(ref, { type: 'scp', name: ref.name, ...(ref.arn ? { arn: ref.arn } : {}) })));
    if (u.permissionsBoundary) set.boundary = toPolicy(u.permissionsBoundary, { type: 'boundary', name: u.permissionsBoundary.name, attachedTo: u.arn });
  }
  cache.set(arn, set);
  return set;
}

/** The policies behind an Allow decision, named as `viaText` names them. */
export function viaOfDecision(d: Decision): WhoCanVia[] {
  return d.trace
    .filter((t) => t.effect === 'Allow' && t.role === 'identity-allow')
    .map((t) => ({
      policy: t.policy.name,
      kind: t.policy.kind ?? 'inline',
      attachedTo: t.policy.group ? ('group' as const) : ('user' as const),
      statementIndex: t.statementIndex,
      ...(t.policy.arn ? { arn: t.policy.arn } : {}),
      ...(t.policy.group ? { group: t.policy.group } : {}),
      ...(t.sid ? { sid: t.sid } : {}),
    }));
}

/** Users and roles as finding resources. */
export function principalResource(arn: string): ResourceRef {
  return { id: arn, type: arn.includes(':role/') ? 'AWS::IAM::Role' : 'AWS::IAM::User', region: 'global' };
}

/** "User alice" / "Role deploy", for messages. */
export function principalLabel(r: Pick<WhoCanResult, 'kind' | 'name'>): string {
  return `${r.kind === 'role' ? 'role' : 'user'} ${r.name}`;
}

/** The policies that allowed, for messages: "AdministratorAccess (group Admins), deploy (inline)". */
export function viaText(via: WhoCanVia[]): string {
  const names = via.map((v) => {
    if (v.attachedTo === 'resource') return `${v.policy} (resource policy)`;
    const where = v.group ? `group ${v.group}` : v.kind === 'inline' ? 'inline' : 'managed';
    return `${v.policy} (${where})`;
  });
  return [...new Set(names)].join(', ') || 'an unidentified statement';
}

/** "a, b, c and 4 more": keeps messages readable when lists are long. */
export function listText(items: string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Why the view is incomplete (users or roles could not be read), or undefined when it is whole. */
export function viewGap(pv: PolicyView): string | undefined {
  return pv.view.unknownParts?.length ? pv.view.unknownParts.join('; ') : undefined;
}

/** "Suppose the caller's own side allows it": for questions a resource or trust policy alone decides. */
const CALLER_SIDE = parsePolicy(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  { type: 'identity', name: "the caller's own policies (assumed to allow)" },
);

/**
 * True when every caller the role's trust policy names can assume it only with MFA: its sessions
 * then always carry aws:MultiFactorAuthPresent, whatever its permission policies say. Services,
 * federated and anonymous callers never bring MFA, so a trust that admits them is false.
 */
export function roleAssumedOnlyWithMfa(inv: Inventory, roleArn: string): boolean {
  const roles = inv.iam.roles;
  const role = roles.state === 'ok' ? roles.value.find((r) => r.arn === roleArn) : undefined;
  if (!role || isPolicyParseError(CALLER_SIDE)) return false;
  const trust = parsePolicy(role.assumeRolePolicy, { type: 'trust', name: `trust policy of ${role.name}`, attachedTo: roleArn });
  if (isPolicyParseError(trust)) return false;
  const callers = new Set<string>();
  for (const st of trust.statements) {
    if (st.effect !== 'Allow') continue;
    if (!st.principals || st.principals.negated) return false;
    for (const v of st.principals.values) {
      if (v.type !== 'aws') return false;
      callers.add(/^\d{12}$/.test(v.value) ? `arn:${inv.meta.partition}:iam::${v.value}:root` : v.value);
    }
  }
  if (callers.size === 0) return false;
  for (const caller of callers) {
    for (const context of [NO_MFA_SESSION, NO_MFA_KEYS]) {
      const d = evaluateRequest(
        { principal: principalFromArn(caller), action: 'sts:AssumeRole', resource: roleArn, context, missingKeys: 'unknown' },
        { identity: [CALLER_SIDE], resource: [trust] },
      );
      if (d.decision === 'allow' || d.decision === 'undecided') return false;
    }
  }
  return true;
}
