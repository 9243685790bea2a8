import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './mfa-enforced-by-policy.js';
import { ACCOUNT_ARN, ADMIN_ARN, allow, deny, doc, group, iam, iamArn, inline, MFA_PRESENT, mfaAge, row, rootRow, user } from './__tests__/fixtures.js';

const two = { privilegedActions: ['ec2:RunInstances', 'iam:CreateUser'] };
const U = (n: string) => iamArn(`user/${n}`);
const withPolicy = (name: string, document: Record<string, unknown>, over = {}) => user(name, { inlinePolicies: [inline('p', document)], ...over });

testCheck(check, {
  pass: [
    {
      name: "the guide's example: EC2 allowed only within 300 s of an MFA sign-in",
      options: two,
      inventory: [iam({ users: [withPolicy('ops', doc(allow('ec2:*', '*', mfaAge(300))))], report: [rootRow(), row('ops')] })],
      findings: [{ status: 'pass', resourceId: U('ops'), message: 'IAM user ops can call 1 privileged action(s) (ec2:RunInstances) only with MFA.' }],
    },
    {
      name: 'an administrator whose group denies everything without MFA (BoolIfExists, so keys are denied too)',
      options: two,
      inventory: [
        iam({
          users: [user('alice', { groups: ['Admins'] })],
          groups: [group('Admins', { attachedManagedPolicies: [ADMIN_ARN], inlinePolicies: [inline('require-mfa', doc(deny('*', '*', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })))] })],
          report: [row('alice', { accessKey1Active: true })],
        }),
      ],
      findings: [{ status: 'pass', resourceId: U('alice'), message: 'IAM user alice can call 2 privileged action(s) (ec2:RunInstances, iam:CreateUser) only with MFA.' }],
    },
    {
      name: 'aws:MultiFactorAuthPresent true is enough; users without password or keys are not judged',
      options: two,
      inventory: [
        iam({
          users: [withPolicy('ops', doc(allow(['ec2:RunInstances', 'iam:CreateUser'], '*', MFA_PRESENT))), user('reader'), user('retired', { attachedManagedPolicies: [ADMIN_ARN] })],
          report: [row('ops'), row('reader'), row('retired', { passwordEnabled: false })],
        }),
      ],
      findings: [
        { status: 'pass', resourceId: U('ops'), message: 'IAM user ops can call 2 privileged action(s) (ec2:RunInstances, iam:CreateUser) only with MFA.' },
        { status: 'pass', resourceId: U('reader'), message: 'IAM user reader can call none of the 2 privileged actions checked.' },
      ],
    },
  ],
  fail: [
    {
      name: 'no condition at all: which action and which policy are named',
      options: two,
      inventory: [iam({ users: [user('dave', { attachedManagedPolicies: [ADMIN_ARN] })], report: [row('dave', { mfaActive: false })] })],
      findings: [{ status: 'fail', resourceId: U('dave'), message: 'IAM user dave (console password) can call ec2:RunInstances, iam:CreateUser without MFA, through AdministratorAccess (managed).' }],
    },
    {
      name: 'a Deny on Bool MultiFactorAuthPresent false does not stop access keys, which carry no MFA key',
      options: two,
      inventory: [
        iam({
          users: [user('console', { groups: ['Ops'] }), user('ci', { groups: ['Ops'] })],
          groups: [group('Ops', { inlinePolicies: [inline('ops', doc(allow('ec2:*'), deny('*', '*', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } })))] })],
          report: [row('console'), row('ci', { passwordEnabled: false, accessKey2Active: true })],
        }),
      ],
      findings: [
        { status: 'pass', resourceId: U('console'), message: 'IAM user console can call 1 privileged action(s) (ec2:RunInstances) only with MFA.' },
        { status: 'fail', resourceId: U('ci'), message: 'IAM user ci (access key) can call ec2:RunInstances without MFA, through ops (group Ops).' },
      ],
    },
    {
      name: 'an aws:MultiFactorAuthAge bound looser than the configured limit',
      options: { ...two, maxMfaAgeSeconds: 3600 },
      inventory: [iam({ users: [withPolicy('ops', doc(allow('iam:CreateUser', '*', mfaAge(86400))))], report: [row('ops')] })],
      findings: [
        {
          status: 'fail',
          resourceId: U('ops'),
          severity: 'medium',
          message: 'IAM user ops can call iam:CreateUser with an MFA sign-in older than 3600 s: the aws:MultiFactorAuthAge limit in p (inline) is looser than the configured limit.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a condition the inventory cannot know (the source address) leaves it undecided',
      options: two,
      inventory: [iam({ users: [withPolicy('ops', doc(allow('ec2:RunInstances', '*', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })))], report: [row('ops')] })],
      findings: [
        {
          status: 'unknown',
          resourceId: U('ops'),
          message:
            'Could not decide whether IAM user ops can call ec2:RunInstances without MFA: identity policy "p" statement 0 (Allow) might apply: condition IpAddress on aws:SourceIp cannot be evaluated: the value is unknown.',
        },
      ],
    },
    {
      name: 'a user in the credential report whose policies could not be read',
      options: two,
      inventory: [iam({ users: [], report: [row('ghost')] })],
      findings: [{ status: 'unknown', resourceId: U('ghost'), message: 'IAM user ghost is in the credential report but its policies could not be read.' }],
    },
    {
      name: 'the credential report could not be read',
      inventory: [iam({ users: [user('a')] }), { iam: { credentialReport: failed('iam:GenerateCredentialReport', 'LimitExceeded') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not read the IAM credential report: iam:GenerateCredentialReport failed: LimitExceeded.' }],
    },
  ],
});
