import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './user-mfa.js';
import { ACCOUNT_ARN, iamArn, row, rootRow } from './__tests__/fixtures.js';

const report = (...rows: ReturnType<typeof row>[]) => ({ iam: { credentialReport: ok(rows) } });

testCheck(check, {
  pass: [
    {
      name: 'console users with MFA; root and key-only users are not judged',
      inventory: [report(rootRow({ mfaActive: false }), row('alice'), row('ci', { passwordEnabled: false, mfaActive: false, accessKey1Active: true }))],
      findings: [{ status: 'pass', resourceId: iamArn('user/alice'), message: 'IAM user alice has a console password and an MFA device.' }],
    },
  ],
  fail: [
    {
      name: 'one console user without MFA',
      inventory: [report(row('alice'), row('bob', { mfaActive: false }))],
      findings: [
        { status: 'pass', resourceId: iamArn('user/alice'), message: 'IAM user alice has a console password and an MFA device.' },
        { status: 'fail', resourceId: iamArn('user/bob'), message: 'IAM user bob has a console password and no MFA device.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'the report could not be generated',
      inventory: [{ iam: { credentialReport: failed('iam:GenerateCredentialReport', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not read the IAM credential report: iam:GenerateCredentialReport failed: AccessDenied.' }],
    },
  ],
});
