import type {
  GetAccountAuthorizationDetailsCommandOutput,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
  GroupDetail,
} from '@aws-sdk/client-iam';
import type { IamGroup, IamRole, IamUser, InlinePolicy, ManagedPolicy } from '../../../inventory/index.js';
import { compact, iso, parsePolicy, tagsOf } from '../outcome.js';

/** AWS managed policies live in the reserved account 'aws'. */
export const isAwsManaged = (arn: string) => /^arn:[^:]+:iam::aws:policy\//.test(arn);

function inline(list: PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: parsePolicy(p.PolicyDocument, true) ?? {} }));
}

const attached = (list: Array<{ PolicyArn?: string }> | undefined) =>
  (list ?? []).map((a) => a.PolicyArn).filter((a): a is string => a !== undefined);

function user(u: UserDetail): IamUser {
  return compact({
    arn: u.Arn ?? '',
    name: u.UserName ?? '',
    id: u.UserId,
    path: u.Path ?? '/',
    createDate: iso(u.CreateDate),
    attachedManagedPolicies: attached(u.AttachedManagedPolicies),
    inlinePolicies: inline(u.UserPolicyList),
    tags: tagsOf(u.Tags),
    groups: u.GroupList ?? [],
    permissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
  });
}

function group(g: GroupDetail): IamGroup {
  return compact({
    arn: g.Arn ?? '',
    name: g.GroupName ?? '',
    id: g.GroupId,
    path: g.Path ?? '/',
    createDate: iso(g.CreateDate),
    attachedManagedPolicies: attached(g.AttachedManagedPolicies),
    inlinePolicies: inline(g.GroupPolicyList),
    tags: {},
  });
}

function role(r: RoleDetail): IamRole {
  return compact({
    arn: r.Arn ?? '',
    name: r.RoleName ?? '',
    id: r.RoleId,
    path: r.Path ?? '/',
    createDate: iso(r.CreateDate),
    attachedManagedPolicies: attached(r.AttachedManagedPolicies),
    inlinePolicies: inline(r.RolePolicyList),
    tags: tagsOf(r.Tags),
    assumeRolePolicy: parsePolicy(r.AssumeRolePolicyDocument, true) ?? {},
    permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
    lastUsed: iso(r.RoleLastUsed?.LastUsedDate),
  });
}

function policy(p: ManagedPolicyDetail): ManagedPolicy {
  const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
  const arn = p.Arn ?? '';
  return compact({
    arn,
    // Some emulators leave PolicyName out; the ARN ends with it.
    name: p.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1),
    path: p.Path ?? '/',
    awsManaged: isAwsManaged(arn),
    defaultVersionId: p.DefaultVersionId,
    document: parsePolicy(version?.Document, true) ?? {},
    attachmentCount: p.AttachmentCount,
  });
}

/**
 * Accumulates GetAccountAuthorizationDetails pages. AWS managed policies are many (about 1,400)
 * and the same in every account: only those attached to something (or used as a boundary) are
 * kept, decided page by page so the unattached ones are never held.
 */
export class AuthorizationDetails {
  readonly users: IamUser[] = [];
  readonly groups: IamGroup[] = [];
  readonly roles: IamRole[] = [];
  readonly policies: ManagedPolicy[] = [];
  private readonly referenced = new Set<string>();

  add(page: GetAccountAuthorizationDetailsCommandOutput): void {
    for (const u of page.UserDetailList ?? []) this.users.push(this.note(user(u)));
    for (const g of page.GroupDetailList ?? []) this.groups.push(this.note(group(g)));
    for (const r of page.RoleDetailList ?? []) this.roles.push(this.note(role(r)));
    for (const p of page.Policies ?? []) {
      const arn = p.Arn ?? '';
      const used = (p.AttachmentCount ?? 0) > 0 || (p.PermissionsBoundaryUsageCount ?? 0) > 0 || this.referenced.has(arn);
      if (!isAwsManaged(arn) || used) this.policies.push(policy(p));
    }
  }

  private note<T extends { attachedManagedPolicies: string[]; permissionsBoundary?: string }>(p: T): T {
    for (const a of p.attachedManagedPolicies) this.referenced.add(a);
    if (p.permissionsBoundary) this.referenced.add(p.permissionsBoundary);
    return p;
  }
}
