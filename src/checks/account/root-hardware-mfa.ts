import { defineCheck } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { rootRow, summaryValue } from './credential-report.js';

export default defineCheck({
  id: 'account.root-hardware-mfa',
  title: 'The root user signs in with a hardware MFA device',
  description:
    "A virtual MFA app lives on a phone that is also used for mail, chat and the web; a hardware key (FIDO2 or TOTP token) kept in a safe cannot be copied remotely. For the account's master login, CIS and AWS ask for hardware.",
  severity: 'medium',
  guideIds: ['account.root-mfa'],
  needs: ['iam.credentialReport', 'iam.summary', 'iam.mfaDevices'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
  sources: ['aws'],
  compliance: { cis: ['1.6'], fsbp: ['IAM.6'] },
  remediation: {
    text: 'Signed in as root, open Security credentials, register a hardware FIDO2 security key or TOTP token (keep a second one as backup), then remove the virtual device.',
    cli: '# Root MFA devices are managed in the console while signed in as root (Security credentials > Multi-factor authentication).',
  },
  messages: {
    noMfa: 'The root user has no MFA device at all (see account.root-mfa).',
    virtual: 'The root user signs in with a virtual MFA device ({{serial}}), not a hardware one.',
    hardware: 'The root user has MFA and no virtual device: it is a hardware or FIDO device.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const resource = accountResource(inventory);
    const row = rootRow(inventory);
    const summary = summaryValue(inventory, 'AccountMFAEnabled');
    const enabled = row ? row.mfaActive : summary === undefined ? undefined : summary > 0;
    if (enabled === undefined) {
      const failedAttr = inventory.iam.credentialReport.state !== 'ok' ? inventory.iam.credentialReport : inventory.iam.summary;
      return [missing(resource, failedAttr, "the root user's MFA status")];
    }
    if (!enabled) return [{ status: 'fail', resource, message: 'noMfa' }];
    // ListVirtualMFADevices lists root's virtual device with a user ARN ending in ':root'. MFA on
    // and no such device means hardware (TOTP token or FIDO key); without the list we cannot tell.
    const devices = inventory.iam.mfaDevices;
    if (devices.state !== 'ok') return [missing(resource, devices, "the root user's MFA device kind")];
    const virtual = devices.value.find((d) => d.kind === 'virtual' && d.userArn?.endsWith(':root'));
    return virtual
      ? [{ status: 'fail', resource, message: 'virtual', data: { serial: virtual.serialNumber } }]
      : [{ status: 'pass', resource, message: 'hardware' }];
  },
});
