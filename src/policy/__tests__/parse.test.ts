/**
 * Parsing and normalisation, from "IAM JSON policy element reference" and "Grammar of the IAM
 * JSON policy language". Bad input gives a PolicyParseError naming the problem, never a policy
 * that silently lost an element.
 */
import { describe, expect, it } from 'vitest';
import { isPolicyParseError, parsePolicy } from '../index.js';
import { doc, expectParseError, policy } from './helpers.js';

describe('IAM JSON policy element reference › forms', () => {
  it('Statement: a single object or an array', () => {
    const one = policy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });
    const many = policy(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }));
    expect(one.statements).toHaveLength(1);
    expect(many.statements.map((s) => s.effect)).toEqual(['Allow', 'Deny']);
  });
  it('Action and Resource: a string or an array of strings', () => {
    const p = policy(doc({ Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' }));
    const st = p.statements[0];
    expect(st?.actions.patterns.map((x) => x.raw)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(st?.resources?.patterns.map((x) => x.raw)).toEqual(['arn:aws:s3:::b/*']);
    expect(st?.sid).toBe('A');
  });
  it('NotAction, NotResource and NotPrincipal are read as negated lists', () => {
    const p = policy(doc({ Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }), 'resource');
    const st = p.statements[0];
    expect(st?.actions.negated && st.resources?.negated && st.principals?.negated).toBe(true);
  });
  it('Principal: "*", {"AWS": "*"}, accounts, services, federated and canonical users', () => {
    const p = policy(
      doc({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Principal: { AWS: ['*', '111122223333'], Service: 'cloudtrail.amazonaws.com', Federated: 'cognito-identity.amazonaws.com', CanonicalUser: 'abc' },
      }),
      'resource',
    );
    expect(p.statements[0]?.principals?.values.map((v) => v.type)).toEqual(['any', 'aws', 'service', 'federated', 'canonical']);
  });
  it('Version: 2012-10-17 and 2008-10-17; a missing Version means 2008 rules, with a warning', () => {
    expect(policy(doc({ Effect: 'Allow', Action: '*', Resource: '*' })).version).toBe('2012-10-17');
    const old = policy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } });
    expect(old.version).toBe('2008-10-17');
    expect(old.versionMissing).toBe(true);
    expect(old.warnings.join()).toContain('literal');
  });
  it('JSON text and URL-encoded JSON text are accepted (as IAM APIs return documents)', () => {
    const text = JSON.stringify(doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    expect(isPolicyParseError(parsePolicy(text, { type: 'identity', name: 'x' }))).toBe(false);
    expect(isPolicyParseError(parsePolicy(encodeURIComponent(text), { type: 'identity', name: 'x' }))).toBe(false);
  });
  it('Condition values: numbers and booleans are read as text, single values as lists', () => {
    const p = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 300 }, Bool: { 'aws:SecureTransport': true } } }));
    expect(p.statements[0]?.conditions.map((c) => c.values)).toEqual([['300'], ['true']]);
    expect(p.statements[0]?.conditions[0]?.keyLower).toBe('aws:multifactorauthage');
  });
  it('Condition operators: set operators and IfExists are split off the base operator', () => {
    const p = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': 'a*' } } }));
    const c = p.statements[0]?.conditions[0];
    expect([c?.setOperator, c?.base, c?.ifExists]).toEqual(['ForAllValues', 'StringLike', true]);
  });
  it('NotPrincipal with Allow is legal but warned about', () => {
    const p = policy(doc({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: '*', Resource: '*' }), 'resource');
    expect(p.warnings.join()).toContain('NotPrincipal with Allow');
  });
  it('a trust policy needs no Resource', () => {
    const p = policy(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust');
    expect(p.statements[0]?.resources).toBeUndefined();
  });
});

describe('IAM JSON policy element reference › bad input is a clear error', () => {
  it.each([
    ['malformed JSON', '{"Version": "2012-10-17", "Statement": [', 'malformed JSON'],
    ['not an object', '[1, 2]', 'must be a JSON object'],
    ['no Statement', { Version: '2012-10-17' }, 'no Statement'],
    ['an unknown Version', { Version: '2015-01-01', Statement: [] }, 'Version must be'],
    ['a misspelt top-level element', { Version: '2012-10-17', Statements: [] }, 'unknown top-level element "Statements"'],
    ['a misspelt statement element (a silently dropped Condition would widen access)', doc({ Effect: 'Allow', Action: '*', Resource: '*', Conditions: {} }), 'unknown element "Conditions"'],
    ['a bad Effect', doc({ Effect: 'allow', Action: '*', Resource: '*' }), 'Effect must be'],
    ['neither Action nor NotAction', doc({ Effect: 'Allow', Resource: '*' }), 'exactly one of Action and NotAction'],
    ['both Action and NotAction', doc({ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }), 'exactly one of Action and NotAction'],
    ['an action without a service prefix', doc({ Effect: 'Allow', Action: 'GetObject', Resource: '*' }), 'service:action'],
    ['an empty Action list', doc({ Effect: 'Allow', Action: [], Resource: '*' }), 'empty list'],
    ['a non-string Action', doc({ Effect: 'Allow', Action: [1], Resource: '*' }), 'list of strings'],
    ['no Resource in an identity policy', doc({ Effect: 'Allow', Action: '*' }), 'needs a Resource'],
    ['Principal in an identity policy', doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), 'not allowed in an identity-based policy'],
    ['an unknown condition operator', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'a' } } }), 'unknown condition operator "StringEqualz"'],
    ['an unknown set operator', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForSomeValues:StringEquals': { k: 'a' } } }), 'unknown condition set operator'],
    ['NullIfExists', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NullIfExists: { k: 'true' } } }), 'IfExists cannot be added to the Null operator'],
    ['a number that is not a number', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'soon' } } }), 'is not a number'],
    ['a date that is not a date', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }), 'not an ISO 8601 date'],
    ['an IP range that is not one', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } } }), 'not an IP address'],
    ['a Bool that is not true or false', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }), 'not true or false'],
    ['an object as condition value', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { k: { a: 1 } } } }), 'strings, numbers or booleans'],
    ['a malformed policy variable', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username' }), 'unterminated policy variable'],
    ['an unknown principal type', doc({ Effect: 'Allow', Principal: { Robot: 'x' }, Action: '*', Resource: '*' }), 'unknown principal type'],
  ])('%s', (_name, input, fragment) => {
    expectParseError(input, fragment);
  });
  it('a resource policy statement without Principal', () => {
    expectParseError(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'needs Principal or NotPrincipal', 'resource');
  });
  it('every problem is listed, not only the first', () => {
    const p = parsePolicy(doc({ Effect: 'Maybe', Action: 'x' }), { type: 'identity', name: 'two' });
    expect(isPolicyParseError(p) && p.problems.length).toBeGreaterThanOrEqual(3);
  });
});
