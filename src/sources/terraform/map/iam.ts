import { arns, iamPath } from '../../iac/arns.js';
import { asBool, asNum, asTags } from '../../iac/fields.js';
import type { PrincipalKind } from '../../iac/collector.js';
import { identityPolicy } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { blocks, declared, fieldsOf, knownStrings, str, type TfMapContext, type TfMapper } from './context.js';

function principal(m: TfMapContext, kind: 'user' | 'group' | 'role') {
  const c = m.cfg;
  const name = typeof c.name === 'string' ? c.name : m.address;
  const path = iamPath(c.path);
  const arn = arns.iam(m.where, kind, name, path);
  const f = fieldsOf(m, arn);
  if (isUnknown(c.permissions_boundary)) f.defer('permissions_boundary', c.permissions_boundary);
  return {
    common: {
      ...declared(m),
      arn,
      name,
      path,
      attachedManagedPolicies: knownStrings(f, 'managed_policy_arns', c.managed_policy_arns),
      inlinePolicies: blocks(c.inline_policy).flatMap((p) => {
        if (isUnknown(p)) {
          f.defer('inline_policy', p);
          return [];
        }
        const n = str(p.name) ?? 'inline';
        const doc = identityPolicy(f, `inline policy ${n}`, p.policy);
        return doc ? [{ name: n, document: doc }] : [];
      }),
      tags: asTags(c.tags),
    },
    f,
    boundary: str(c.permissions_boundary),
  };
}

/** The principal a policy or attachment names: a name, or an ARN whose last part is the name. */
const nameOf = (v: unknown) => (typeof v === 'string' ? v.replace(/^arn:[^:]*:iam::\d*:(role|user|group)\/(.*\/)?/, '') : undefined);

function inlinePolicy(kind: PrincipalKind, key: string): TfMapper {
  return (m) => {
    const owner = nameOf(m.cfg[key]);
    if (!owner) return;
    const f = fieldsOf(m, m.address);
    const doc = identityPolicy(f, 'policy', m.cfg.policy);
    if (doc) m.c.inlinePolicies.push({ kind, name: owner, policy: { name: str(m.cfg.name) ?? m.address, document: doc } });
  };
}

function attachment(kind: PrincipalKind, key: string): TfMapper {
  return (m) => {
    const owner = nameOf(m.cfg[key]);
    const arn = str(m.cfg.policy_arn);
    if (owner && arn) m.c.attachments.push({ kind, name: owner, policyArn: arn });
  };
}

export const iamMappers: Record<string, TfMapper> = {
  aws_iam_user: (m) => {
    const { common, boundary } = principal(m, 'user');
    m.c.users.push({ ...common, groups: [], ...(boundary ? { permissionsBoundary: boundary } : {}) });
  },
  aws_iam_group: (m) => {
    m.c.groups.push(principal(m, 'group').common);
  },
  aws_iam_role: (m) => {
    const { common, f, boundary } = principal(m, 'role');
    const trust = identityPolicy(f, 'assume_role_policy', m.cfg.assume_role_policy) ?? {};
    m.c.roles.push({ ...common, assumeRolePolicy: trust, ...(boundary ? { permissionsBoundary: boundary } : {}) });
  },
  aws_iam_policy: (m) => {
    const name = typeof m.cfg.name === 'string' ? m.cfg.name : m.address;
    const arn = arns.iam(m.where, 'policy', name, iamPath(m.cfg.path));
    const f = fieldsOf(m, arn);
    m.c.policies.push({ ...declared(m), arn, name, path: iamPath(m.cfg.path), awsManaged: false, defaultVersionId: 'v1', document: identityPolicy(f, 'policy', m.cfg.policy) ?? {} });
  },
  aws_iam_role_policy: inlinePolicy('role', 'role'),
  aws_iam_user_policy: inlinePolicy('user', 'user'),
  aws_iam_group_policy: inlinePolicy('group', 'group'),
  aws_iam_role_policy_attachment: attachment('role', 'role'),
  aws_iam_user_policy_attachment: attachment('user', 'user'),
  aws_iam_group_policy_attachment: attachment('group', 'group'),
  aws_iam_policy_attachment: (m) => {
    const arn = str(m.cfg.policy_arn);
    if (!arn) return;
    const f = fieldsOf(m, m.address);
    for (const [key, kind] of [['roles', 'role'], ['users', 'user'], ['groups', 'group']] as const) {
      for (const n of knownStrings(f, key, m.cfg[key])) m.c.attachments.push({ kind, name: nameOf(n)!, policyArn: arn });
    }
  },
  aws_iam_user_group_membership: (m) => {
    const user = str(m.cfg.user);
    if (!user) return;
    for (const g of knownStrings(fieldsOf(m, m.address), 'groups', m.cfg.groups)) m.c.memberships.push({ group: g, user });
  },
  aws_iam_group_membership: (m) => {
    const group = str(m.cfg.group);
    if (!group) return;
    for (const u of knownStrings(fieldsOf(m, m.address), 'users', m.cfg.users)) m.c.memberships.push({ group, user: u });
  },
  aws_iam_account_password_policy: (m) => {
    const c = m.cfg;
    const f = fieldsOf(m, `arn:${m.where.partition}:iam::${m.where.account}:root`);
    const n = (v: unknown) => {
      const x = asNum(v);
      return typeof x === 'number' ? x : undefined;
    };
    const b = (v: unknown, d: boolean) => {
      const x = asBool(v);
      return typeof x === 'boolean' ? x : d;
    };
    m.c.passwordPolicy = f.attr(c, () => ({
      // The provider's defaults: length 6, the character classes off, users may change passwords.
      minimumPasswordLength: n(c.minimum_password_length) ?? 6,
      requireSymbols: b(c.require_symbols, false),
      requireNumbers: b(c.require_numbers, false),
      requireUppercaseCharacters: b(c.require_uppercase_characters, false),
      requireLowercaseCharacters: b(c.require_lowercase_characters, false),
      allowUsersToChangePassword: b(c.allow_users_to_change_password, true),
      ...(n(c.max_password_age) ? { maxPasswordAge: n(c.max_password_age) } : {}),
      ...(n(c.password_reuse_prevention) ? { passwordReusePrevention: n(c.password_reuse_prevention) } : {}),
      hardExpiry: b(c.hard_expiry, false),
    }));
  },
  aws_account_alternate_contact: (m) => {
    const type = String(m.cfg.alternate_contact_type ?? '').toLowerCase();
    if (type !== 'billing' && type !== 'operations' && type !== 'security') return;
    const f = fieldsOf(m, `arn:${m.where.partition}:iam::${m.where.account}:root`);
    m.c.alternateContacts[type] = f.attr([m.cfg.name, m.cfg.email_address], () => ({
      ...(str(m.cfg.name) ? { name: str(m.cfg.name) } : {}),
      ...(str(m.cfg.title) ? { title: str(m.cfg.title) } : {}),
      ...(str(m.cfg.email_address) ? { email: str(m.cfg.email_address) } : {}),
      ...(str(m.cfg.phone_number) ? { phone: str(m.cfg.phone_number) } : {}),
    }));
  },
};
