import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './root-access-keys.js';
import { ACCOUNT_ARN, row, rootRow } from './__tests__/fixtures.js';

const report = (...rows: ReturnType<typeof row>[]) => ({ iam: { credentialReport: ok(rows) } });

testCheck(check, {
  pass: [
    { name: 'the root row shows no active key', inventory: [report(rootRow(), row('alice', { accessKey1Active: true }))], findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The root user has no active access keys.' }] },
    {
      name: 'no root row in the report: the account summary decides',
      inventory: [report(row('alice')), { iam: { summary: ok({ AccountAccessKeysPresent: 0 }) } }],
      findings: [{ status: 'pass', resourceId: ACCOUNT_ARN, message: 'The account summary reports no root access keys (AccountAccessKeysPresent = 0).' }],
    },
  ],
  fail: [
    {
      name: 'both root keys active',
      inventory: [report(rootRow({ accessKey1Active: true, accessKey2Active: true }))],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: 'The root user has 2 active access key(s) (key 1, key 2).' }],
    },
    {
      name: 'the report failed, the summary says keys are present',
      inventory: [{ iam: { credentialReport: failed('iam:GenerateCredentialReport', 'Throttling'), summary: ok({ AccountAccessKeysPresent: 1 }) } }],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, message: 'The account summary reports root access keys present (AccountAccessKeysPresent = 1).' }],
    },
  ],
  unknown: [
    {
      name: 'neither the report nor the summary could be read',
      inventory: [{ iam: { credentialReport: failed('iam:GenerateCredentialReport', 'AccessDenied'), summary: failed('iam:GetAccountSummary', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: "Could not read the root user's access keys: iam:GenerateCredentialReport failed: AccessDenied." }],
    },
  ],
});
