import { defineCheck } from '../types.js';
import { accountResource } from '../helpers.js';

export default defineCheck({
  id: 'account.security-questions',
  title: 'Security challenge questions are configured',
  description:
    'AWS support uses the challenge questions to confirm who you are when the root login is lost. No API reads them, so they are verified by hand.',
  severity: 'low',
  guideIds: ['account.security-questions'],
  needs: [],
  permissions: [],
  sources: ['aws'],
  compliance: { cis: ['1.3'] },
  remediation: {
    text: 'Sign in as root, open Account (My Account), find "Configure Security Challenge Questions" and set three questions whose answers are stored in the team\'s password manager. AWS has retired the questions for new accounts; where the section is gone, confirm the root e-mail and phone are current instead.',
  },
  messages: {
    verify:
      'Verify by hand: signed in as root, Account > "Configure Security Challenge Questions" shows three questions, and their answers are kept in the team\'s password manager (or, where AWS no longer offers them, the root e-mail and phone are current).',
  },
  evaluate({ inventory }) {
    return [{ status: 'manual', resource: accountResource(inventory), message: 'verify' }];
  },
});
