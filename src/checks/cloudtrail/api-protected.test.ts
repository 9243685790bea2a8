import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './api-protected.js';
import { ADMIN_ARN, allow, deny, doc, group, iam, iamArn, inline, role, trustAccount, trustService, user } from '../account/__tests__/fixtures.js';
import { ACCOUNT_ARN, trail, trailArn, trails } from './__tests__/fixtures.js';

const ALL = 'cloudtrail:StopLogging, cloudtrail:DeleteTrail, cloudtrail:UpdateTrail, cloudtrail:PutEventSelectors';
const requireMfa = inline('require-mfa', doc(deny('*', '*', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })));
const mfaAdmins = group('Admins', { attachedManagedPolicies: [ADMIN_ARN], inlinePolicies: [requireMfa] });

testCheck(check, {
  pass: [
    {
      name: 'only an administrator, only with MFA',
      inventory: [trails('us-east-1', trail('main')), iam({ users: [user('alice', { groups: ['Admins'] }), user('reader', { inlinePolicies: [inline('ro', doc(allow('cloudtrail:Describe*')))] })], groups: [mfaAdmins] })],
      findings: [{ status: 'pass', resourceId: iamArn('user/alice'), message: `IAM user alice (an administrator) can call ${ALL} on trail main only with MFA.` }],
    },
    {
      name: 'a break-glass administrator role whose trust policy requires MFA: its sessions always carry it',
      inventory: [
        trails('us-east-1', trail('main')),
        iam({
          roles: [
            role('break-glass', doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), { attachedManagedPolicies: [ADMIN_ARN] }),
          ],
        }),
      ],
      findings: [{ status: 'pass', resourceId: iamArn('role/break-glass'), message: `IAM role break-glass (an administrator) can call ${ALL} on trail main only with MFA.` }],
    },
    {
      name: 'nobody at all',
      inventory: [trails('us-east-1', trail('main')), iam({ users: [user('reader')] })],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: `No IAM user or role of the account can call ${ALL} on its trails.` }],
    },
    {
      name: 'administrators without MFA are accepted when MFA is not required',
      options: { requireMfa: false },
      inventory: [trails('us-east-1', trail('main')), iam({ users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] })] })],
      findings: [{ status: 'pass', resourceId: iamArn('user/dave'), message: `IAM user dave (an administrator) can call ${ALL} on trail main; MFA is not required by this configuration.` }],
    },
  ],
  fail: [
    {
      name: 'a service role that can stop logging, and an administrator without MFA',
      inventory: [
        trails('us-east-1', trail('main')),
        iam({
          users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] })],
          roles: [role('ops-automation', trustService('lambda.amazonaws.com'), { inlinePolicies: [inline('trail-maintenance', doc(allow('cloudtrail:StopLogging')))] })],
        }),
      ],
      findings: [
        { status: 'fail', resourceId: iamArn('role/ops-automation'), message: 'IAM role ops-automation is not an administrator but can call cloudtrail:StopLogging on trail main, through trail-maintenance (inline).' },
        { status: 'fail', resourceId: iamArn('user/dave'), severity: 'medium', message: `IAM user dave (an administrator) can call ${ALL} on trail main without MFA, through AdministratorAccess (managed).` },
      ],
    },
    {
      name: 'an administrator role trusted by another account without an MFA condition',
      inventory: [trails('us-east-1', trail('main')), iam({ roles: [role('OrganizationAccountAccessRole', trustAccount('111122223333'), { attachedManagedPolicies: [ADMIN_ARN] })] })],
      findings: [
        {
          status: 'fail',
          resourceId: iamArn('role/OrganizationAccountAccessRole'),
          severity: 'medium',
          message: `IAM role OrganizationAccountAccessRole (an administrator) can call ${ALL} on trail main without MFA, through AdministratorAccess (managed).`,
        },
      ],
    },
    {
      name: 'a grant scoped to one trail is judged on that trail only',
      inventory: [
        trails('us-east-1', trail('main'), trail('app')),
        iam({ users: [user('dev', { inlinePolicies: [inline('app-trail', doc(allow(['cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors'], trailArn('app'))))] })] }),
      ],
      findings: [{ status: 'fail', resourceId: iamArn('user/dev'), message: 'IAM user dev is not an administrator but can call cloudtrail:UpdateTrail, cloudtrail:PutEventSelectors on trail app, through app-trail (inline).' }],
    },
  ],
  unknown: [
    {
      name: "the roles could not be read: someone unseen might hold the calls",
      inventory: [trails('us-east-1', trail('main')), iam({ users: [user('reader')] }), { iam: { roles: failed('iam:GetAccountAuthorizationDetails', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not list everyone who can change the trails: roles: iam:GetAccountAuthorizationDetails failed: AccessDenied.' }],
    },
  ],
});
