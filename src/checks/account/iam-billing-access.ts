import { defineCheck } from '../types.js';
import { accountResource } from '../helpers.js';

export default defineCheck({
  id: 'account.iam-billing-access',
  title: 'IAM user access to billing information is activated deliberately',
  description:
    'Until root activates "IAM user and role access to billing information", no IAM policy can grant the Billing console, so only root can see the bill. No API reads the setting.',
  severity: 'low',
  guideIds: ['account.iam-billing-access'],
  needs: [],
  permissions: [],
  sources: ['aws'],
  remediation: {
    text: 'Signed in as root, open Account, find "IAM user and role access to Billing information", choose Edit and activate it, then grant billing access through IAM policies (aws-portal / billing actions) to the few who need it.',
  },
  messages: {
    verify:
      'Verify by hand: signed in as root, Account > "IAM user and role access to Billing information" is activated, and only intended principals hold billing permissions.',
  },
  evaluate({ inventory }) {
    return [{ status: 'manual', resource: accountResource(inventory), message: 'verify' }];
  },
});
