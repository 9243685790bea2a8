import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './root-hardware-mfa.js';
import { ACCOUNT_ARN, iamArn, rootRow } from './__tests__/fixtures.js';

const report = (...rows: ReturnType<typeof rootRow>[]) => ({ iam: { credentialReport: ok(rows) } });
const devices = (...d: Array<{ serialNumber: string; userArn?: string; kind: 'virtual' | 'hardware' | 'u2f' | 'unknown' }>) => ({ iam: { mfaDevices: ok(d) } });
const ROOT_VIRTUAL = iamArn('mfa/root-account-mfa-device');

testCheck(check, {
  pass: [
    {
      name: "root MFA on, and the only virtual device is another user's",
      inventory: [report(rootRow()), devices({ serialNumber: iamArn('mfa/alice'), userArn: iamArn('user/alice'), kind: 'virtual' })],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The root user has MFA and no virtual device: it is a hardware or FIDO device.' }],
    },
  ],
  fail: [
    {
      name: 'root MFA on a virtual device',
      inventory: [report(rootRow()), devices({ serialNumber: ROOT_VIRTUAL, userArn: ACCOUNT_ARN, kind: 'virtual' })],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: `The root user signs in with a virtual MFA device (${ROOT_VIRTUAL}), not a hardware one.` }],
    },
    {
      name: 'no MFA on root at all',
      inventory: [report(rootRow({ mfaActive: false })), devices()],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: 'The root user has no MFA device at all (see account.root-mfa).' }],
    },
  ],
  unknown: [
    {
      name: 'MFA on, but the virtual device list could not be read: the kind is not known',
      inventory: [report(rootRow()), { iam: { mfaDevices: failed('iam:ListVirtualMFADevices', 'AccessDenied: not allowed') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: "Could not read the root user's MFA device kind: iam:ListVirtualMFADevices failed: AccessDenied: not allowed." }],
    },
  ],
});
