import { ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './root-mfa.js';
import { ACCOUNT_ARN, rootRow } from './__tests__/fixtures.js';

const report = (...rows: ReturnType<typeof rootRow>[]) => ({ iam: { credentialReport: ok(rows) } });

testCheck(check, {
  pass: [
    { name: 'root MFA active in the credential report', inventory: [report(rootRow())], findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The root user has MFA.' }] },
    {
      name: 'no root row; the summary says MFA is on',
      inventory: [{ iam: { credentialReport: ok([]), summary: ok({ AccountMFAEnabled: 1 }) } }],
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
