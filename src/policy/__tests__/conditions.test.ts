/**
 * Condition operators, table-driven from the IAM User Guide pages "IAM JSON policy elements:
 * Condition operators", "Conditions with multiple context keys or values" and "Creating a
 * condition that tests multiple key values (set operations)". Each row: a Condition block, a
 * request context, and whether the condition holds (the Allow applies).
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest, type ContextValue } from '../index.js';
import { alice, doc, policy } from './helpers.js';

type Row = [name: string, condition: Record<string, Record<string, unknown>>, context: Record<string, ContextValue>, holds: boolean];

function holds(condition: Record<string, Record<string, unknown>>, context: Record<string, ContextValue>, version = '2012-10-17'): string {
  const p = policy({ Version: version, Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } });
  return evaluateRequest({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context }, { identity: [p] }).decision;
}

function table(section: string, rows: Row[]): void {
  describe(section, () => {
    it.each(rows)('%s', (_name, condition, context, expected) => {
      expect(holds(condition, context)).toBe(expected ? 'allow' : 'implicit-deny');
    });
  });
}

table('Condition operators › String condition operators', [
  ['StringEquals matches exactly', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }, true],
  ['StringEquals is case-sensitive', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'Blue' }, false],
  ['StringEquals reads * literally (no wildcards)', { StringEquals: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' }, false],
  ['StringEquals: several values are ORed', { StringEquals: { 's3:prefix': ['a', 'b'] } }, { 's3:prefix': 'b' }, true],
  ['StringEquals: missing key is false', { StringEquals: { 's3:prefix': 'a' } }, {}, false],
  ['StringNotEquals: a different value holds', { StringNotEquals: { 's3:prefix': 'a' } }, { 's3:prefix': 'b' }, true],
  ['StringNotEquals: several values are NORed', { StringNotEquals: { 's3:prefix': ['a', 'b'] } }, { 's3:prefix': 'b' }, false],
  ['StringNotEquals: a missing key makes the negated operator true', { StringNotEquals: { 's3:prefix': 'a' } }, {}, true],
  ['StringEqualsIgnoreCase ignores case', { StringEqualsIgnoreCase: { 'aws:username': 'johndoe' } }, { 'aws:username': 'JohnDoe' }, true],
  ['StringNotEqualsIgnoreCase ignores case', { StringNotEqualsIgnoreCase: { 'aws:username': 'johndoe' } }, { 'aws:username': 'JOHNDOE' }, false],
  ['StringLike: * and ? anywhere', { StringLike: { 's3:prefix': 'home/?o*/x' } }, { 's3:prefix': 'home/bob/docs/x' }, true],
  ['StringLike is case-sensitive', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'HOME/x' }, false],
  ['StringLike: ? is exactly one character', { StringLike: { 's3:prefix': 'a?c' } }, { 's3:prefix': 'abbc' }, false],
  ['StringNotLike: no pattern matches', { StringNotLike: { 's3:prefix': ['a*', 'b*'] } }, { 's3:prefix': 'c1' }, true],
  ['StringNotLike: a missing key is true', { StringNotLike: { 's3:prefix': 'a*' } }, {}, true],
]);

