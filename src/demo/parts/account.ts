import { ok, absent, failed, type InventoryPart } from '../../inventory/index.js';
import { DEMO_ACCOUNT, iamArn } from '../ids.js';

const d = (day: string) => `${day}T10:00:00.000Z`;

const adminPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const readOnlyPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:Get*', 's3:List*', 'iam:Get*', 'iam:List*'], Resource: '*' }],
};
/** Admins may do anything, but only in a session signed in with MFA (keys without MFA carry no MFA key: IfExists). */
const requireMfaPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyAllWithoutMfa',
      Effect: 'Deny',
      NotAction: ['iam:ChangePassword', 'iam:GetUser', 'iam:ListMFADevices', 'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};
const trustAccount = (principal: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });
const trustService = (service: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const trustOidc = (provider: string, sub: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${DEMO_ACCOUNT}:oidc-provider/${provider}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { [`${provider}:sub`]: sub } },
    },
  ],
});

const deployPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Deploy', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject', 'cloudfront:CreateInvalidation'], Resource: '*' },
    { Sid: 'Dns', Effect: 'Allow', Action: 'route53:ChangeResourceRecordSets', Resource: 'arn:aws:route53:::hostedzone/*' },
  ],
};

/** Account settings and IAM: the people, the automation and their policies. */
export const accountParts: InventoryPart[] = [
  {
    account: {
      alternateContacts: {
        billing: ok({ name: 'Finance team', title: 'Finance', email: 'finance@northwind.example', phone: '+1-555-0101' }),
        operations: failed('account:GetAlternateContact', 'AccessDeniedException: the audit role lacks account:GetAlternateContact for OPERATIONS'),
        security: absent(),
      },
    },
    iam: {
      credentialReport: ok([
        { user: '<root_account>', arn: `arn:aws:iam::${DEMO_ACCOUNT}:root`, userCreationTime: d('2021-03-02'), passwordEnabled: true, passwordLastUsed: d('2026-09-14'), mfaActive: true, accessKey1Active: false, accessKey2Active: false, cert1Active: false, cert2Active: false },
        { user: 'alice', arn: iamArn('user/alice'), userCreationTime: d('2021-03-02'), passwordEnabled: true, passwordLastUsed: d('2026-11-19'), mfaActive: true, accessKey1Active: false, accessKey2Active: false, cert1Active: false, cert2Active: false },
        { user: 'bob', arn: iamArn('user/bob'), userCreationTime: d('2023-06-11'), passwordEnabled: true, passwordLastUsed: d('2026-11-02'), mfaActive: false, accessKey1Active: true, accessKey1LastRotated: d('2023-06-11'), accessKey1LastUsedDate: d('2026-11-18'), accessKey2Active: false, cert1Active: false, cert2Active: false },
        { user: 'carol', arn: iamArn('user/carol'), userCreationTime: d('2024-01-08'), passwordEnabled: true, passwordLastUsed: d('2026-11-17'), mfaActive: true, accessKey1Active: false, accessKey2Active: false, cert1Active: false, cert2Active: false },
        { user: 'dave', arn: iamArn('user/dave'), userCreationTime: d('2020-11-03'), passwordEnabled: true, passwordLastUsed: d('2026-10-30'), mfaActive: false, accessKey1Active: false, accessKey2Active: false, cert1Active: false, cert2Active: false },
        { user: 'ci-deploy', arn: iamArn('user/ci-deploy'), userCreationTime: d('2022-02-20'), passwordEnabled: false, mfaActive: false, accessKey1Active: true, accessKey1LastRotated: d('2025-12-01'), accessKey1LastUsedDate: d('2026-11-20'), accessKey2Active: false, cert1Active: false, cert2Active: false },
      ]),
      summary: ok({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 5, Groups: 2, Roles: 6, Policies: 2 }),
      passwordPolicy: ok({ minimumPasswordLength: 12, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, allowUsersToChangePassword: true, passwordReusePrevention: 5 }),
      users: ok([
        { arn: iamArn('user/alice'), name: 'alice', groups: ['Admins'], attachedManagedPolicies: [], inlinePolicies: [] },
        { arn: iamArn('user/bob'), name: 'bob', groups: ['Developers'], attachedManagedPolicies: [iamArn('policy/NorthwindDeploy')], inlinePolicies: [] },
        { arn: iamArn('user/carol'), name: 'carol', groups: ['Developers'], attachedManagedPolicies: [], inlinePolicies: [] },
        // The contractor who set the account up; still an administrator, still without MFA.
        { arn: iamArn('user/dave'), name: 'dave', groups: [], attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: [] },
        { arn: iamArn('user/ci-deploy'), name: 'ci-deploy', groups: [], attachedManagedPolicies: [iamArn('policy/NorthwindDeploy')], inlinePolicies: [] },
      ]),
      groups: ok([
        { arn: iamArn('group/Admins'), name: 'Admins', attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: [{ name: 'require-mfa', document: requireMfaPolicy }] },
        { arn: iamArn('group/Developers'), name: 'Developers', attachedManagedPolicies: [iamArn('policy/NorthwindReadOnly')], inlinePolicies: [] },
      ]),
      roles: ok([
        {
          arn: iamArn('role/RampartAudit'), name: 'RampartAudit', path: '/',
          assumeRolePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: iamArn('user/alice') }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] },
          attachedManagedPolicies: ['arn:aws:iam::aws:policy/SecurityAudit'], inlinePolicies: [],
        },
        {
          arn: iamArn('role/web-app'), name: 'web-app', path: '/',
          assumeRolePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          attachedManagedPolicies: [], inlinePolicies: [{ name: 'app-data', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::northwind-app-data/*' }] } }],
        },
        {
          arn: iamArn('role/OrganizationAccountAccessRole'), name: 'OrganizationAccountAccessRole', path: '/',
          assumeRolePolicy: trustAccount('arn:aws:iam::111111111111:root'),
          attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: [],
        },
        {
          arn: iamArn('role/terraform-deploy'), name: 'terraform-deploy', path: '/',
          assumeRolePolicy: trustOidc('token.actions.githubusercontent.com', 'repo:northwind/infra:*'),
          attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: [],
        },
        {
          arn: iamArn('role/ops-automation'), name: 'ops-automation', path: '/',
          assumeRolePolicy: trustService('lambda.amazonaws.com'),
          attachedManagedPolicies: [],
          // Written to "restart logging after maintenance"; it can just as well stop it.
          inlinePolicies: [{ name: 'trail-maintenance', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['cloudtrail:*', 'logs:*'], Resource: '*' }] } }],
        },
        {
          arn: iamArn('role/external-dns'), name: 'external-dns', path: '/',
          assumeRolePolicy: trustOidc('oidc.eks.us-east-1.amazonaws.com/id/5C1D2E3F4A5B6C7D8E9F', 'system:serviceaccount:kube-system:external-dns'),
          attachedManagedPolicies: [],
          inlinePolicies: [{ name: 'one-zone', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'], Resource: 'arn:aws:route53:::hostedzone/Z04NWMAIN00001' }] } }],
        },
      ]),
      policies: ok([
        { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsManaged: true, defaultVersionId: 'v1', document: adminPolicy, attachmentCount: 4 },
        { arn: 'arn:aws:iam::aws:policy/SecurityAudit', name: 'SecurityAudit', awsManaged: true, defaultVersionId: 'v1', document: readOnlyPolicy, attachmentCount: 1 },
        { arn: iamArn('policy/NorthwindReadOnly'), name: 'NorthwindReadOnly', awsManaged: false, defaultVersionId: 'v3', document: readOnlyPolicy, attachmentCount: 1 },
        { arn: iamArn('policy/NorthwindDeploy'), name: 'NorthwindDeploy', awsManaged: false, defaultVersionId: 'v2', document: deployPolicy, attachmentCount: 2 },
      ]),
      mfaDevices: ok([
        { serialNumber: iamArn('mfa/alice'), userArn: iamArn('user/alice'), enableDate: d('2021-03-02'), kind: 'virtual' },
        { serialNumber: iamArn('mfa/carol'), userArn: iamArn('user/carol'), enableDate: d('2024-01-08'), kind: 'virtual' },
      ]),
    },
  },
];
