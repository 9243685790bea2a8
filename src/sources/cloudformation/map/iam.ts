import type { InlinePolicy } from '../../../inventory/index.js';
import { arns, iamPath } from '../../iac/arns.js';
import { asStr, asStrList, asTags } from '../../iac/fields.js';
import type { FieldReader } from '../../iac/fields.js';
import type { PrincipalKind } from '../../iac/collector.js';
import { identityPolicy } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { refOf } from '../identity.js';
import { declared, fieldsOf, list, obj, type MapContext, type Mapper } from './context.js';

function strings(f: FieldReader, field: string, v: unknown): string[] {
  const l = asStrList(v);
  if (l === undefined) return [];
  if (isUnknown(l)) {
    f.defer(field, l);
    return [];
  }
  const out: string[] = [];
  for (const s of l) {
    if (isUnknown(s)) f.defer(field, s);
    else out.push(s);
  }
  return out;
}

function inline(f: FieldReader, v: unknown): InlinePolicy[] {
  return list(v).flatMap((p) => {
    const o = obj(p);
    const name = asStr(o.PolicyName);
    const doc = identityPolicy(f, `inline policy ${typeof name === 'string' ? name : ''}`.trim(), o.PolicyDocument);
    return doc ? [{ name: typeof name === 'string' ? name : 'inline', document: doc }] : [];
  });
}

function principal(m: MapContext, kind: 'user' | 'group' | 'role') {
  const p = m.props;
  const name = String(refOf(m.type, m.logicalId, () => p, m.where));
  const path = iamPath(p.Path);
  const arn = arns.iam(m.where, kind, name, path);
  const f = fieldsOf(m, arn);
  const boundary = asStr(p.PermissionsBoundary);
  if (isUnknown(boundary)) f.defer('PermissionsBoundary', boundary);
  return {
    common: {
      ...declared(m),
      arn,
      name,
      path,
      attachedManagedPolicies: strings(f, 'ManagedPolicyArns', p.ManagedPolicyArns),
      inlinePolicies: inline(f, p.Policies),
      tags: asTags(p.Tags),
    },
    f,
    boundary: typeof boundary === 'string' ? boundary : undefined,
  };
}

const user: Mapper = (m) => {
  const { common, f, boundary } = principal(m, 'user');
  m.c.users.push({ ...common, groups: strings(f, 'Groups', m.props.Groups), ...(boundary ? { permissionsBoundary: boundary } : {}) });
};

const group: Mapper = (m) => {
  m.c.groups.push(principal(m, 'group').common);
};

const role: Mapper = (m) => {
  const { common, f, boundary } = principal(m, 'role');
  const trust = identityPolicy(f, 'AssumeRolePolicyDocument', m.props.AssumeRolePolicyDocument) ?? {};
  m.c.roles.push({ ...common, assumeRolePolicy: trust, ...(boundary ? { permissionsBoundary: boundary } : {}) });
};

/** The principals a policy resource names (Roles, Users, Groups), by name. */
function targets(m: MapContext, f: FieldReader): Array<{ kind: PrincipalKind; name: string }> {
  const out: Array<{ kind: PrincipalKind; name: string }> = [];
  for (const [key, kind] of [
    ['Roles', 'role'],
    ['Users', 'user'],
    ['Groups', 'group'],
  ] as const) {
    for (const name of strings(f, key, m.props[key])) out.push({ kind, name: name.replace(/^arn:[^:]*:iam::\d*:(role|user|group)\/(.*\/)?/, '') });
  }
  return out;
}

const managedPolicy: Mapper = (m) => {
  const p = m.props;
  const arn = String(refOf(m.type, m.logicalId, () => p, m.where));
  const f = fieldsOf(m, arn);
  const name = typeof p.ManagedPolicyName === 'string' ? p.ManagedPolicyName : m.logicalId;
  const doc = identityPolicy(f, 'PolicyDocument', p.PolicyDocument) ?? {};
  m.c.policies.push({ ...declared(m), arn, name, path: iamPath(p.Path), awsManaged: false, defaultVersionId: 'v1', document: doc });
  for (const t of targets(m, f)) m.c.attachments.push({ ...t, policyArn: arn });
};

/** AWS::IAM::Policy: an inline policy embedded in each principal it names. */
const policy: Mapper = (m) => {
  const f = fieldsOf(m, m.logicalId);
  const name = asStr(m.props.PolicyName);
  const doc = identityPolicy(f, 'PolicyDocument', m.props.PolicyDocument);
  if (!doc) return;
  for (const t of targets(m, f)) {
    m.c.inlinePolicies.push({ ...t, policy: { name: typeof name === 'string' ? name : m.logicalId, document: doc } });
  }
};

/** AWS::IAM::RolePolicy, UserPolicy, GroupPolicy: one inline policy on one principal. */
function onePolicy(kind: PrincipalKind, key: string): Mapper {
  return (m) => {
    const f = fieldsOf(m, m.logicalId);
    const owner = asStr(m.props[key]);
    const name = asStr(m.props.PolicyName);
    const doc = identityPolicy(f, 'PolicyDocument', m.props.PolicyDocument);
    if (typeof owner !== 'string' || !doc) return;
    m.c.inlinePolicies.push({ kind, name: owner, policy: { name: typeof name === 'string' ? name : m.logicalId, document: doc } });
  };
}

const userToGroup: Mapper = (m) => {
  const f = fieldsOf(m, m.logicalId);
  const g = asStr(m.props.GroupName);
  if (typeof g !== 'string') return;
  for (const u of strings(f, 'Users', m.props.Users)) m.c.memberships.push({ group: g, user: u });
};

export const iamMappers: Record<string, Mapper> = {
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::Role': role,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::RolePolicy': onePolicy('role', 'RoleName'),
  'AWS::IAM::UserPolicy': onePolicy('user', 'UserName'),
  'AWS::IAM::GroupPolicy': onePolicy('group', 'GroupName'),
  'AWS::IAM::UserToGroupAddition': userToGroup,
};
