import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './root-mfa.js';
import { ACCOUNT_ARN, iamArn, rootRow } from './__tests__/fixtures.js';

const report = (...rows: ReturnType<typeof rootRow>[]) => ({ iam: { credentialReport: ok(rows) } });
const devices = (...d: Array<{ serialNumber: string; userArn?: string; kind: 'virtual' | 'hardware' | 'u2f' | 'unknown' }>) => ({ iam: { mfaDevices: ok(d) } });

testCheck(check, {
  pass: [
    {
      name: 'root MFA on a device that is not virtual',
      inventory: [report(rootRow()), devices({ serialNumber: iamArn('mfa/alice'), userArn: iamArn('user/alice'), kind: 'virtual' })],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The root user has MFA, on a hardware or passkey device.' }],
    },
    {
      name: 'root MFA on a virtual device: a pass, noted as info',
      inventory: [report(rootRow()), devices({ serialNumber: iamArn('mfa/root-account-mfa-device'), userArn: ACCOUNT_ARN, kind: 'virtual' })],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, severity: 'info', message: `The root user has MFA, on a virtual device (${iamArn('mfa/root-account-mfa-device')}); a hardware device is stronger for root.` }],
    },
    {
      name: 'root MFA, device list unreadable: MFA is still proven',
      inventory: [report(rootRow()), { iam: { mfaDevices: failed('iam:ListVirtualMFADevices', 'AccessDenied') } }],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The root user has MFA.' }],
    },
  ],
  fail: [
    { name: 'no MFA on root', inventory: [report(rootRow({ mfaActive: false }))], findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: 'The root user has no MFA device.' }] },
    {
      name: 'no root row; the summary says no MFA',
      inventory: [{ iam: { credentialReport: ok([]), summary: ok({ AccountMFAEnabled: 0 }) } }],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: 'The root user has no MFA device.' }],
    },
  ],
  unknown: [
    {
      name: 'nothing readable',
      inventory: [],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: "Could not read the root user's MFA status: iam:GenerateCredentialReport failed: not collected: not part of this inventory." }],
    },
  ],
});
