/**
 * "The meaning of public" (Amazon S3 User Guide, "Blocking public access to your Amazon S3
 * storage"): a bucket policy is public unless it grants only to fixed principals or to fixed
 * values of aws:SourceIp (not broader than /8 IPv4, /32 IPv6), aws:SourceArn, aws:SourceVpc,
 * aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, s3:x-amz-server-side-encryption-aws-kms-key-id,
 * aws:userid, s3:DataAccessPointArn, s3:DataAccessPointAccount, aws:PrincipalOrgID.
 */
import { describe, expect, it } from 'vitest';
import { crossAccountGrants, isPolicyPublic } from '../index.js';
import { ACCOUNT, doc, OTHER } from './helpers.js';

const owner = { ownerAccount: ACCOUNT };
const stmt = (extra: Record<string, unknown>): Record<string, unknown> => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra });
const pub = (d: unknown): boolean | 'undecided' => isPolicyPublic(d, owner).public;

describe('The meaning of "public" › bucket policies (S3 User Guide examples)', () => {
  it.each([
    ['Principal {"Federated": "graph.facebook.com"}', stmt({ Principal: { Federated: 'graph.facebook.com' } }), true],
    ['Principal "*"', stmt({}), true],
    ['Principal {"AWS": "*"}', stmt({ Principal: { AWS: '*' } }), true],
    ['Principal "*" with StringLike aws:SourceVpc "vpc-*" (a wildcard is not fixed)', stmt({ Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } }), true],
    ['Principal "*" with StringEquals aws:SourceVpc "vpc-91237329"', stmt({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } } }), false],
  ])('%s → public: %s', (_n, s, expected) => expect(pub(doc(s))).toBe(expected));
});

