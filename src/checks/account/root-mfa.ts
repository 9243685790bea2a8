import { defineCheck } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { rootRow, summaryValue } from './credential-report.js';

export default defineCheck({
  id: 'account.root-mfa',
  title: 'The root user signs in with MFA',
  description:
    "The root login can do anything, including closing the account. Without MFA a phished or reused password is enough to take it.",
  severity: 'critical',
  guideIds: ['account.root-mfa'],
  needs: ['iam.credentialReport', 'iam.summary'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountSummary'],
  sources: ['aws'],
  compliance: { cis: ['1.5'], fsbp: ['IAM.9'] },
  remediation: {
    text: 'Sign in as root, open Security credentials, and assign an MFA device. Prefer a hardware key (FIDO2 or TOTP token) kept in a safe, with a second device registered as backup.',
    cli: '# MFA for root is assigned in the console while signed in as root (Security credentials > Multi-factor authentication).',
  },
  messages: {
    noMfa: 'The root user has no MFA device.',
    mfa: 'The root user has MFA.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const resource = accountResource(inventory);
    const row = rootRow(inventory);
    const enabled = row ? row.mfaActive : summaryValue(inventory, 'AccountMFAEnabled') === undefined ? undefined : summaryValue(inventory, 'AccountMFAEnabled')! > 0;
    if (enabled === undefined) {
      const failedAttr = inventory.iam.credentialReport.state !== 'ok' ? inventory.iam.credentialReport : inventory.iam.summary;
      return [missing(resource, failedAttr, "the root user's MFA status")];
    }
    return enabled ? [{ status: 'pass', resource, message: 'mfa' }] : [{ status: 'fail', resource, message: 'noMfa' }];
  },
});
