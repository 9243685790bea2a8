/**
 * Evaluation rules, from the IAM User Guide's "Policy evaluation logic" pages ("How AWS
 * enforcement code logic evaluates requests", "Policy evaluation for requests within a single
 * account", "Cross-account policy evaluation logic", "The difference between explicit and
 * implicit denies"), "Permissions boundaries for IAM entities" and "AWS JSON policy elements:
 * NotPrincipal".
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest, principalFromArn, type PolicySet, type Request } from '../index.js';
import { ACCOUNT, ALICE, alice, doc, OTHER, policy, ROLE } from './helpers.js';

const BUCKET = 'arn:aws:s3:::carlossalazar';
const OBJECT = `${BUCKET}/file.txt`;
const allowS3 = policy(doc({ Sid: 'AllowS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }), 'identity', 'S3Full');
const bucketPolicyFor = (principal: unknown, name = 'bucket policy'): ReturnType<typeof policy> =>
  policy(doc({ Sid: 'Grant', Effect: 'Allow', Principal: principal, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] }), 'resource', name);
const boundaryEc2Only = policy(doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), 'boundary', 'Ec2Boundary');
const put = (principal = alice, extra: Partial<Request> = {}): Request => ({ principal, action: 's3:PutObject', resource: OBJECT, ...extra });
const decision = (req: Request, set: PolicySet): string => evaluateRequest(req, set).decision;

describe("The guide's EC2 policy (MFA age under 300 seconds)", () => {
  const ec2 = policy({ Version: '2012-10-17', Statement: [{ Action: ['ec2:*'], Effect: 'Allow', Resource: ['*'], Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } } }] });
  const run = (context: Request['context']): string => decision({ principal: alice, action: 'ec2:RunInstances', context }, { identity: [ec2] });
  it('Condition operators › Numeric: allowed at MFA age 100', () => expect(run({ 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 100 })).toBe('allow'));
  it('Condition operators › Numeric: denied at MFA age 600', () => expect(run({ 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 600 })).toBe('implicit-deny'));
  it('Condition operators › a missing key is false: denied when MFA is absent', () => expect(run({})).toBe('implicit-deny'));
  it('the trace names the statement that allowed', () => {
    const d = evaluateRequest({ principal: alice, action: 'ec2:RunInstances', context: { 'aws:MultiFactorAuthAge': 100 } }, { identity: [ec2] });
    expect(d.trace).toEqual([expect.objectContaining({ statementIndex: 0, effect: 'Allow', role: 'identity-allow', outcome: 'matched' })]);
  });
});

describe('Policy evaluation logic › explicit and implicit denies', () => {
  it('by default every request is implicitly denied', () => {
    const d = evaluateRequest(put(), {});
    expect(d.decision).toBe('implicit-deny');
    expect(d.reasons.join()).toContain('no identity-based or resource-based policy allows');
  });
  it('an explicit deny overrides an allow (the DenyS3Logs example)', () => {
    const carlos = policy(
      doc(
        { Sid: 'AllowS3Self', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'] },
        { Sid: 'DenyS3Logs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
      ),
      'identity',
      'carlos',
    );
    const logs = policy(doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:*', Resource: 'arn:aws:s3:::carlossalazar-logs/*' }), 'resource');
    const d = evaluateRequest({ principal: alice, action: 's3:PutObject', resource: 'arn:aws:s3:::carlossalazar-logs/f' }, { identity: [carlos], resource: [logs] });
    expect(d.decision).toBe('deny');
    expect(d.trace).toEqual([expect.objectContaining({ sid: 'DenyS3Logs', role: 'explicit-deny', policy: expect.objectContaining({ name: 'carlos' }) })]);
    expect(decision(put(), { identity: [carlos] })).toBe('allow');
  });
  it('an explicit deny in a resource policy wins over an identity allow', () => {
    const deny = policy(doc({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${BUCKET}/*` }), 'resource');
    expect(decision(put(), { identity: [allowS3], resource: [deny] })).toBe('deny');
  });
  it('an explicit deny in a permissions boundary wins', () => {
    const b = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }), 'boundary');
    expect(decision(put(), { identity: [allowS3], boundary: b })).toBe('deny');
  });
});

describe('Policy evaluation for requests within a single account › identity-based and resource-based policies', () => {
  it('an identity-based Allow alone is enough', () => expect(decision(put(), { identity: [allowS3] })).toBe('allow'));
  it('a resource-based Allow naming the user alone is enough', () => expect(decision(put(), { resource: [bucketPolicyFor({ AWS: ALICE })] })).toBe('allow'));
  it('a resource-based Allow naming the account only delegates: the identity side must allow', () => {
    const rp = bucketPolicyFor({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    expect(decision(put(), { resource: [rp] })).toBe('implicit-deny');
    expect(decision(put(), { resource: [rp], identity: [allowS3] })).toBe('allow');
  });
  it('a resource policy for another user does not help', () => {
    expect(decision(put(), { resource: [bucketPolicyFor({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` })] })).toBe('implicit-deny');
  });
  it('Principal "*" grants the caller directly', () => expect(decision(put(), { resource: [bucketPolicyFor('*')] })).toBe('allow'));
  it('the root user is allowed without policies, unless denied', () => {
    const root = principalFromArn(`arn:aws:iam::${ACCOUNT}:root`);
    expect(decision(put(root), {})).toBe('allow');
    const deny = policy(doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), 'scp');
    expect(decision(put(root), { scps: [[deny]] })).toBe('deny');
  });
});

describe('Permissions boundaries for IAM entities › evaluating effective permissions with boundaries', () => {
  it('the boundary limits identity-based permissions', () => {
    expect(decision(put(), { identity: [allowS3], boundary: boundaryEc2Only })).toBe('implicit-deny');
    expect(evaluateRequest(put(), { identity: [allowS3], boundary: boundaryEc2Only }).reasons.join()).toContain('permissions boundary does not');
  });
  it('the boundary grants nothing on its own', () => {
    expect(decision({ principal: alice, action: 'ec2:RunInstances' }, { boundary: boundaryEc2Only })).toBe('implicit-deny');
  });
  it('identity policy and boundary both allowing: allowed', () => {
    expect(decision({ principal: alice, action: 'ec2:RunInstances' }, { identity: [policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }))], boundary: boundaryEc2Only })).toBe('allow');
  });
  it('Policy evaluation logic › a resource policy naming the IAM user ARN is not limited by the user boundary', () => {
    expect(decision(put(), { resource: [bucketPolicyFor({ AWS: ALICE })], boundary: boundaryEc2Only })).toBe('allow');
  });
  it('Policy evaluation logic › a resource policy naming the role ARN is limited by the role boundary', () => {
    const role = principalFromArn(ROLE);
    expect(decision(put(role), { resource: [bucketPolicyFor({ AWS: ROLE })] })).toBe('allow');
    expect(decision(put(role), { resource: [bucketPolicyFor({ AWS: ROLE })], boundary: boundaryEc2Only })).toBe('implicit-deny');
  });
  it('Policy evaluation logic › a resource policy naming the role session ARN is not limited by the boundary', () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/app/build-42`;
    const caller = principalFromArn(session, ROLE);
    expect(decision(put(caller), { resource: [bucketPolicyFor({ AWS: session })], boundary: boundaryEc2Only })).toBe('allow');
    // The same session through its role ARN is limited.
    expect(decision(put(caller), { resource: [bucketPolicyFor({ AWS: ROLE })], boundary: boundaryEc2Only })).toBe('implicit-deny');
  });
  it('Policy types › session policies narrow the identity-based permissions', () => {
    const session = policy(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), 'session');
    expect(decision(put(), { identity: [allowS3], session: [session] })).toBe('implicit-deny');
    expect(decision({ ...put(), action: 's3:GetObject' }, { identity: [allowS3], session: [session] })).toBe('allow');
  });
});

describe('Policy evaluation logic › AWS Organizations SCPs and RCPs', () => {
  const scpAllowAll = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'scp', 'FullAWSAccess');
  const scpEc2 = policy(doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), 'scp', 'OnlyEc2');
  it('an action the SCP does not allow is implicitly denied, whatever IAM allows', () => {
    expect(decision(put(), { identity: [allowS3], scps: [[scpEc2]] })).toBe('implicit-deny');
  });
  it('every level of the organisation must allow', () => {
    expect(decision(put(), { identity: [allowS3], scps: [[scpAllowAll], [scpEc2]] })).toBe('implicit-deny');
    expect(decision(put(), { identity: [allowS3], scps: [[scpAllowAll], [scpAllowAll]] })).toBe('allow');
  });
  it('SCPs limit a resource-policy grant to the user too', () => {
    expect(decision(put(), { resource: [bucketPolicyFor({ AWS: ALICE })], scps: [[scpEc2]] })).toBe('implicit-deny');
  });
  it('SCPs grant nothing on their own', () => expect(decision(put(), { scps: [[scpAllowAll]] })).toBe('implicit-deny'));
  it('an RCP that does not allow the action denies it', () => {
    const rcp = policy(doc({ Effect: 'Allow', Principal: '*', Action: 'ec2:*', Resource: '*' }), 'rcp');
    expect(decision(put(), { identity: [allowS3], rcps: [[rcp]] })).toBe('implicit-deny');
  });
});

describe('Cross-account policy evaluation logic › both accounts must allow', () => {
  const bob = principalFromArn(`arn:aws:iam::${OTHER}:user/bob`);
  const req = put(bob, { resourceAccount: ACCOUNT });
  it('an identity policy in the other account alone is not enough', () => expect(decision(req, { identity: [allowS3] })).toBe('implicit-deny'));
  it('a resource policy alone is not enough', () => expect(decision(req, { resource: [bucketPolicyFor({ AWS: OTHER })] })).toBe('implicit-deny'));
  it('both sides allowing: allowed (the resource policy may name the account)', () => {
    expect(decision(req, { identity: [allowS3], resource: [bucketPolicyFor({ AWS: OTHER })] })).toBe('allow');
    expect(decision(req, { identity: [allowS3], resource: [bucketPolicyFor({ AWS: `arn:aws:iam::${OTHER}:user/bob` })] })).toBe('allow');
  });
  it("the caller's boundary limits the identity side", () => {
    expect(decision(req, { identity: [allowS3], resource: [bucketPolicyFor({ AWS: `arn:aws:iam::${OTHER}:user/bob` })], boundary: boundaryEc2Only })).toBe('implicit-deny');
  });
  it('the resource account is read from the resource ARN when it carries one', () => {
    const q = policy(doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }));
    expect(decision({ principal: bob, action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q` }, { identity: [q] })).toBe('implicit-deny');
  });
});

describe('Roles terms and concepts › a role trust policy must allow the caller', () => {
  const assume = policy(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }));
  const req: Request = { principal: alice, action: 'sts:AssumeRole', resource: ROLE };
  it('an identity-based Allow alone does not let a user assume the role', () => {
    const trust = policy(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust');
    expect(decision(req, { identity: [assume], resource: [trust] })).toBe('implicit-deny');
  });
  it('a trust policy naming the user is enough in the same account', () => {
    const trust = policy(doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }), 'trust');
    expect(decision(req, { resource: [trust] })).toBe('allow');
  });
  it('a trust policy naming the account needs the identity side too', () => {
    const trust = policy(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }), 'trust');
    expect(decision(req, { resource: [trust] })).toBe('implicit-deny');
    expect(decision(req, { resource: [trust], identity: [assume] })).toBe('allow');
  });
  it('a service principal is allowed by the trust policy', () => {
    const trust = policy(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust');
    expect(decision({ ...req, principal: principalFromArn('ec2.amazonaws.com') }, { resource: [trust] })).toBe('allow');
  });
});

describe('AWS JSON policy elements: NotPrincipal › NotPrincipal with Deny', () => {
  const everyoneBut = (...arns: string[]): ReturnType<typeof policy> =>
    policy(doc({ Effect: 'Deny', NotPrincipal: { AWS: arns }, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] }, { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: `${BUCKET}/*` }), 'resource');
  it('denies everyone not listed', () => {
    const bob = principalFromArn(`arn:aws:iam::${ACCOUNT}:user/bob`);
    expect(decision(put(bob), { resource: [everyoneBut(ALICE, `arn:aws:iam::${ACCOUNT}:root`)] })).toBe('deny');
  });
  it('a user listed with its account escapes the deny', () => {
    expect(decision(put(), { resource: [everyoneBut(ALICE, `arn:aws:iam::${ACCOUNT}:root`)] })).toBe('allow');
  });
  it('a user listed without its account "might" be denied: undecided', () => {
    const d = evaluateRequest(put(), { resource: [everyoneBut(ALICE)] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('NotPrincipal');
  });
  it('Permissions boundaries › NotPrincipal with Deny always denies a principal that has a boundary', () => {
    const b = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'boundary');
    expect(decision(put(), { resource: [everyoneBut(ALICE, `arn:aws:iam::${ACCOUNT}:root`)], boundary: b })).toBe('deny');
  });
  it('an assumed-role session escapes only when session, role and account are listed', () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/app/audit`;
    const caller = principalFromArn(session, ROLE);
    expect(decision(put(caller), { resource: [everyoneBut(session, ROLE, `arn:aws:iam::${ACCOUNT}:root`)] })).toBe('allow');
    expect(decision(put(caller), { resource: [everyoneBut(session, `arn:aws:iam::${ACCOUNT}:root`)] })).toBe('undecided');
  });
});

describe('Policy evaluation logic › what cannot be known gives "undecided", never a silent answer', () => {
  it('an unreadable identity policy next to an Allow: it might deny', () => {
    const d = evaluateRequest(put(), { identity: [allowS3, { source: { type: 'identity', name: 'Mystery' }, unknownBecause: 'iam:GetPolicyVersion failed: AccessDenied' }] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('AccessDenied');
  });
  it('an unreadable identity policy alone: it might allow', () => {
    expect(decision(put(), { identity: [{ source: { type: 'identity', name: 'Mystery' }, unknownBecause: 'not collected' }] })).toBe('undecided');
  });
  it('a known explicit deny still decides', () => {
    const deny = policy(doc({ Effect: 'Deny', Action: '*', Resource: '*' }));
    expect(decision(put(), { identity: [deny, { source: { type: 'identity', name: 'Mystery' }, unknownBecause: 'x' }] })).toBe('deny');
  });
  it('a Deny on an unknown key next to an Allow: undecided, naming the key', () => {
    const p = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'CorpOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
    const d = evaluateRequest({ ...put(), missingKeys: 'unknown' }, { identity: [p] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join()).toContain('aws:SourceIp');
    expect(d.trace).toContainEqual(expect.objectContaining({ sid: 'CorpOnly', outcome: 'unknown' }));
  });
  it('a Deny on an unknown key with no Allow at all: still implicitly denied', () => {
    const p = policy(doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
    expect(decision({ ...put(), missingKeys: 'unknown' }, { identity: [p] })).toBe('implicit-deny');
  });
});

describe('Policy variables › resources and conditions use the caller (Variables and tags)', () => {
  const home = policy(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }));
  it('aws:username is filled from the IAM user ARN', () => {
    expect(decision({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/a' }, { identity: [home] })).toBe('allow');
    expect(decision({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::home/bob/a' }, { identity: [home] })).toBe('implicit-deny');
  });
  it('a role has no aws:username: the statement is invalid and does not apply', () => {
    expect(decision({ principal: principalFromArn(ROLE), action: 's3:GetObject', resource: 'arn:aws:s3:::home/app/a' }, { identity: [home] })).toBe('implicit-deny');
  });
  it('2008-10-17 policies read the variable literally', () => {
    const old = policy({ Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' } });
    expect(decision({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/a' }, { identity: [old] })).toBe('implicit-deny');
    expect(decision({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::home/${aws:username}/a' }, { identity: [old] })).toBe('allow');
  });
});