describe('The meaning of "public" › what restricts and what does not', () => {
  it.each([
    ['a fixed account principal', stmt({ Principal: { AWS: OTHER } }), false],
    ['a fixed role ARN', stmt({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/reader` } }), false],
    ['a service principal', stmt({ Principal: { Service: 'cloudtrail.amazonaws.com' } }), false],
    ['a SAML provider in an account (fixed)', stmt({ Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/corp` } }), false],
    ['a wildcard inside a principal ARN', stmt({ Principal: { AWS: 'arn:aws:iam::*:root' } }), true],
    ['NotPrincipal with Allow', { Effect: 'Allow', NotPrincipal: { AWS: OTHER }, Action: 's3:GetObject', Resource: '*' }, true],
    ['IpAddress aws:SourceIp 0.0.0.0/0 is the whole internet', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), true],
    ['IpAddress aws:SourceIp ::/0', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '::/0' } } }), true],
    ['IpAddress aws:SourceIp 0.0.0.0/1 (broader than /8)', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } } }), true],
    ['IpAddress aws:SourceIp 10.0.0.0/7 (broader than /8)', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/7' } } }), true],
    ['IpAddress aws:SourceIp 10.0.0.0/8 (not broader than /8)', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }), false],
    ['IpAddress aws:SourceIp 203.0.113.0/24', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), false],
    ['IpAddress aws:SourceIp 2001:db8::/31 (broader than /32)', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/31' } } }), true],
    ['IpAddress aws:SourceIp 2001:db8::/32', stmt({ Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } } }), false],
    ['a narrow and a broad range together (values are ORed)', stmt({ Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } } }), true],
    ['NotIpAddress does not restrict', stmt({ Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), true],
    ['an unknown condition key does not restrict', stmt({ Condition: { StringEquals: { 'aws:UserAgent': 'my-app' } } }), true],
    ['aws:SecureTransport does not restrict', stmt({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), true],
    ['aws:SourceVpce fixed', stmt({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }), false],
    ['aws:SourceVpce with IfExists (true when the key is missing)', stmt({ Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }), true],
    ['aws:SourceArn fixed (ArnEquals)', stmt({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t' } } }), false],
    ['aws:SourceArn with a wildcard', stmt({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:*:trail/*' } } }), true],
    ['aws:SourceAccount fixed', stmt({ Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }), false],
    ['aws:SourceOwner fixed', stmt({ Condition: { StringEquals: { 'aws:SourceOwner': ACCOUNT } } }), false],
    ['aws:PrincipalOrgID fixed', stmt({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }), false],
    ['aws:PrincipalAccount fixed', stmt({ Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER } } }), false],
    ['aws:PrincipalArn fixed', stmt({ Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/r` } } }), false],
    ['aws:userid fixed', stmt({ Condition: { StringEquals: { 'aws:userid': 'AIDAEXAMPLE' } } }), false],
    ['aws:userid "AROLEID:*" (a wildcard: conservatively public)', stmt({ Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } } }), true],
    ['aws:PrincipalOrgPaths under a fixed organisation', stmt({ Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } } }), false],
    ['aws:PrincipalOrgPaths with ForAllValues (true when missing)', stmt({ Condition: { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } } }), true],
    ['s3:x-amz-server-side-encryption-aws-kms-key-id fixed', stmt({ Condition: { StringEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` } } }), false],
    ['s3:DataAccessPointArn with a wildcard access point name, account fixed', stmt({ Condition: { ArnLike: { 's3:DataAccessPointArn': `arn:aws:s3:us-west-2:${ACCOUNT}:accesspoint/*` } } }), false],
    ['s3:DataAccessPointAccount fixed', stmt({ Condition: { StringEquals: { 's3:DataAccessPointAccount': ACCOUNT } } }), false],
    ['a policy variable is not a fixed value', stmt({ Condition: { StringEquals: { 'aws:SourceVpce': '${aws:PrincipalTag/vpce}' } } }), true],
    ['a Deny statement alone is not public', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }, false],
    ['a restricting key next to a non-restricting one (conditions are ANDed)', stmt({ Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }), false],
  ])('%s → public: %s', (_n, s, expected) => expect(pub(doc(s))).toBe(expected));

  it('s3:DataAccessPointArn with a wildcard makes an access point policy public', () => {
    const d = doc(stmt({ Condition: { ArnLike: { 's3:DataAccessPointArn': `arn:aws:s3:us-west-2:${ACCOUNT}:accesspoint/*` } } }));
    expect(isPolicyPublic(d, { ...owner, accessPoint: true }).public).toBe(true);
  });
});

describe('The meaning of "public" › a bucket policy limited to a VPC endpoint is not public', () => {
  it('an Allow restricted to a fixed aws:SourceVpce', () => {
    const r = isPolicyPublic(doc(stmt({ Principal: '*', Action: 's3:*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })), owner);
    expect(r.public).toBe(false);
    expect(r.reasons.join()).toContain('aws:SourceVpce');
  });
  it('the documented "deny unless from the VPC endpoint" bucket policy (no Allow at all)', () => {
    const d = doc({ Sid: 'Access-to-specific-VPCE-only', Principal: '*', Action: 's3:*', Effect: 'Deny', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } });
    expect(pub(d)).toBe(false);
  });
  it('a public Allow neutralised by a Deny for everyone outside the endpoint', () => {
    const d = doc(stmt({ Action: 's3:GetObject' }), { Sid: 'OnlyVpce', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } });
    const r = isPolicyPublic(d, owner);
    expect(r.public).toBe(false);
    expect(r.reasons.join()).toContain('OnlyVpce');
  });
  it('a Deny that covers only some of the actions does not neutralise', () => {
    const d = doc(stmt({ Action: 's3:*' }), { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } });
    expect(pub(d)).toBe(true);
  });
});

describe('The meaning of "public" › the answer names the statements', () => {
  it('returns the public statements with their index, Sid, actions and why', () => {
    const d = doc({ Sid: 'Fixed', Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:*', Resource: '*' }, { ...stmt({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), Sid: 'World' });
    const r = isPolicyPublic(d, owner);
    expect(r.public).toBe(true);
    expect(r.statements).toEqual([expect.objectContaining({ index: 1, sid: 'World', actions: ['s3:GetObject'] })]);
    expect(r.statements[0]?.why.join()).toContain('0.0.0.0/0');
  });
  it('malformed JSON is "undecided", never public: false', () => {
    const r = isPolicyPublic('{"Statement": [', owner);
    expect(r.public).toBe('undecided');
    expect(r.reasons.join()).toContain('malformed JSON');
  });
  it('an unknown operator is "undecided"', () => {
    expect(pub(doc(stmt({ Condition: { StringEqualsX: { 'aws:SourceVpce': 'v' } } })))).toBe('undecided');
  });
});

describe('Cross-account policy evaluation logic › which other accounts a resource policy lets in', () => {
  it('lists account ids and ARNs of other accounts, with actions and statement', () => {
    const d = doc(
      { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: [OTHER, `arn:aws:iam::${OTHER}:role/reader`, `arn:aws:iam::${ACCOUNT}:root`] }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:user/u' }, Action: 's3:PutObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Deny', Principal: { AWS: '222233334444' }, Action: '*', Resource: '*' },
    );
    const g = crossAccountGrants(d, owner);
    expect(g).toEqual([
      { account: OTHER, actions: ['s3:GetObject', 's3:ListBucket'], statement: { index: 0, sid: 'Partner' }, principals: [OTHER, `arn:aws:iam::${OTHER}:role/reader`], through: 'principal', conditional: false },
      { account: '999988887777', actions: ['s3:PutObject'], statement: { index: 1 }, principals: ['arn:aws:iam::999988887777:user/u'], through: 'principal', conditional: true },
    ]);
  });
  it('a Principal "*" pinned to an account by aws:PrincipalAccount', () => {
    const g = crossAccountGrants(doc(stmt({ Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER } } })), owner);
    expect(g).toEqual([expect.objectContaining({ account: OTHER, through: 'condition' })]);
  });
  it('the owner account is not cross-account', () => {
    expect(crossAccountGrants(doc(stmt({ Principal: { AWS: ACCOUNT } })), owner)).toEqual([]);
  });
});
