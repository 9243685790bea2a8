/**
 * A policy that cannot be read (a failed API call, a deploy-time value) or parsed (a document AWS
 * would reject) is never skipped. Following the IAM User Guide's "Policy evaluation logic", each
 * kind of policy can change the answer in its own direction:
 * - an identity-based policy can allow (or explicitly deny);
 * - a permissions boundary, an SCP, an RCP or a session policy can only take away (deny, or fail to allow);
 * - a resource-based policy can allow on its own within the account (or explicitly deny).
 * So an unknown policy makes the answer 'undecided' exactly when it could have changed it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest, loadPolicy, principalFromArn, whoCan, type IamView, type PolicySet, type Request, type UnknownPolicy } from '../index.js';
import { ACCOUNT, ALICE, alice, doc, OTHER, policy, ROLE } from './helpers.js';

const OBJECT = 'arn:aws:s3:::reports/q3.csv';
const put: Request = { principal: alice, action: 's3:PutObject', resource: OBJECT };
const allowS3 = policy(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), 'identity', 'S3Full');
const unknown = (type: UnknownPolicy['source']['type'], why = 's3:GetBucketPolicy failed: AccessDenied'): UnknownPolicy => ({ source: { type, name: `unreadable ${type}` }, unknownBecause: why });
const decide = (req: Request, set: PolicySet) => evaluateRequest(req, set);

describe('Policy evaluation logic › an unreadable resource-based policy', () => {
  it('Policy evaluation for requests within a single account: it may allow on its own, so nothing else allowing is still undecided', () => {
    const d = decide(put, { resource: [unknown('resource')] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('s3:GetBucketPolicy failed: AccessDenied');
  });
  it('Policy evaluation logic: it may hold an explicit deny, so an identity-based Allow is undecided', () => {
    expect(decide(put, { identity: [allowS3], resource: [unknown('resource')] }).decision).toBe('undecided');
  });
  it('Policy evaluation logic: a known explicit deny still decides, whatever the unreadable policy says', () => {
    const deny = policy(doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }));
    expect(decide(put, { identity: [allowS3, deny], resource: [unknown('resource')] }).decision).toBe('deny');
  });
  it('Policy evaluation logic: a service principal (CloudTrail writing logs) is allowed only by the resource policy: undecided', () => {
    const req: Request = { principal: principalFromArn('cloudtrail.amazonaws.com'), action: 's3:PutObject', resource: OBJECT };
    expect(decide(req, { resource: [unknown('resource')] }).decision).toBe('undecided');
  });
  it('Cross-account policy evaluation logic: the identity side allows and the resource side is unreadable: undecided', () => {
    const bob = principalFromArn(`arn:aws:iam::${OTHER}:user/bob`);
    expect(decide({ ...put, principal: bob, resourceAccount: ACCOUNT }, { identity: [allowS3], resource: [unknown('resource')] }).decision).toBe('undecided');
  });
  it('Cross-account policy evaluation logic: the identity side does not allow: denied, whatever the resource policy says', () => {
    const bob = principalFromArn(`arn:aws:iam::${OTHER}:user/bob`);
    expect(decide({ ...put, principal: bob, resourceAccount: ACCOUNT }, { resource: [unknown('resource')] }).decision).toBe('implicit-deny');
  });
  it('Roles terms and concepts: an unreadable trust policy must allow the caller itself: undecided even with an identity Allow', () => {
    const assume = policy(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }));
    const d = decide({ principal: alice, action: 'sts:AssumeRole', resource: ROLE }, { identity: [assume], resource: [unknown('trust', 'iam:GetRole failed: AccessDenied')] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('iam:GetRole failed');
  });
  it('a document AWS would reject (parsed with loadPolicy) counts as unreadable, naming the problem', () => {
    const bad = loadPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Conditions: {} }] }, { type: 'resource', name: 'bucket policy of reports' });
    expect('unknownBecause' in bad && bad.unknownBecause).toContain('unknown element "Conditions"');
    const d = decide(put, { resource: [bad] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('Conditions');
  });
});

describe('Policy evaluation logic › unreadable policies that can only take away', () => {
  it('Permissions boundaries: an unreadable boundary next to an identity Allow: undecided', () => {
    expect(decide(put, { identity: [allowS3], boundary: unknown('boundary') }).decision).toBe('undecided');
  });
  it('Permissions boundaries: a boundary grants nothing, so with no Allow anywhere: implicitly denied', () => {
    expect(decide(put, { boundary: unknown('boundary') }).decision).toBe('implicit-deny');
  });
  it('Permissions boundaries: a resource policy naming the IAM user is not limited by the boundary, but may be denied by it', () => {
    const grant = policy(doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:*', Resource: '*' }), 'resource');
    expect(decide(put, { resource: [grant], boundary: unknown('boundary') }).decision).toBe('undecided');
  });
  it('Service control policies: an unreadable SCP next to an identity Allow: undecided', () => {
    expect(decide(put, { identity: [allowS3], scps: [[policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'scp')], [unknown('scp')]] }).decision).toBe('undecided');
  });
  it('Service control policies: an SCP grants nothing, so with no Allow anywhere: implicitly denied', () => {
    expect(decide(put, { scps: [[unknown('scp')]] }).decision).toBe('implicit-deny');
  });
  it('Resource control policies: an unreadable RCP next to an identity Allow: undecided', () => {
    expect(decide(put, { identity: [allowS3], rcps: [[unknown('rcp')]] }).decision).toBe('undecided');
  });
  it('Session policies: an unreadable session policy next to an identity Allow: undecided', () => {
    expect(decide(put, { identity: [allowS3], session: [unknown('session')] }).decision).toBe('undecided');
  });
  it('Identity-based policies: an unreadable one alone may allow: undecided', () => {
    expect(decide(put, { identity: [unknown('identity')] }).decision).toBe('undecided');
  });
});

describe('who-can › an unreadable resource policy is never read as "grants nobody"', () => {
  const view: IamView = {
    accountId: ACCOUNT,
    groups: [],
    roles: [],
    users: [
      { arn: ALICE, name: 'alice', groups: [], policies: [] },
      { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, name: 'bob', groups: [], policies: [{ name: 'S3Full', kind: 'inline', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }] },
    ],
  };
  it.each([
    ['malformed', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Conditions: {} }] }, 'Conditions'],
    ['not read', { unknownBecause: 's3:GetBucketPolicy failed: AccessDenied' }, 'AccessDenied'],
  ])('Policy evaluation logic: a %s bucket policy leaves everyone undecided, those without an identity Allow too', (_, resourcePolicy, why) => {
    const r = whoCan(view, { action: 's3:PutObject', resource: OBJECT, resourcePolicy });
    expect(r.map((x) => [x.name, x.allowedWithMfa, x.allowedWithoutMfa])).toEqual([
      ['alice', 'undecided', 'undecided'],
      ['bob', 'undecided', 'undecided'],
    ]);
    expect(r[0]?.undecidedBecause?.join()).toContain(why);
  });
});