table('Condition operators › Numeric condition operators', [
  ['NumericEquals', { NumericEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 }, true],
  ['NumericEquals compares numbers, not text', { NumericEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10.0' }, true],
  ['NumericNotEquals', { NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 11 }, true],
  ['NumericNotEquals: a missing key is true', { NumericNotEquals: { 's3:max-keys': '10' } }, {}, true],
  ['NumericLessThan', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 9 }, true],
  ['NumericLessThan is strict', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 }, false],
  ['NumericLessThanEquals', { NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 }, true],
  ['NumericGreaterThan', { NumericGreaterThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 10.5 }, true],
  ['NumericGreaterThanEquals', { NumericGreaterThanEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': 9 }, false],
  ['a non-numeric request value never matches', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 'ten' }, false],
  ['a missing key is false', { NumericLessThan: { 's3:max-keys': '10' } }, {}, false],
]);

table('Condition operators › Date condition operators (ISO 8601 and epoch)', [
  ['DateGreaterThan with ISO 8601', { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' } }, { 'aws:CurrentTime': '2020-06-01T00:00:00Z' }, true],
  ['DateLessThan with ISO 8601', { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2020-06-01T00:00:00Z' }, false],
  ['DateEquals across formats: epoch in the request', { DateEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': 1577836800 }, true],
  ['DateEquals: epoch in the policy', { DateEquals: { 'aws:EpochTime': '1577836800' } }, { 'aws:EpochTime': '2020-01-01T00:00:00Z' }, true],
  ['DateEquals: a date-only W3C value', { DateEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, true],
  ['DateNotEquals', { DateNotEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2021-01-01T00:00:00Z' }, true],
  ['DateLessThanEquals at the same instant, other time zone', { DateLessThanEquals: { 'aws:CurrentTime': '2020-01-01T01:00:00+01:00' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, true],
  ['DateGreaterThanEquals', { DateGreaterThanEquals: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, { 'aws:TokenIssueTime': '2019-12-31T23:59:59Z' }, false],
  ['a missing key is false (aws:TokenIssueTime with long-term keys)', { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } }, {}, false],
]);

table('Condition operators › Boolean condition operators', [
  ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true }, true],
  ['Bool compares "true"/"false" case-insensitively', { Bool: { 'aws:SecureTransport': 'True' } }, { 'aws:SecureTransport': 'true' }, true],
  ['Bool false vs true', { Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': true }, false],
  ['Bool: JSON booleans in the policy', { Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': false }, true],
  ['Bool: a missing key is false', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, false],
]);

table('Condition operators › Binary condition operators', [
  ['BinaryEquals compares the base-64 decoded bytes', { BinaryEquals: { 'test:bin': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { 'test:bin': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, true],
  ['BinaryEquals: other bytes', { BinaryEquals: { 'test:bin': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { 'test:bin': 'b3RoZXI=' }, false],
  ['BinaryEquals: a missing key is false', { BinaryEquals: { 'test:bin': 'QQ==' } }, {}, false],
]);

table('Condition operators › IP address condition operators (IPv4 and IPv6)', [
  ['IpAddress: inside an IPv4 range', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.7' }, true],
  ['IpAddress: outside', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.114.1' }, false],
  ['IpAddress: a bare address means /32', { IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, { 'aws:SourceIp': '203.0.113.5' }, true],
  ['IpAddress: 0.0.0.0/0 matches every IPv4 address', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '198.51.100.1' }, true],
  ['IpAddress: IPv6 range, upper-case hex', { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, { 'aws:SourceIp': '2001:db8:1234:5678::1' }, true],
  ['IpAddress: mixing IPv4 and IPv6 ranges', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8::/32'] } }, { 'aws:SourceIp': '2001:db8:ffff::1' }, true],
  ['IpAddress: an IPv4 address never matches an IPv6 range', { IpAddress: { 'aws:SourceIp': '::/0' } }, { 'aws:SourceIp': '198.51.100.1' }, false],
  ['IpAddress: a missing key (VPC endpoint request) is false', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, {}, false],
  ['NotIpAddress: outside the range holds', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, true],
  ['NotIpAddress: several ranges are NORed', { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } }, { 'aws:SourceIp': '10.1.2.3' }, false],
  ['NotIpAddress: a missing key is true', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, {}, true],
]);

table('Condition operators › Amazon Resource Name (ARN) condition operators', [
  ['ArnEquals: the same ARN', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' } }, { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' }, true],
  ['ArnLike: wildcards per component', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:t' }, true],
  ['ArnLike: components are matched separately (doc example)', { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }, { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }, false],
  ['StringLike matches the same pair (doc example)', { StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }, { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }, true],
  ['ArnEquals behaves like ArnLike', { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::bucket-*' } }, { 'aws:SourceArn': 'arn:aws:s3:::bucket-1' }, true],
  ['ArnLike is case-sensitive', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } }, { 'aws:PrincipalArn': 'arn:aws:iam::1:role/admin' }, false],
  ['ArnLike: the resource part may hold colons', { ArnLike: { 'aws:SourceArn': 'arn:aws:logs:us-east-1:1:log-group:app:*' } }, { 'aws:SourceArn': 'arn:aws:logs:us-east-1:1:log-group:app:log-stream:x' }, true],
  ['ArnNotEquals', { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:t' } }, { 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:u' }, true],
  ['ArnNotLike: a missing key is true', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, {}, true],
  ['ArnLike: a value that is no ARN does not match', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, { 'aws:SourceArn': 'not-an-arn' }, false],
]);

table('Condition operators › ...IfExists condition operators', [
  ['StringLikeIfExists: a missing key is true', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, {}, true],
  ['StringLikeIfExists: a present key is tested', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, { 'ec2:InstanceType': 'm5.large' }, false],
  ['NumericLessThanIfExists: present and matching', { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '300' } }, { 'aws:MultiFactorAuthAge': 100 }, true],
  ['StringNotEqualsIfExists: a missing key is true', { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } }, {}, true],
  ['BoolIfExists: present and different', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': false }, false],
]);

table('Condition operators › Condition operator to check existence of condition keys (Null)', [
  ['Null true: the key is absent', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, true],
  ['Null true: the key is present', { Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, false],
  ['Null false: the key is present', { Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, true],
  ['Null false: the key is absent', { Null: { 'aws:TokenIssueTime': 'false' } }, {}, false],
]);

table('Condition operators › set operators ForAnyValue / ForAllValues on multi-valued keys', [
  ['ForAllValues: every request value is in the list', { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message', 'Tags'] } }, { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message'] }, true],
  ['ForAllValues: one request value outside the list (doc example)', { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message', 'Tags'] } }, { 'dynamodb:requestedAttributes': ['PostDateTime', 'UserName'] }, false],
  ['ForAllValues: true when the key is missing', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, {}, true],
  ['ForAllValues: true for an empty set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': [] }, true],
  ['ForAnyValue: one request value in the list (doc example)', { 'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] } }, { 'dynamodb:requestedAttributes': ['UserName', 'Message', 'PostDateTime'] }, true],
  ['ForAnyValue: no match', { 'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] } }, { 'dynamodb:requestedAttributes': ['UserName'] }, false],
  ['ForAnyValue: false when the key is missing', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, {}, false],
  ['ForAllValues:StringNotLike: every value avoids the pattern', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key2:audit'] }, true],
  ['ForAllValues:StringNotLike: a value matches the pattern', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key1:legal'] }, false],
  ['ForAllValues:StringNotLike: a missing key is true', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, {}, true],
  ['ForAnyValue:StringNotEquals: some value differs from all', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['a', 'c'] }, true],
  ['a plain operator on a multi-valued key: any value may match', { StringEquals: { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['b', 'a'] }, true],
]);

table('IAM JSON policy elements: Condition › key names are case-insensitive, and blocks combine with AND', [
  ['aws:SourceIP in the policy reads AWS:sourceip in the request', { IpAddress: { 'aws:SourceIP': '203.0.113.0/24' } }, { 'AWS:sourceip': '203.0.113.9' }, true],
  ['two operators: both must hold', { StringEquals: { 'aws:PrincipalTag/team': 'blue' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': false }, false],
  ['two keys under one operator: both must hold', { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/env': 'prod' } }, { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/env': 'prod' }, true],
]);

describe('IAM policy elements: Variables and tags', () => {
  it('Variables › ${aws:username} is substituted in condition values', () => {
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x' })).toBe('allow');
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/bob/x' })).toBe('implicit-deny');
  });
  it('Variables › a default value is used when the key is missing', () => {
    expect(holds({ StringEquals: { 'test:owner': "${aws:PrincipalTag/owner, 'nobody'}" } }, { 'test:owner': 'nobody' })).toBe('allow');
  });
  it('Variables › ${*}, ${?} and ${$} stand for the literal characters', () => {
    expect(holds({ StringLike: { 's3:prefix': 'a${*}b${?}c${$}' } }, { 's3:prefix': 'a*b?c$' })).toBe('allow');
    expect(holds({ StringLike: { 's3:prefix': 'a${*}b' } }, { 's3:prefix': 'aXXb' })).toBe('implicit-deny');
  });
  it('Variables › a substituted value is literal, never a wildcard', () => {
    expect(holds({ StringLike: { 's3:prefix': '${aws:PrincipalTag/p}' } }, { 's3:prefix': 'anything', 'aws:PrincipalTag/p': '*' })).toBe('implicit-deny');
  });
  it('Variables › a variable that cannot be resolved makes the statement invalid, even a negated one', () => {
    expect(holds({ StringNotEquals: { 's3:prefix': '${aws:PrincipalTag/missing}' } }, { 's3:prefix': 'x' })).toBe('implicit-deny');
  });
  it('Variables › Version 2008-10-17 reads ${...} literally', () => {
    expect(holds({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'alice' }, '2008-10-17')).toBe('implicit-deny');
    expect(holds({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': '${aws:username}' }, '2008-10-17')).toBe('allow');
  });
});

describe('Condition operators › unknown values give an explicit "cannot decide"', () => {
  it('a key marked unknown makes an Allow undecided, not allowed or denied', () => {
    const d = holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': { unknownBecause: 'who-can does not know the caller IP' } });
    expect(d).toBe('undecided');
  });
  it('missingKeys "unknown": keys the context lacks are unknown', () => {
    const p = policy(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    const d = evaluateRequest({ principal: alice, action: 's3:GetObject', missingKeys: 'unknown' }, { identity: [p] });
    expect(d.decision).toBe('undecided');
    expect(d.undecidedBecause?.join(' ')).toContain('aws:SecureTransport');
  });
});
