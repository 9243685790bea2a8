/**
 * Who-can over an inventory: users (own and group policies), roles, permissions boundaries, MFA
 * ("AWS global condition context keys": aws:MultiFactorAuthPresent is absent for long-term access
 * keys and false for sessions without MFA), and the administrator question.
 */
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/build.js';
import { administratorStatus, iamViewFromInventory, isAdministrator, prepareIamView, whoCan, type IamView, type IamViewPolicy } from '../index.js';
import { ACCOUNT, doc } from './helpers.js';

const arn = (r: string): string => `arn:aws:iam::${ACCOUNT}:${r}`;
const managed = (name: string, ...statements: Record<string, unknown>[]): IamViewPolicy => ({ name, arn: arn(`policy/${name}`), kind: 'managed', document: doc(...statements) });
const admin = managed('AdministratorAccess', { Effect: 'Allow', Action: '*', Resource: '*' });
const iamFull = managed('IAMFullAccess', { Effect: 'Allow', Action: 'iam:*', Resource: '*' });
const readOnly = managed('ReadOnly', { Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*'], Resource: '*' });
const ec2Mfa = managed('Ec2WithMfa', { Action: ['ec2:*'], Effect: 'Allow', Resource: ['*'], Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } } });
const denyWithoutMfa = managed('DenyWithoutMfa', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
const denyNoMfaBool = managed('DenyNoMfaBool', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
const boundaryS3 = managed('S3Boundary', { Effect: 'Allow', Action: 's3:*', Resource: '*' });

function view(): IamView {
  return {
    accountId: ACCOUNT,
    groups: [
      { arn: arn('group/admins'), name: 'admins', policies: [admin, denyWithoutMfa] },
      { arn: arn('group/readers'), name: 'readers', policies: [readOnly] },
    ],
    users: [
      { arn: arn('user/ann'), name: 'ann', policies: [], groups: ['admins'] },
      { arn: arn('user/bob'), name: 'bob', policies: [ec2Mfa], groups: ['readers'] },
      { arn: arn('user/cid'), name: 'cid', policies: [admin], groups: [], permissionsBoundary: boundaryS3 },
      { arn: arn('user/dee'), name: 'dee', policies: [admin, denyNoMfaBool], groups: [] },
      { arn: arn('user/eve'), name: 'eve', policies: [{ name: 'inline-iam', kind: 'inline', document: doc({ Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' }) }], groups: [] },
      { arn: arn('user/fay'), name: 'fay', policies: [], groups: [] },
    ],
    roles: [
      { arn: arn('role/ci'), name: 'ci', policies: [readOnly] },
      { arn: arn('role/ops'), name: 'ops', policies: [iamFull] },
    ],
  };
}

const byName = (rs: ReturnType<typeof whoCan>): Record<string, (typeof rs)[number]> => Object.fromEntries(rs.map((r) => [r.name, r]));

describe('who-can › users, group members and roles', () => {
  it('lists who may call ec2:RunInstances, with and without MFA, and through which policies', () => {
    const r = byName(whoCan(view(), { action: 'ec2:RunInstances', mfaAgeSeconds: 60 }));
    expect(Object.keys(r).sort()).toEqual(['ann', 'bob', 'dee']);
    // ann: admin through her group, denied without MFA by BoolIfExists (absent or false).
    expect(r.ann).toMatchObject({ kind: 'group-member', groups: ['admins'], allowedWithMfa: true, allowedWithoutMfa: false });
    expect(r.ann?.via).toEqual([expect.objectContaining({ policy: 'AdministratorAccess', kind: 'managed', attachedTo: 'group', group: 'admins' })]);
    // bob: the guide's EC2 policy needs a recent MFA sign-in.
    expect(r.bob).toMatchObject({ kind: 'user', allowedWithMfa: true, allowedWithoutMfa: false });
    // dee: Bool aws:MultiFactorAuthPresent false does not match long-term keys (the key is absent).
    expect(r.dee).toMatchObject({ allowedWithMfa: true, allowedWithoutMfa: true });
  });
  it('respects permissions boundaries (cid is an admin bounded to S3)', () => {
    expect(byName(whoCan(view(), { action: 'ec2:RunInstances' })).cid).toBeUndefined();
    expect(byName(whoCan(view(), { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })).cid).toMatchObject({ allowedWithMfa: true, allowedWithoutMfa: true });
  });
  it('an old MFA sign-in no longer counts (age 600 against NumericLessThan 300)', () => {
    expect(byName(whoCan(view(), { action: 'ec2:RunInstances', mfaAgeSeconds: 600 })).bob).toBeUndefined();
  });
  it('roles are listed with their policies', () => {
    const r = byName(whoCan(view(), { action: 'iam:CreateUser' }));
    expect(Object.keys(r).sort()).toEqual(['ann', 'dee', 'eve', 'ops']);
    expect(r.ops).toMatchObject({ kind: 'role', allowedWithoutMfa: true, via: [expect.objectContaining({ policy: 'IAMFullAccess', attachedTo: 'role' })] });
    expect(r.eve?.via).toEqual([expect.objectContaining({ policy: 'inline-iam', kind: 'inline', attachedTo: 'user', sid: 'Iam', statementIndex: 0 })]);
  });
  it('mfa: true / false evaluates one side only', () => {
    const r = byName(whoCan(view(), { action: 'ec2:RunInstances', mfa: false }));
    expect(Object.keys(r)).toEqual(['dee']);
    expect(r.dee?.allowedWithMfa).toBe('not-evaluated');
  });
  it('includeDenied lists everyone', () => {
    expect(whoCan(view(), { action: 'ec2:RunInstances', includeDenied: true })).toHaveLength(8);
  });
  it('a condition on a key the inventory cannot know makes the answer undecided, naming the key', () => {
    const v = view();
    v.users.push({ arn: arn('user/ivy'), name: 'ivy', groups: [], policies: [managed('CorpIp', { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })] });
    const r = byName(whoCan(v, { action: 'ec2:RunInstances' }));
    expect(r.ivy).toMatchObject({ allowedWithMfa: 'undecided', allowedWithoutMfa: 'undecided' });
    expect(r.ivy?.undecidedBecause?.join()).toContain('aws:SourceIp');
    // Given in the context, it decides.
    expect(byName(whoCan(v, { action: 'ec2:RunInstances', context: { 'aws:SourceIp': '198.51.100.1' } })).ivy).toBeUndefined();
  });
  it('a policy that cannot be read or parsed makes the answer undecided, never a silent allow or deny', () => {
    const v = view();
    v.users.push({ arn: arn('user/gus'), name: 'gus', groups: [], policies: [{ name: 'Broken', kind: 'inline', document: '{"Statement": [' }] });
    v.users.push({ arn: arn('user/hal'), name: 'hal', groups: [], policies: [{ name: 'Gone', kind: 'managed', arn: arn('policy/Gone'), document: { unknownBecause: 'iam:GetPolicyVersion failed: AccessDenied' } }] });
    const r = byName(whoCan(v, { action: 'ec2:RunInstances' }));
    expect(r.gus?.allowedWithMfa).toBe('undecided');
    expect(r.gus?.undecidedBecause?.join()).toContain('malformed JSON');
    expect(r.hal?.undecidedBecause?.join()).toContain('AccessDenied');
    expect(prepareIamView(v).join()).toContain('malformed JSON');
  });
  it('a view asked again after gaining a principal is prepared again (the preparation is cached per view)', () => {
    const v = view();
    expect(byName(whoCan(v, { action: 'iam:CreateUser' })).zed).toBeUndefined();
    v.users.push({ arn: arn('user/zed'), name: 'zed', groups: [], policies: [iamFull] });
    expect(byName(whoCan(v, { action: 'iam:CreateUser' })).zed).toMatchObject({ allowedWithMfa: true });
  });
  it('policy variables are resolved per principal', () => {
    const v = view();
    const home = managed('Home', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' });
    v.users.push({ arn: arn('user/kim'), name: 'kim', groups: [], policies: [home] }, { arn: arn('user/lou'), name: 'lou', groups: [], policies: [home] });
    const r = byName(whoCan(v, { action: 's3:GetObject', resource: 'arn:aws:s3:::home/kim/x' }));
    expect(r.kim).toBeDefined();
    expect(r.lou).toBeUndefined();
  });
  it('a resource policy naming a user is enough within the account', () => {
    const bucketPolicy = doc({ Effect: 'Allow', Principal: { AWS: arn('user/fay') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const r = byName(whoCan(view(), { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourcePolicy: bucketPolicy }));
    expect(r.fay).toMatchObject({ allowedWithoutMfa: true, via: [expect.objectContaining({ attachedTo: 'resource' })] });
  });
});

describe('who-can › the two ways of lacking MFA, apart (AWS global condition context keys: aws:MultiFactorAuthPresent)', () => {
  const keysOnly = managed('KeysOnly', { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } } });
  const sessionOnly = managed('SessionOnly', { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
  const v = (): IamView => {
    const x = view();
    x.users.push({ arn: arn('user/kai'), name: 'kai', groups: [], policies: [keysOnly] }, { arn: arn('user/sam'), name: 'sam', groups: [], policies: [sessionOnly] });
    return x;
  };
  const r = byName(whoCan(v(), { action: 'ec2:RunInstances' }));
  it('a Deny on Bool aws:MultiFactorAuthPresent false stops sessions without MFA, not access keys (the key is absent)', () => {
    expect(r.dee).toMatchObject({ allowedWithAccessKeys: true, allowedWithoutMfaSession: false, allowedWithoutMfa: true });
  });
  it('BoolIfExists stops both', () => {
    expect(r.ann).toMatchObject({ allowedWithAccessKeys: false, allowedWithoutMfaSession: false, allowedWithoutMfa: false, allowedWithMfa: true });
  });
  it('Condition operators › Null: an Allow only where the key is absent admits access keys alone', () => {
    expect(r.kai).toMatchObject({ allowedWithAccessKeys: true, allowedWithoutMfaSession: false, allowedWithMfa: false });
    expect(r.sam).toMatchObject({ allowedWithAccessKeys: false, allowedWithoutMfaSession: true, allowedWithMfa: false });
  });
  it('each answer keeps its own decision, with the statements behind it', () => {
    expect(r.kai?.decisions.withAccessKeys?.trace).toEqual([expect.objectContaining({ policy: expect.objectContaining({ name: 'KeysOnly' }), role: 'identity-allow' })]);
    expect(r.kai?.decisions.withoutMfaSession?.decision).toBe('implicit-deny');
    expect(r.kai?.decisions.withoutMfa).toBe(r.kai?.decisions.withAccessKeys);
  });
  it('undecided on either side makes allowedWithoutMfa undecided unless the other allows', () => {
    const x = v();
    x.users.push({ arn: arn('user/ivy'), name: 'ivy', groups: [], policies: [managed('CorpIp', { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), denyNoMfaBool] });
    expect(byName(whoCan(x, { action: 'ec2:RunInstances' })).ivy).toMatchObject({ allowedWithAccessKeys: 'undecided', allowedWithoutMfaSession: false, allowedWithoutMfa: 'undecided' });
  });
  it('mfa: true evaluates neither; mfa: false evaluates both', () => {
    expect(byName(whoCan(v(), { action: 'ec2:RunInstances', mfa: true })).kai).toBeUndefined();
    expect(byName(whoCan(v(), { action: 'ec2:RunInstances', mfa: true })).dee).toMatchObject({ allowedWithAccessKeys: 'not-evaluated', allowedWithoutMfaSession: 'not-evaluated' });
    expect(byName(whoCan(v(), { action: 'ec2:RunInstances', mfa: false })).kai).toMatchObject({ allowedWithAccessKeys: true, allowedWithMfa: 'not-evaluated' });
  });
});

describe('isAdministrator › allowed "*" on "*" or "iam:*" on "*"', () => {
  it.each([
    ['ann', true], // AdministratorAccess through a group (with MFA)
    ['cid', false], // admin policy, but a boundary limited to S3
    ['eve', true], // iam:* on *
    ['bob', false],
    ['fay', false],
  ])('%s → %s', (name, expected) => {
    expect(isAdministrator(arn(`user/${name}`), view())).toBe(expected);
  });
  it('roles too', () => expect(isAdministrator(arn('role/ops'), view())).toBe(true));
  it('an Allow must cover every action: NotAction iam:* is not "*"', () => {
    const v = view();
    v.users.push({ arn: arn('user/max'), name: 'max', groups: [], policies: [managed('AllButIam', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] });
    expect(isAdministrator(arn('user/max'), v)).toBe(false);
  });
  it('a Deny on a few named actions does not remove administrator status', () => {
    const v = view();
    v.users.push({ arn: arn('user/ned'), name: 'ned', groups: [], policies: [admin, managed('NoLeave', { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' })] });
    expect(isAdministrator(arn('user/ned'), v)).toBe(true);
  });
  it('an Allow scoped to some resources is not "*" on "*"', () => {
    const v = view();
    v.users.push({ arn: arn('user/oli'), name: 'oli', groups: [], policies: [managed('Scoped', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' })] });
    expect(isAdministrator(arn('user/oli'), v)).toBe(false);
  });
  it('administratorStatus says undecided when a condition cannot be known', () => {
    const v = view();
    v.users.push({ arn: arn('user/pat'), name: 'pat', groups: [], policies: [managed('AdminFromCorp', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })] });
    expect(administratorStatus(arn('user/pat'), v).admin).toBe('undecided');
    expect(isAdministrator(arn('user/pat'), v)).toBe(false);
  });
});

describe('iamViewFromInventory › from the inventory IAM part', () => {
  const inventory = (policiesState: 'ok' | 'error') =>
    buildInventory([
      {
        iam: {
          users: { state: 'ok', value: [{ arn: arn('user/ann'), name: 'ann', attachedManagedPolicies: [arn('policy/Admin')], inlinePolicies: [{ name: 'self', document: doc({ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: '*' }) }], groups: ['ops'], permissionsBoundary: arn('policy/Admin') }] },
          groups: { state: 'ok', value: [{ arn: arn('group/ops'), name: 'ops', attachedManagedPolicies: [arn('policy/Admin')], inlinePolicies: [] }] },
          roles: { state: 'error', call: 'iam:GetAccountAuthorizationDetails', error: 'AccessDenied' },
          policies:
            policiesState === 'ok'
              ? { state: 'ok', value: [{ arn: arn('policy/Admin'), name: 'Admin', awsManaged: false, document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }] }
              : { state: 'error', call: 'iam:GetAccountAuthorizationDetails', error: 'Throttling' },
        },
      },
    ], { accountId: ACCOUNT });
  it('maps users, groups, inline and managed policies and boundaries', () => {
    const v = iamViewFromInventory(inventory('ok'));
    expect(v.accountId).toBe(ACCOUNT);
    const ann = v.users[0];
    expect(ann?.policies).toEqual([expect.objectContaining({ name: 'self', kind: 'inline' }), expect.objectContaining({ name: 'Admin', kind: 'managed' })]);
    expect(ann?.permissionsBoundary?.name).toBe('Admin');
    // One object per managed policy, shared by every attachment.
    expect(v.groups[0]?.policies).toEqual([ann?.permissionsBoundary]);
    expect(v.unknownParts?.join()).toContain('roles: iam:GetAccountAuthorizationDetails failed: AccessDenied');
    expect(isAdministrator(arn('user/ann'), v)).toBe(true);
  });
  it('a managed policy the inventory could not read is unknown, and who-can says undecided', () => {
    const v = iamViewFromInventory(inventory('error'));
    const r = whoCan(v, { action: 'ec2:RunInstances' });
    expect(r[0]?.allowedWithMfa).toBe('undecided');
    expect(r[0]?.undecidedBecause?.join()).toContain('Throttling');
  });
});
