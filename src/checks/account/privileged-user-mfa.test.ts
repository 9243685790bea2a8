import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './privileged-user-mfa.js';
import { ACCOUNT_ARN, ADMIN_ARN, allow, doc, group, iam, iamArn, inline, row, rootRow, user } from './__tests__/fixtures.js';

const U = (n: string) => iamArn(`user/${n}`);

testCheck(check, {
  pass: [
    {
      name: 'an administrator (through a group) and a privileged user, both with MFA; a plain user and root are not judged',
      inventory: [
        iam({
          users: [user('alice', { groups: ['Admins'] }), user('ops', { inlinePolicies: [inline('ops', doc(allow('ec2:RunInstances')))] }), user('reader')],
          groups: [group('Admins', { attachedManagedPolicies: [ADMIN_ARN] })],
          report: [rootRow({ mfaActive: false }), row('alice'), row('ops'), row('reader', { mfaActive: false })],
        }),
      ],
      findings: [
        { status: 'pass', resourceId: U('alice'), message: 'IAM user alice is an administrator and has an MFA device.' },
        { status: 'pass', resourceId: U('ops'), message: 'IAM user ops can call privileged actions and has an MFA device.' },
      ],
    },
  ],
  fail: [
    {
      name: 'an administrator without MFA is critical; a privileged user without MFA is high',
      inventory: [
        iam({
          users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] }), user('bob', { inlinePolicies: [inline('cleanup', doc(allow(['s3:DeleteObject', 's3:DeleteBucket'])))] })],
          report: [row('dave', { mfaActive: false }), row('bob', { mfaActive: false })],
        }),
      ],
      findings: [
        { status: 'fail', resourceId: U('dave'), severity: 'critical', message: 'IAM user dave is an administrator, signs in to the console with a password, and has no MFA device.' },
        { status: 'fail', resourceId: U('bob'), message: 'IAM user bob can call privileged actions (s3:DeleteBucket, s3:DeleteObject), signs in to the console with a password, and has no MFA device.' },
      ],
    },
    {
      name: 'the privileged list is configurable',
      options: { privilegedActions: ['route53:ChangeResourceRecordSets'] },
      inventory: [iam({ users: [user('dns', { inlinePolicies: [inline('dns', doc(allow('route53:*')))] })], report: [row('dns', { mfaActive: false })] })],
      findings: [{ status: 'fail', resourceId: U('dns'), message: 'IAM user dns can call privileged actions (route53:ChangeResourceRecordSets), signs in to the console with a password, and has no MFA device.' }],
    },
  ],
  unknown: [
    {
      name: 'a console user without MFA whose policy cannot be read',
      inventory: [iam({ users: [user('eve', { attachedManagedPolicies: [iamArn('policy/Gone')] })], report: [row('eve', { mfaActive: false })] })],
      findings: [{ status: 'unknown', resourceId: U('eve'), message: 'Could not decide whether IAM user eve (console password, no MFA) is privileged: its policies could not all be evaluated.' }],
    },
    {
      name: 'the credential report could not be read',
      inventory: [iam({}), { iam: { credentialReport: failed('iam:GetCredentialReport', 'ReportNotPresent') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not read the IAM credential report: iam:GetCredentialReport failed: ReportNotPresent.' }],
    },
  ],
});
