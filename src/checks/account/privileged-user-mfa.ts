import { z } from 'zod';
import { ROOT_USER } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { ActionList, DEFAULT_PRIVILEGED_ACTIONS } from './privileged-actions.js';
import { listText, policyView, principalResource } from './policy-view.js';

const Options = z.object({ privilegedActions: ActionList.default(DEFAULT_PRIVILEGED_ACTIONS) });

export default defineCheck({
  id: 'account.privileged-user-mfa',
  title: 'Administrators and other privileged IAM users with a console password have MFA',
  description:
    'A console user without MFA is a risk; one who can administer the account, or stop CloudTrail, delete buckets or create keys, is the risk an intruder looks for first. The credential report says who signs in without MFA; the policy engine says who among them is privileged.',
  severity: 'high',
  guideIds: ['account.user-mfa'],
  needs: ['iam.credentialReport', 'iam.users', 'iam.groups', 'iam.policies'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  sources: ['aws'],
  remediation: {
    text: 'Have each privileged console user assign an MFA device now (IAM console > Users > Security credentials > Assign MFA device); until then, detach their privileged policies or disable their console password.',
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name USER --serial-number arn:aws:iam::ACCOUNT:mfa/USER --authentication-code1 CODE1 --authentication-code2 CODE2\n# meanwhile: aws iam delete-login-profile --user-name USER',
    terraform: 'resource "aws_iam_virtual_mfa_device" "user" {\n  virtual_mfa_device_name = "USER"\n}\n# The user enables it with two codes from the device.',
  },
  messages: {
    adminNoMfa: 'IAM user {{user}} is an administrator, signs in to the console with a password, and has no MFA device.',
    privilegedNoMfa: 'IAM user {{user}} can call privileged actions ({{actions}}), signs in to the console with a password, and has no MFA device.',
    adminMfa: 'IAM user {{user}} is an administrator and has an MFA device.',
    privilegedMfa: 'IAM user {{user}} can call privileged actions and has an MFA device.',
    undecided: 'Could not decide whether IAM user {{user}} (console password, no MFA) is privileged: {{why}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const report = inventory.iam.credentialReport;
    if (report.state !== 'ok') return [missing(accountResource(inventory), report, 'the IAM credential report')];
    const consoleUsers = report.value.filter((r) => r.user !== ROOT_USER && r.passwordEnabled);
    if (consoleUsers.length === 0) return [];
    const pv = policyView(inventory);
    const known = new Set(pv.view.users.map((u) => u.arn));

    // Which privileged actions each user can call at all (with or without MFA), and which are undecided.
    const can = new Map<string, string[]>();
    const maybe = new Map<string, string[]>();
    for (const action of options.privilegedActions) {
      for (const r of pv.who({ action })) {
        const yes = r.allowedWithMfa === true || r.allowedWithoutMfa === true;
        const target = yes ? can : maybe;
        target.set(r.principal, [...(target.get(r.principal) ?? []), action]);
      }
    }

    const out: CheckResult[] = [];
    for (const row of consoleUsers) {
      const resource = principalResource(row.arn);
      const user = row.user;
      const admin = known.has(row.arn) ? pv.admin(row.arn) : 'undecided';
      const actions = can.get(row.arn) ?? [];
      if (admin === true) {
        out.push(row.mfaActive ? { status: 'pass', resource, message: 'adminMfa', data: { user } } : { status: 'fail', resource, message: 'adminNoMfa', data: { user }, severity: 'critical' });
      } else if (actions.length > 0) {
        out.push(row.mfaActive ? { status: 'pass', resource, message: 'privilegedMfa', data: { user } } : { status: 'fail', resource, message: 'privilegedNoMfa', data: { user, actions: listText(actions) } });
      } else if (!row.mfaActive && (admin === 'undecided' || maybe.has(row.arn))) {
        const why = known.has(row.arn) ? 'its policies could not all be evaluated' : 'the user is not in the IAM inventory';
        out.push({ status: 'unknown', resource, message: 'undecided', data: { user, why } });
      }
    }
    return out;
  },
});
