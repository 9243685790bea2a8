import { testCheck } from '../../test-utils/check-tester.js';
import check from './security-questions.js';
import { ACCOUNT_ARN } from './__tests__/fixtures.js';

const verify =
  'Verify by hand: signed in as root, Account > "Configure Security Challenge Questions" shows three questions, and their answers are kept in the team\'s password manager (or, where AWS no longer offers them, the root e-mail and phone are current).';

// No API exposes the questions: the only honest answer is `manual`, whatever the inventory holds.
testCheck(check, {
  pass: [{ name: 'always a manual verification, even with nothing collected', inventory: [], findings: [{ status: 'manual', resourceId: ACCOUNT_ARN, message: verify }] }],
  fail: [],
});
