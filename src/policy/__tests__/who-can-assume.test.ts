/**
 * whoCanAssume: sts:AssumeRole needs the role's trust policy and the caller's own policies
 * (IAM User Guide, "Roles terms and concepts"; "Policy evaluation logic": a trust policy that
 * names a user or role ARN is enough within the account, one that names the account delegates to
 * the caller's identity-based policies; "Cross-account policy evaluation logic": both accounts must allow).
 */
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/build.js';
import { iamViewFromInventory, whoCanAssume, type IamView, type IamViewPolicy, type IamViewRole } from '../index.js';
import { ACCOUNT, doc, OTHER } from './helpers.js';

const arn = (r: string): string => `arn:aws:iam::${ACCOUNT}:${r}`;
const TARGET = arn('role/target');
const policyOf = (name: string, ...statements: Record<string, unknown>[]): IamViewPolicy => ({ name, kind: 'inline', document: doc(...statements) });
const assumeAny = policyOf('assume-any', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
const admin: IamViewPolicy = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess', kind: 'managed', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) };
const trust = (principal: unknown, condition?: Record<string, unknown>): Record<string, unknown> =>
  doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

function view(targetTrust: unknown, extraRoles: IamViewRole[] = []): IamView {
  const target: IamViewRole = { arn: TARGET, name: 'target', policies: [] };
  if (targetTrust !== undefined) target.trustPolicy = targetTrust;
  return {
    accountId: ACCOUNT,
    groups: [],
    users: [
      { arn: arn('user/ann'), name: 'ann', groups: [], policies: [] }, // no policy of her own
      { arn: arn('user/bob'), name: 'bob', groups: [], policies: [assumeAny] },
      { arn: arn('user/cid'), name: 'cid', groups: [], policies: [admin, policyOf('no-assume', { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: TARGET })] },
    ],
    roles: [target, ...extraRoles],
  };
}

const answers = (v: IamView, role = TARGET): Record<string, [unknown, unknown]> =>
  Object.fromEntries(whoCanAssume(v, role).map((r) => [r.name, [r.allowedWithMfa, r.allowedWithoutMfa]]));

describe('whoCanAssume › the trust policy and the caller both decide', () => {
  it('Policy evaluation logic: a trust policy naming the user ARN is enough within the account, with no identity policy', () => {
    expect(answers(view(trust({ AWS: arn('user/ann') })))).toEqual({ ann: [true, true] });
  });
  it('Policy evaluation logic: a trust policy naming the account delegates to identity policies: only callers allowed sts:AssumeRole', () => {
    const r = whoCanAssume(view(trust({ AWS: arn('root') })), TARGET);
    expect(r.map((x) => x.name)).toEqual(['bob']);
    expect(r[0]?.via).toEqual([expect.objectContaining({ policy: 'assume-any', attachedTo: 'user' })]);
  });
  it('an explicit Deny in the caller\'s policies wins over a trust policy that names it', () => {
    expect(answers(view(trust({ AWS: [arn('user/cid'), arn('user/ann')] })))).toEqual({ ann: [true, true] });
  });
  it('a trust policy for a service only: no principal of the account, administrators included', () => {
    expect(whoCanAssume(view(trust({ Service: 'ec2.amazonaws.com' })), TARGET)).toEqual([]);
  });
  it('AWS global condition context keys: a trust policy requiring MFA admits sessions signed in with MFA only, never access keys', () => {
    const r = whoCanAssume(view(trust({ AWS: arn('user/ann') }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })), TARGET);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ name: 'ann', allowedWithMfa: true, allowedWithoutMfa: false, allowedWithAccessKeys: false, allowedWithoutMfaSession: false });
  });
  it('a trust policy denying sessions without MFA by Bool (no IfExists) still admits access keys', () => {
    const t = doc({ Effect: 'Allow', Principal: { AWS: arn('user/ann') }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
    expect(whoCanAssume(view(t), TARGET)[0]).toMatchObject({ name: 'ann', allowedWithAccessKeys: true, allowedWithoutMfaSession: false, allowedWithoutMfa: true });
  });
  it('Permissions boundaries: a trust policy naming a role ARN is limited by that role\'s boundary', () => {
    const bounded: IamViewRole = {
      arn: arn('role/ci'),
      name: 'ci',
      policies: [assumeAny],
      permissionsBoundary: { name: 'S3Only', kind: 'managed', arn: arn('policy/S3Only'), document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    };
    const free: IamViewRole = { arn: arn('role/cd'), name: 'cd', policies: [] };
    expect(answers(view(trust({ AWS: [arn('role/ci'), arn('role/cd')] }), [bounded, free]))).toEqual({ cd: [true, true] });
  });
  it('a role ARN written without its path finds the role (role names are unique in an account)', () => {
    const v = view(undefined, [{ arn: arn('role/team/deploy'), name: 'deploy', policies: [], trustPolicy: trust({ AWS: arn('user/ann') }) }]);
    const r = whoCanAssume(v, arn('role/deploy'));
    expect(r.map((x) => [x.name, x.allowedWithMfa])).toEqual([['ann', true]]);
    expect(r[0]?.via).toContainEqual(expect.objectContaining({ policy: 'trust policy of deploy', attachedTo: 'resource' }));
  });
  it('a condition on a principal tag is evaluated per caller', () => {
    const v = view(trust({ AWS: arn('root') }, { StringEquals: { 'aws:PrincipalTag/team': 'ops' } }));
    v.users.push({ arn: arn('user/dee'), name: 'dee', groups: [], policies: [assumeAny], tags: { team: 'ops' } });
    expect(Object.keys(answers(v))).toEqual(['dee']);
  });
});

describe('whoCanAssume › what cannot be read is never read as "nobody"', () => {
  it('Policy evaluation logic: a malformed trust policy leaves every caller undecided, naming the problem', () => {
    const r = whoCanAssume(view({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Conditions: {} }] }), TARGET);
    expect(r.map((x) => [x.name, x.allowedWithMfa])).toEqual([
      ['ann', 'undecided'],
      ['bob', 'undecided'],
      ['target', 'undecided'],
    ]);
    expect(r[0]?.undecidedBecause?.join()).toContain('Conditions');
  });
  it('a role the view does not hold: its trust policy could name anyone, so every caller is undecided, saying why', () => {
    const r = whoCanAssume(view(trust({ AWS: arn('root') })), arn('role/missing'));
    expect(r.map((x) => [x.name, x.allowedWithMfa])).toEqual([
      ['ann', 'undecided'],
      ['bob', 'undecided'],
      ['cid', 'undecided'], // its Deny is on another role
      ['target', 'undecided'],
    ]);
    expect(r[0]?.undecidedBecause?.join()).toContain('role/missing is not in the inventory');
  });
  it('Cross-account policy evaluation logic: a role of another account needs an identity Allow here, and its trust policy is unknown', () => {
    const r = whoCanAssume(view(trust({ AWS: arn('root') })), `arn:aws:iam::${OTHER}:role/partner`);
    // Only callers whose own policies allow it can be allowed; without the other account's trust policy, undecided.
    expect(r.map((x) => [x.name, x.allowedWithMfa])).toEqual([
      ['bob', 'undecided'],
      ['cid', 'undecided'],
    ]);
    expect(r[0]?.undecidedBecause?.join()).toContain(`belongs to account ${OTHER}`);
  });
});

describe('whoCanAssume › from the inventory', () => {
  it("iamViewFromInventory carries each role's trust policy", () => {
    const inv = buildInventory(
      [
        {
          iam: {
            users: { state: 'ok', value: [{ arn: arn('user/ann'), name: 'ann', groups: [], attachedManagedPolicies: [], inlinePolicies: [] }] },
            groups: { state: 'ok', value: [] },
            policies: { state: 'ok', value: [] },
            roles: { state: 'ok', value: [{ arn: TARGET, name: 'target', assumeRolePolicy: trust({ AWS: arn('user/ann') }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), attachedManagedPolicies: [], inlinePolicies: [] }] },
          },
        },
      ],
      { accountId: ACCOUNT },
    );
    const v = iamViewFromInventory(inv);
    expect(v.roles[0]?.trustPolicy).toMatchObject({ Statement: [expect.objectContaining({ Action: 'sts:AssumeRole' })] });
    expect(answers(v)).toEqual({ ann: [true, false] });
  });
});
