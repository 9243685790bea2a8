/**
 * The slice of IAM that who-can needs, as a small structural interface (so tests and benchmarks
 * build one by hand), and the adapter from Rampart's inventory. Anything the inventory could not
 * read becomes an `UnknownValue`, and answers that depend on it come out 'undecided'.
 */
import { describeMissing, type Attr } from '../inventory/attr.js';
import type { Inventory } from '../inventory/inventory.js';
import type { ManagedPolicy } from '../inventory/iam.js';
import type { UnknownValue } from './types.js';

export interface IamViewPolicy {
  name: string;
  arn?: string;
  kind: 'managed' | 'inline';
  /** The document (object or JSON text), or why it is unknown. */
  document: unknown;
}

export interface IamViewPrincipal {
  arn: string;
  name: string;
  /** The unique id (AIDA... / AROA...), for aws:userid. */
  id?: string;
  policies: IamViewPolicy[] | UnknownValue;
  permissionsBoundary?: IamViewPolicy;
  tags?: Record<string, string>;
}

export interface IamViewUser extends IamViewPrincipal {
  /** Group names. */
  groups: string[] | UnknownValue;
}

export interface IamViewRole extends IamViewPrincipal {
  /** The trust (assume-role) policy document, or why it is unknown; undefined: not collected. */
  trustPolicy?: unknown;
}

export interface IamViewGroup {
  arn: string;
  name: string;
  policies: IamViewPolicy[] | UnknownValue;
}

/**
 * Who-can prepares a view once (every document parsed, every principal's policies listed) and
 * keeps that with it: change a view only before its first question, or build a new one.
 */
export interface IamView {
  accountId: string;
  users: IamViewUser[];
  groups: IamViewGroup[];
  roles: IamViewRole[];
  /** SCPs that apply to the account, one array per level, when known. */
  scps?: IamViewPolicy[][];
  /** Parts of IAM that could not be read (the list of users, of roles...). */
  unknownParts?: string[];
}

export function isUnknownDoc(x: unknown): x is UnknownValue {
  return typeof x === 'object' && x !== null && typeof (x as UnknownValue).unknownBecause === 'string';
}

const unknown = (why: string): UnknownValue => ({ unknownBecause: why });

function listOf<T>(a: Attr<T[]>, what: string, unknownParts: string[]): T[] {
  if (a.state === 'ok') return a.value;
  if (a.state === 'absent') return [];
  unknownParts.push(`${what}: ${describeMissing(a)}`);
  return [];
}

/** Builds the view from the inventory's IAM part. */
export function iamViewFromInventory(inv: Inventory): IamView {
  const iam = inv.iam;
  const unknownParts: string[] = [];
  const managed = new Map<string, ManagedPolicy>();
  const policiesKnown = iam.policies.state === 'ok';
  const policiesWhy = policiesKnown ? '' : `managed policies: ${describeMissing(iam.policies)}`;
  for (const p of listOf(iam.policies, 'managed policies', unknownParts)) managed.set(p.arn, p);

  // One object per managed policy, shared by every attachment, so the engine parses it once.
  const refs = new Map<string, IamViewPolicy>();
  const managedRef = (arn: string): IamViewPolicy => {
    let ref = refs.get(arn);
    if (ref) return ref;
    const p = managed.get(arn);
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    ref = p
      ? { name: p.name, arn, kind: 'managed', document: p.document }
      : { name, arn, kind: 'managed', document: unknown(policiesKnown ? `managed policy ${arn} is not in the inventory` : policiesWhy) };
    refs.set(arn, ref);
    return ref;
  };
  const policiesOf = (x: { attachedManagedPolicies: string[]; inlinePolicies: { name: string; document: unknown }[] }): IamViewPolicy[] => [
    ...x.inlinePolicies.map((p): IamViewPolicy => ({ name: p.name, kind: 'inline', document: p.document })),
    ...x.attachedManagedPolicies.map(managedRef),
  ];
  const common = (x: { arn: string; name: string; id?: string | undefined; tags: Record<string, string> }): IamViewPrincipal => {
    const out: IamViewPrincipal = { arn: x.arn, name: x.name, policies: [], tags: x.tags };
    if (x.id) out.id = x.id;
    return out;
  };

  const users = listOf(iam.users, 'users', unknownParts).map((u): IamViewUser => {
    const v: IamViewUser = { ...common(u), policies: policiesOf(u), groups: u.groups };
    if (u.permissionsBoundary) v.permissionsBoundary = managedRef(u.permissionsBoundary);
    return v;
  });
  const groupsAttr = iam.groups;
  const groups = listOf(groupsAttr, 'groups', unknownParts).map((g): IamViewGroup => ({ arn: g.arn, name: g.name, policies: policiesOf(g) }));
  // Without the group list a user's group policies are unknown, not missing.
  if (groupsAttr.state !== 'ok' && groupsAttr.state !== 'absent') {
    for (const u of users) if (!isUnknownDoc(u.groups) && u.groups.length) u.groups = unknown(`groups: ${describeMissing(groupsAttr)}`);
  }
  const roles = listOf(iam.roles, 'roles', unknownParts).map((r): IamViewRole => {
    const v: IamViewRole = { ...common(r), policies: policiesOf(r), trustPolicy: r.assumeRolePolicy };
    if (r.permissionsBoundary) v.permissionsBoundary = managedRef(r.permissionsBoundary);
    return v;
  });
  const view: IamView = { accountId: inv.meta.accountId, users, groups, roles };
  if (unknownParts.length) view.unknownParts = unknownParts;
  return view;
}
