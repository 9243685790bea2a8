import { defineCheck } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { rootRow, summaryValue } from './credential-report.js';

export default defineCheck({
  id: 'account.root-access-keys',
  title: 'The root user has no access keys',
  description:
    'Root access keys carry every permission of the account and no IAM policy, boundary or SCP can limit them. A leaked root key is a lost account.',
  severity: 'critical',
  guideIds: ['account.root-access-keys'],
  needs: ['iam.credentialReport', 'iam.summary'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountSummary'],
  sources: ['aws'],
  compliance: { cis: ['1.4'], fsbp: ['IAM.4'] },
  remediation: {
    text: 'Sign in as the root user, open Security credentials, and delete every access key. Give automation an IAM role instead.',
    cli: '# Root keys can only be deleted while signed in as root (console: Security credentials > Access keys).\naws iam list-access-keys   # run with root credentials, then: aws iam delete-access-key --access-key-id AKIA...',
  },
  messages: {
    active: 'The root user has {{count}} active access key(s) ({{keys}}).',
    none: 'The root user has no active access keys.',
    summaryActive: 'The account summary reports root access keys present (AccountAccessKeysPresent = 1).',
    summaryNone: 'The account summary reports no root access keys (AccountAccessKeysPresent = 0).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const resource = accountResource(inventory);
    const row = rootRow(inventory);
    if (row) {
      const keys = [row.accessKey1Active && 'key 1', row.accessKey2Active && 'key 2'].filter((k): k is string => !!k);
      return keys.length > 0
        ? [{ status: 'fail', resource, message: 'active', data: { count: keys.length, keys: keys.join(', ') } }]
        : [{ status: 'pass', resource, message: 'none' }];
    }
    // The report can lack the root row (some emulators, partitions); the summary still knows.
    const present = summaryValue(inventory, 'AccountAccessKeysPresent');
    if (present !== undefined) {
      return [{ status: present > 0 ? 'fail' : 'pass', resource, message: present > 0 ? 'summaryActive' : 'summaryNone' }];
    }
    const failedAttr = inventory.iam.credentialReport.state !== 'ok' ? inventory.iam.credentialReport : inventory.iam.summary;
    return [missing(resource, failedAttr, "the root user's access keys")];
  },
});
