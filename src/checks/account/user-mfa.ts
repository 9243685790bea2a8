import { ROOT_USER } from '../../inventory/index.js';
import { defineCheck } from '../types.js';
import { accountResource, missing } from '../helpers.js';

export default defineCheck({
  id: 'account.user-mfa',
  title: 'Every IAM user with a console password has an MFA device',
  description:
    'A console password alone falls to phishing, reuse and guessing. MFA on every console user is the cheapest defence against account takeover.',
  severity: 'high',
  guideIds: ['account.user-mfa'],
  needs: ['iam.credentialReport'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  sources: ['aws'],
  compliance: { cis: ['1.10'], fsbp: ['IAM.5'] },
  remediation: {
    text: 'Assign an MFA device to each console user (IAM console > Users > Security credentials > Assign MFA device), and attach a policy that denies actions without aws:MultiFactorAuthPresent so new users must enrol.',
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name USER --serial-number arn:aws:iam::ACCOUNT:mfa/USER --authentication-code1 CODE1 --authentication-code2 CODE2',
    terraform:
      'resource "aws_iam_virtual_mfa_device" "user" {\n  virtual_mfa_device_name = "USER"\n}\n# Enabling the device needs two codes from it: done once by the user.',
  },
  messages: {
    noMfa: 'IAM user {{user}} has a console password and no MFA device.',
    mfa: 'IAM user {{user}} has a console password and an MFA device.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const report = inventory.iam.credentialReport;
    if (report.state !== 'ok') return [missing(accountResource(inventory), report, 'the IAM credential report')];
    return report.value
      .filter((row) => row.user !== ROOT_USER && row.passwordEnabled)
      .map((row) => ({
        status: row.mfaActive ? ('pass' as const) : ('fail' as const),
        resource: { id: row.arn, type: 'AWS::IAM::User', region: 'global' },
        message: row.mfaActive ? ('mfa' as const) : ('noMfa' as const),
        data: { user: row.user },
      }));
  },
});
