import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './backup-admin.js';
import { ACCOUNT_ARN, ADMIN_ARN, allow, doc, group, iam, inline, managed, role, trustAccount, trustService, user } from './__tests__/fixtures.js';

const admins = (...names: string[]) => names.map((n) => user(n, { attachedManagedPolicies: [ADMIN_ARN] }));
const backup = (count: number, list: string) => ({ status: 'pass' as const, resourceId: ACCOUNT_ARN, detail: 'backup', message: `Besides root, ${count} IAM principal(s) can administer the account: ${list}.` });
const few = (count: number, list: string, max = 3) => ({ status: 'pass' as const, resourceId: ACCOUNT_ARN, detail: 'count', message: `${count} principal(s) are administrators, within the limit of ${max}: ${list}.` });

testCheck(check, {
  pass: [
    {
      name: 'an administrator through a group, a read-only user beside it',
      inventory: [iam({ users: [user('alice', { groups: ['Admins'] }), user('bob', { inlinePolicies: [inline('ro', doc(allow(['s3:Get*', 'ec2:Describe*'])))] })], groups: [group('Admins', { attachedManagedPolicies: [ADMIN_ARN] })] })],
      findings: [backup(1, 'user alice'), few(1, 'user alice')],
    },
    {
      name: 'iam:* on * counts as administrator (it can grant itself anything); a role assumed from another account is a way in for people',
      inventory: [
        iam({
          users: [user('iam-admin', { attachedManagedPolicies: [managed('IamAll', doc(allow('iam:*'))).arn] })],
          roles: [role('Break-Glass', trustAccount('111122223333'), { attachedManagedPolicies: [ADMIN_ARN] })],
          policies: [managed('IamAll', doc(allow('iam:*')))],
        }),
      ],
      findings: [backup(2, 'user iam-admin, role Break-Glass'), few(2, 'user iam-admin, role Break-Glass')],
    },
  ],
  fail: [
    {
      name: 'no administrator but root',
      inventory: [iam({ users: [user('bob', { inlinePolicies: [inline('ec2', doc(allow('ec2:*')))] })] })],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, detail: 'backup', message: 'No IAM user or role can administer the account: recovery and daily administration depend on the root login.' }],
    },
    {
      name: 'Allow * with a NotAction carve-out of IAM is not administrator; neither is s3:* on everything',
      inventory: [
        iam({
          users: [
            user('power', { inlinePolicies: [inline('power-user', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }))] }),
            user('s3', { inlinePolicies: [inline('s3', doc(allow('s3:*')))] }),
          ],
        }),
      ],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, detail: 'backup', message: 'No IAM user or role can administer the account: recovery and daily administration depend on the root login.' }],
    },
    {
      name: 'the only administrator is a role that only EC2 can assume',
      inventory: [iam({ roles: [role('app', trustService('ec2.amazonaws.com'), { attachedManagedPolicies: [ADMIN_ARN] })] })],
      findings: [
        { status: 'fail', resourceId: ACCOUNT_ARN, detail: 'backup', message: 'The only IAM administrators are roles that just AWS services can assume (role app): no person can administer the account without root.' },
        few(1, 'role app'),
      ],
    },
    {
      name: 'more administrators than the limit: a warning of low severity',
      options: { maxAdministrators: 2 },
      inventory: [iam({ users: admins('a', 'b', 'c') })],
      findings: [
        backup(3, 'user a, user b, user c'),
        { status: 'fail', resourceId: ACCOUNT_ARN, detail: 'count', severity: 'low', message: '3 principals are administrators, more than 2: user a, user b, user c.' },
      ],
    },
    {
      name: 'a Deny on iam:* takes a user out of the administrators',
      options: { maxAdministrators: 1 },
      inventory: [iam({ users: [...admins('a', 'b'), user('c', { attachedManagedPolicies: [ADMIN_ARN], inlinePolicies: [inline('no-iam', doc({ Effect: 'Deny', Action: '*', Resource: '*' }))] })] })],
      findings: [backup(2, 'user a, user b'), { status: 'fail', resourceId: ACCOUNT_ARN, detail: 'count', severity: 'low', message: '2 principals are administrators, more than 1: user a, user b.' }],
    },
  ],
  unknown: [
    {
      name: 'the roles could not be read and no administrator is seen: never a fail',
      inventory: [iam({ users: [user('bob')] }), { iam: { roles: failed('iam:GetAccountAuthorizationDetails', 'AccessDenied') } }],
      findings: [
        {
          status: 'unknown',
          resourceId: ACCOUNT_ARN,
          detail: 'backup',
          message: 'Could not decide whether the principals that could not be read can administer the account: roles: iam:GetAccountAuthorizationDetails failed: AccessDenied.',
        },
        {
          status: 'unknown',
          resourceId: ACCOUNT_ARN,
          detail: 'count',
          message: 'Could not decide whether the principals that could not be read can administer the account: roles: iam:GetAccountAuthorizationDetails failed: AccessDenied.',
        },
      ],
    },
    {
      name: 'an attached managed policy missing from the inventory leaves the user undecided',
      inventory: [iam({ users: [user('eve', { attachedManagedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'] })] })],
      findings: [
        { status: 'unknown', resourceId: ACCOUNT_ARN, detail: 'backup', message: 'Could not decide whether user eve can administer the account: their policies could not all be evaluated.' },
      ],
    },
  ],
});
