/**
 * Wildcards in Action ("IAM JSON policy elements: Action": case-insensitive) and Resource
 * ("IAM JSON policy elements: Resource", "Using wildcards in resource ARNs": case-sensitive,
 * within ARN segments; a `*` that ends a segment may cross colons).
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../index.js';
import { alice, doc, policy } from './helpers.js';

function allowed(action: string | string[], resource: string | string[], reqAction: string, reqResource: string): boolean {
  const p = policy(doc({ Effect: 'Allow', Action: action, Resource: resource }));
  return evaluateRequest({ principal: alice, action: reqAction, resource: reqResource }, { identity: [p] }).decision === 'allow';
}

describe('IAM JSON policy elements: Action › wildcards, case-insensitive', () => {
  it.each([
    ['*', 'ec2:RunInstances', true],
    ['s3:*', 's3:GetObject', true],
    ['s3:*', 's3control:GetJobTagging', false],
    ['s3:Get*', 's3:getobject', true],
    ['S3:GETOBJECT', 's3:GetObject', true],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['iam:*AccessKey*', 'iam:CreateUser', false],
    ['ec2:Describe?nstances', 'ec2:DescribeInstances', true],
    ['ec2:Describe?nstances', 'ec2:DescribeXXnstances', false],
    ['s3:GetObject', 's3:GetObjectAcl', false],
  ])('%s vs %s → %s', (pattern, action, expected) => {
    expect(allowed(pattern, '*', action, 'arn:aws:s3:::b')).toBe(expected);
  });
});

describe('IAM JSON policy elements: Resource › wildcards, case-sensitive, segment by segment', () => {
  it.each([
    ['*', 'arn:aws:s3:::anything', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::Bucket/a', false],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/a', false],
    ['arn:aws:iam::111122223333:user/accounting/*', 'arn:aws:iam::111122223333:user/accounting/bob', true],
    ['arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob', false],
    ['arn:aws:ec2:*:*:instance/i-1234567890abcdef0', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1234567890abcdef0', true],
    ['arn:aws:ec2:us-*-1:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
    ['arn:aws:ec2:us-?ast-1:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
    // Inside a segment a `*` followed by more text stays in its segment.
    ['arn:aws:sqs:us-*st-1:111122223333:q', 'arn:aws:sqs:us-east-1:extra:west-1:111122223333:q', false],
    // A `*` that ends a segment may run past colons.
    ['arn:aws:sqs:*:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:q', true],
    // The resource part may itself contain colons.
    ['arn:aws:logs:us-east-1:111122223333:log-group:app:*', 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s', true],
    ['arn:aws:sqs:us-east-1:111122223333:${aws:username}-queue', 'arn:aws:sqs:us-east-1:111122223333:alice-queue', true],
    ['arn:aws:sqs:us-east-1:111122223333:${aws:username}-queue', 'arn:aws:sqs:us-east-1:111122223333:bob-queue', false],
  ])('%s vs %s → %s', (pattern, resource, expected) => {
    expect(allowed('sqs:SendMessage', pattern, 'sqs:SendMessage', resource)).toBe(expected);
  });
});

describe('IAM JSON policy elements: NotAction and NotResource', () => {
  it('NotAction: Allow applies to every action except those listed', () => {
    const p = policy(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
    const ev = (a: string): string => evaluateRequest({ principal: alice, action: a }, { identity: [p] }).decision;
    expect(ev('s3:GetObject')).toBe('allow');
    expect(ev('iam:CreateUser')).toBe('implicit-deny');
  });
  it('NotResource: Deny applies to every resource except those listed', () => {
    const p = policy(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::mine', 'arn:aws:s3:::mine/*'] }));
    const ev = (r: string): string => evaluateRequest({ principal: alice, action: 's3:GetObject', resource: r }, { identity: [p] }).decision;
    expect(ev('arn:aws:s3:::mine/x')).toBe('allow');
    expect(ev('arn:aws:s3:::theirs/x')).toBe('deny');
  });
});

describe('Wildcards after a policy variable is substituted (literal pieces, then "*")', () => {
  const home = policy(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${aws:username}?report'] }));
  const ev = (r: string): string => evaluateRequest({ principal: alice, action: 's3:GetObject', resource: r }, { identity: [home] }).decision;
  it.each([
    ['arn:aws:s3:::home/alice/notes.txt', 'allow'],
    ['arn:aws:s3:::home/alice/', 'allow'],
    ['arn:aws:s3:::home/alicex/notes.txt', 'implicit-deny'], // the substituted name is literal, not a prefix
    ['arn:aws:s3:::home/bob/notes.txt', 'implicit-deny'],
    ['arn:aws:s3:::home/alice', 'implicit-deny'],
    ['arn:aws:s3:::home/alice-report', 'allow'], // "?" after the name: one character
    ['arn:aws:s3:::home/alicereport', 'implicit-deny'],
  ])('%s → %s', (resource, expected) => expect(ev(resource)).toBe(expected));
});
