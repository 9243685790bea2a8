/**
 * An IamView made ready for many questions: each policy document parsed once and numbered, each
 * principal's identity-based policies (its own, then its groups') listed once as numbers, its
 * caller facts and principal context keys worked out once. Who-can then spends its time on the
 * question, not on the view, and a second question on the same view starts from here.
 *
 * Cached per view object: treat a view as read-only once it has been asked a question (build a
 * new view after changing one).
 */
import { contextMap } from './conditions.js';
import { isUnknownDoc, type IamView, type IamViewPrincipal, type IamViewUser } from './iam-view.js';
import { PolicyTable } from './policy-table.js';
import { principalFromArn } from './principal.js';
import { principalContext } from './statement.js';
import type { ContextValue, MaybeUnknownPolicy, PolicySource, RequestPrincipal, UnknownValue } from './types.js';

export interface PreparedPrincipal {
  principal: IamViewPrincipal;
  isUser: boolean;
  /** Group names ([] when unknown: the unknown list is then one of `identity`). */
  groups: string[];
  /** Ids (in PreparedView.policies) of its identity-based policies. */
  identity: number[];
  /** Id of its permissions boundary, or -1. */
  boundary: number;
  caller: RequestPrincipal;
  /** Context keys the principal fixes, lower-cased: see principalKeyMap (built when first read). */
  keys?: Map<string, ContextValue>;
}

/**
 * The context keys a principal fixes (aws:PrincipalArn, aws:username, aws:userid, its tags...),
 * lower-cased. Built on first use: most questions read no principal key, and a large account has
 * tens of thousands of principals.
 */
export function principalKeyMap(p: PreparedPrincipal): Map<string, ContextValue> {
  return (p.keys ??= contextMap({ ...principalContext(p.caller), ...principalKeys(p.principal, p.isUser) }));
}

export interface PreparedView {
  view: IamView;
  /** Every distinct policy, by id. */
  policies: MaybeUnknownPolicy[];
  /** Users, then roles, in the view's order. */
  principals: PreparedPrincipal[];
  byArn: Map<string, PreparedPrincipal>;
  /** SCP ids, one array per level of the organisation. */
  scps: number[][];
  /** Ids of the policies with a statement whose Action names the service (lower-case prefix)... */
  byService: Map<string, number[]>;
  /** ... and of those that may concern any service (NotAction, a wildcard in the service, an unreadable document). */
  anyService: number[];
  /** Documents that could not be parsed (an unread document is not a problem of the policy). */
  problems: string[];
}

/** Context keys of a principal that the inventory knows (or knows it cannot know). */
export function principalKeys(p: IamViewPrincipal, isUser: boolean): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  // A role's aws:userid includes the session name, which the inventory cannot know.
  if (isUser && p.id) ctx['aws:userid'] = p.id;
  else if (!isUser) ctx['aws:userid'] = { unknownBecause: 'a role session name is chosen at AssumeRole time' };
  for (const [k, v] of Object.entries(p.tags ?? {})) ctx[`aws:PrincipalTag/${k}`] = v;
  return ctx;
}

const unknownList = (table: PolicyTable, name: string, why: UnknownValue, extra: Partial<PolicySource> = {}): number =>
  table.add({ source: { type: 'identity', name, ...extra }, unknownBecause: why.unknownBecause });

function preparePrincipal(
  p: IamViewPrincipal,
  isUser: boolean,
  table: PolicyTable,
  groupIds: (name: string) => number[],
): PreparedPrincipal {
  // Arrays made at their final size (one per principal, kept for the view's lifetime).
  let identity = isUnknownDoc(p.policies)
    ? [unknownList(table, `policies of ${p.arn}`, p.policies, { attachedTo: p.arn })]
    : p.policies.map((ref) => table.ref(ref, 'identity', p.arn));
  let groups: string[] = [];
  if (isUser) {
    const g = (p as IamViewUser).groups;
    if (isUnknownDoc(g)) identity = identity.concat(unknownList(table, `policies of groups of ${p.arn}`, g, { attachedTo: p.arn }));
    else if (g.length) {
      groups = g;
      identity = identity.concat(...g.map(groupIds));
    }
  }
  return {
    principal: p,
    isUser,
    groups,
    identity,
    boundary: p.permissionsBoundary ? table.ref(p.permissionsBoundary, 'boundary', p.arn) : -1,
    caller: principalFromArn(p.arn),
  };
}

/** The policy ids of a group by name, resolved once per group (members share them). */
function groupResolver(view: IamView, table: PolicyTable): (name: string) => number[] {
  const groupsByName = new Map(view.groups.map((g) => [g.name, g]));
  const cache = new Map<string, number[]>();
  return (name) => {
    let ids = cache.get(name);
    if (ids) return ids;
    const g = groupsByName.get(name);
    if (!g) ids = [unknownList(table, `policies of group ${name}`, { unknownBecause: `group ${name} is not in the inventory` }, { group: name })];
    else if (isUnknownDoc(g.policies)) ids = [unknownList(table, `policies of ${g.arn}`, g.policies, { attachedTo: g.arn })];
    else ids = g.policies.map((ref) => table.groupRef(ref, g.arn, g.name));
    cache.set(name, ids);
    return ids;
  };
}

function build(view: IamView): PreparedView {
  const table = new PolicyTable();
  const groupIds = groupResolver(view, table);
  const principals = [
    ...view.users.map((u) => preparePrincipal(u, true, table, groupIds)),
    ...view.roles.map((r) => preparePrincipal(r, false, table, groupIds)),
  ];
  // Every group's policies are read, members or not: prepareIamView reports their problems too.
  for (const g of view.groups) groupIds(g.name);
  const scps = (view.scps ?? []).map((level) => level.map((ref) => table.ref(ref, 'scp', view.accountId)));
  const byArn = new Map<string, PreparedPrincipal>();
  for (const p of principals) if (!byArn.has(p.principal.arn)) byArn.set(p.principal.arn, p);
  return { view, policies: table.policies, principals, byArn, scps, byService: table.byService, anyService: table.anyService, problems: table.problems };
}

const prepared = new WeakMap<IamView, { p: PreparedView; size: string }>();

/** A cheap guard against the commonest change to a view after a question: principals or groups added. */
const sizeOf = (v: IamView): string => `${v.users.length}/${v.roles.length}/${v.groups.length}/${v.scps?.length ?? -1}`;

export function preparedView(view: IamView): PreparedView {
  const size = sizeOf(view);
  let hit = prepared.get(view);
  if (!hit || hit.size !== size) prepared.set(view, (hit = { p: build(view), size }));
  return hit.p;
}

/**
 * A principal that is not in the view (administratorStatus accepts one), prepared against the
 * view's groups and policies without changing the cached preparation.
 */
export function prepareOutsider(view: IamView, p: IamViewPrincipal, isUser: boolean): { prepared: PreparedPrincipal; policies: MaybeUnknownPolicy[] } {
  const table = new PolicyTable();
  return { prepared: preparePrincipal(p, isUser, table, groupResolver(view, table)), policies: table.policies };
}
