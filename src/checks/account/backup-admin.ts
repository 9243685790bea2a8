import { z } from 'zod';
import type { IamRole } from '../../inventory/index.js';
import { isPolicyParseError, parsePolicy } from '../../policy/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource } from '../helpers.js';
import { listText, policyView, viewGap } from './policy-view.js';

const Options = z.object({
  /** More administrators than this is a warning: each one widens what a stolen credential gives. */
  maxAdministrators: z.number().int().min(1).default(3),
});

/**
 * A role only AWS services can assume (its trust policy's Allow statements name service
 * principals only) is no way back in for a person. Read through the engine's parser.
 */
function serviceOnly(role: IamRole): boolean {
  const p = parsePolicy(role.assumeRolePolicy, { type: 'trust', name: `trust policy of ${role.name}`, attachedTo: role.arn });
  if (isPolicyParseError(p)) return false;
  const allows = p.statements.filter((s) => s.effect === 'Allow');
  return allows.length > 0 && allows.every((s) => !!s.principals && !s.principals.negated && s.principals.values.every((v) => v.type === 'service'));
}

export default defineCheck({
  id: 'account.backup-admin',
  title: 'A second, IAM administrative principal exists, and administrators are few',
  description:
    'The root login must be kept for the few tasks only root can do; daily administration and recovery need an IAM administrator (a user, or a role people assume through SSO or from another account). Yet each extra administrator is one more credential that gives away the whole account.',
  severity: 'medium',
  guideIds: ['account.backup-admin'],
  needs: ['iam.users', 'iam.groups', 'iam.roles', 'iam.policies'],
  permissions: ['iam:GetAccountAuthorizationDetails'],
  // The whole account's IAM is needed: a template's few principals say nothing about the others.
  sources: ['aws'],
  remediation: {
    text: 'Give administration to a small group (two or three people) through a group or an SSO permission set with AdministratorAccess, protected by MFA, so no one needs root for daily work. Remove AdministratorAccess (or iam:*) from everyone else and from service roles; give them the narrower policies they need.',
    cli: 'aws iam create-group --group-name Admins\naws iam attach-group-policy --group-name Admins --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\naws iam add-user-to-group --group-name Admins --user-name SECOND_ADMIN\n# and for extra administrators: aws iam remove-user-from-group / detach-role-policy',
    cloudformation:
      'Admins:\n  Type: AWS::IAM::Group\n  Properties:\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AdministratorAccess\nAdminMembers:\n  Type: AWS::IAM::UserToGroupAddition\n  Properties:\n    GroupName: !Ref Admins\n    Users: [alice, bob]',
    terraform:
      'resource "aws_iam_group" "admins" {\n  name = "Admins"\n}\nresource "aws_iam_group_policy_attachment" "admins" {\n  group      = aws_iam_group.admins.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\nresource "aws_iam_group_membership" "admins" {\n  name  = "admins"\n  group = aws_iam_group.admins.name\n  users = ["alice", "bob"]\n}',
  },
  messages: {
    backup: 'Besides root, {{count}} IAM principal(s) can administer the account: {{admins}}.',
    noBackup: 'No IAM user or role can administer the account: recovery and daily administration depend on the root login.',
    serviceOnly: 'The only IAM administrators are roles that just AWS services can assume ({{admins}}): no person can administer the account without root.',
    few: '{{count}} principal(s) are administrators, within the limit of {{max}}: {{admins}}.',
    tooMany: '{{count}} principals are administrators, more than {{max}}: {{admins}}.',
    undecided: 'Could not decide whether {{principals}} can administer the account: {{why}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const pv = policyView(inventory);
    const resource = accountResource(inventory);
    const roles = inventory.iam.roles.state === 'ok' ? inventory.iam.roles.value : [];
    const principals = [...pv.view.users.map((u) => ({ arn: u.arn, label: `user ${u.name}`, person: true })),
      ...pv.view.roles.map((r) => {
        const role = roles.find((x) => x.arn === r.arn);
        return { arn: r.arn, label: `role ${r.name}`, person: !role || !serviceOnly(role) };
      })];
    const admins = principals.filter((p) => pv.admin(p.arn) === true);
    const undecided = principals.filter((p) => pv.admin(p.arn) === 'undecided');
    const gap = viewGap(pv);
    const names = (xs: typeof principals) => listText(xs.map((x) => x.label));
    const why = [gap, undecided.length ? 'their policies could not all be evaluated' : undefined].filter(Boolean).join('; ');
    const out: CheckResult[] = [];

    // A backup administrator: proven by one, disproven only when everything was read and decided.
    const people = admins.filter((a) => a.person);
    if (people.length > 0) out.push({ status: 'pass', resource, message: 'backup', data: { count: people.length, admins: names(people) }, detail: 'backup' });
    else if (gap || undecided.length) out.push({ status: 'unknown', resource, message: 'undecided', data: { principals: undecided.length ? names(undecided) : 'the principals that could not be read', why }, detail: 'backup' });
    else if (admins.length > 0) out.push({ status: 'fail', resource, message: 'serviceOnly', data: { admins: names(admins) }, detail: 'backup' });
    else out.push({ status: 'fail', resource, message: 'noBackup', detail: 'backup' });

    // Few administrators: too many is proven by the sure ones alone.
    const max = options.maxAdministrators;
    if (admins.length > max) out.push({ status: 'fail', resource, message: 'tooMany', data: { count: admins.length, max, admins: names(admins) }, detail: 'count', severity: 'low' });
    else if (gap || admins.length + undecided.length > max) {
      out.push({ status: 'unknown', resource, message: 'undecided', data: { principals: undecided.length ? names(undecided) : 'the principals that could not be read', why }, detail: 'count' });
    } else if (admins.length > 0) out.push({ status: 'pass', resource, message: 'few', data: { count: admins.length, max, admins: names(admins) }, detail: 'count' });
    return out;
  },
});
