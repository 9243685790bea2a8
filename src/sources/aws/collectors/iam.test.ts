import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { iamCollector } from './iam.js';

const mocks = mockAll();
const iam = mocks.get(IAMClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const enc = (doc: object) => encodeURIComponent(JSON.stringify(doc));
const ADMIN_DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const CSV =
  'user,arn,user_creation_time,password_enabled,mfa_active,access_key_1_active,access_key_2_active,cert_1_active,cert_2_active\n' +
  '<root_account>,arn:aws:iam::123456789012:root,2019-01-01T00:00:00+00:00,not_supported,true,false,false,false,false\n' +
  'ana,arn:aws:iam::123456789012:user/ana,2024-01-01T00:00:00+00:00,true,false,true,false,false,false\n';

beforeEach(() => {
  mocks.reset();
  iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolves({ State: 'COMPLETE' });
  iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CSV), ReportFormat: 'text/csv' });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
  iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 'The Password Policy with domain name 123456789012 cannot be found.', 404));
  iam
    .on(ListVirtualMFADevicesCommand, { Marker: undefined })
    .resolves({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/root', User: { Arn: 'arn:aws:iam::123456789012:root', UserName: undefined, UserId: undefined, Path: undefined, CreateDate: undefined } }], IsTruncated: true, Marker: 'm2' })
    .on(ListVirtualMFADevicesCommand, { Marker: 'm2' })
    .resolves({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/spare' }], IsTruncated: false });
  iam
    .on(GetAccountAuthorizationDetailsCommand, { Marker: undefined })
    .resolves({
      IsTruncated: true,
      Marker: 'page2',
      UserDetailList: [
        {
          UserName: 'ana',
          Arn: 'arn:aws:iam::123456789012:user/ana',
          GroupList: ['admins'],
          UserPolicyList: [{ PolicyName: 'inline-admin', PolicyDocument: enc(ADMIN_DOC) }],
          AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', PolicyName: 'ReadOnlyAccess' }],
          Tags: [{ Key: 'team', Value: 'data' }],
        },
      ],
      GroupDetailList: [{ GroupName: 'admins', Arn: 'arn:aws:iam::123456789012:group/admins', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }],
    })
    .on(GetAccountAuthorizationDetailsCommand, { Marker: 'page2' })
    .resolves({
      IsTruncated: false,
      RoleDetailList: [{ RoleName: 'app', Arn: 'arn:aws:iam::123456789012:role/app', AssumeRolePolicyDocument: enc(TRUST), RoleLastUsed: { LastUsedDate: new Date('2026-05-01T00:00:00Z') } }],
      Policies: [
        { PolicyName: 'AdministratorAccess', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', AttachmentCount: 1, DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: enc(ADMIN_DOC) }] },
        { PolicyName: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', AttachmentCount: 0, PolicyVersionList: [] },
        { PolicyName: 'AmazonS3FullAccess', Arn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess', AttachmentCount: 0, PolicyVersionList: [] },
        { PolicyName: 'unused-custom', Arn: 'arn:aws:iam::123456789012:policy/unused-custom', AttachmentCount: 0, DefaultVersionId: 'v2', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: false, Document: enc({ old: true }) }, { VersionId: 'v2', IsDefaultVersion: true, Document: enc(ADMIN_DOC) }] },
      ],
    });
});

describe('iam collector', () => {
  it('waits for the credential report and parses it, root row included', async () => {
    const { part } = await collect(iamCollector);
    const rows = okValue(part.iam?.credentialReport);
    expect(rows.map((r) => [r.user, r.mfaActive, r.passwordEnabled, r.accessKey1Active])).toEqual([
      ['<root_account>', true, false, false],
      ['ana', false, true, true],
    ]);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
  });

  it('gives up on a report that never completes, naming the call', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const { part } = await collect(iamCollector);
    expect(part.iam?.credentialReport).toMatchObject({ state: 'error', call: 'iam:GenerateCredentialReport' });
  });

  it('follows GetAccountAuthorizationDetails pages and decodes every policy document', async () => {
    const { part } = await collect(iamCollector);
    const [ana] = okValue(part.iam?.users);
    expect(ana).toMatchObject({ name: 'ana', groups: ['admins'], tags: { team: 'data' }, inlinePolicies: [{ name: 'inline-admin', document: ADMIN_DOC }] });
    expect(okValue(part.iam?.roles)[0]).toMatchObject({ name: 'app', assumeRolePolicy: TRUST, lastUsed: '2026-05-01T00:00:00.000Z' });
    expect(okValue(part.iam?.groups).map((g) => g.name)).toEqual(['admins']);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(2);
  });

  it('keeps AWS managed policies only when attached, and every customer policy with its default version', async () => {
    const { part } = await collect(iamCollector);
    const policies = okValue(part.iam?.policies);
    expect(policies.map((p) => [p.name, p.awsManaged]).sort()).toEqual([
      ['AdministratorAccess', true],
      ['ReadOnlyAccess', true], // attached to ana (seen on an earlier page) even though the count says 0
      ['unused-custom', false],
    ]);
    expect(policies.find((p) => p.name === 'unused-custom')?.document).toEqual(ADMIN_DOC);
  });

  it('reads a missing password policy as absent and the summary as numbers', async () => {
    const { part } = await collect(iamCollector);
    expect(part.iam?.passwordPolicy).toEqual({ state: 'absent' });
    expect(part.iam?.summary).toEqual({ state: 'ok', value: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
  });

  it('lists virtual MFA devices across pages, with the root device', async () => {
    const { part } = await collect(iamCollector);
    expect(okValue(part.iam?.mfaDevices)).toEqual([
      { serialNumber: 'arn:aws:iam::123456789012:mfa/root', userArn: 'arn:aws:iam::123456789012:root', kind: 'virtual' },
      { serialNumber: 'arn:aws:iam::123456789012:mfa/spare', kind: 'virtual' },
    ]);
  });

  it('fails users, groups, roles and policies together when a details page is denied', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand, { Marker: 'page2' }).rejects(awsError('AccessDenied', 'denied', 403));
    const { part } = await collect(iamCollector);
    for (const k of ['users', 'groups', 'roles', 'policies'] as const) {
      expect(part.iam?.[k]).toEqual({ state: 'error', call: 'iam:GetAccountAuthorizationDetails', error: 'AccessDenied: denied' });
    }
    expect(part.iam?.credentialReport.state).toBe('ok');
  });
});
