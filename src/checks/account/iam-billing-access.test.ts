import { ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './iam-billing-access.js';
import { ACCOUNT_ARN, iam, row } from './__tests__/fixtures.js';

const verify =
  'Verify by hand: signed in as root, Account > "IAM user and role access to Billing information" is activated, and only intended principals hold billing permissions.';

// No API reads the setting: `manual`, never a pass or a fail, whatever IAM says.
testCheck(check, {
  pass: [
    { name: 'nothing collected', inventory: [], findings: [{ status: 'manual', resourceId: ACCOUNT_ARN, message: verify }] },
    { name: 'a full IAM inventory changes nothing', inventory: [iam({ report: [row('alice')] }), { iam: { summary: ok({ Users: 1 }) } }], findings: [{ status: 'manual', resourceId: ACCOUNT_ARN, message: verify }] },
  ],
  fail: [],
});
