import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './cloudfront-oai.js';
import { s3OriginKind } from './s3-origins.js';
import { ALL_OFF, ALL_ON, bucket, publicGrant, s3 } from './__tests__/fixtures.js';
import { arnOf, distribution, distributions, type DistributionInput, type OriginInput } from '../cloudfront/__tests__/fixtures.js';

const A = arnOf('E1');
const behavior = { pathPattern: '*', targetOriginId: 'assets', viewerProtocolPolicy: 'redirect-to-https' };
const withOrigin = (origin: Omit<OriginInput, 'id'>, over: Partial<DistributionInput> = {}) =>
  distributions(distribution('E1', { origins: [{ id: 'assets', ...origin }], defaultCacheBehavior: behavior, ...over }));
const oac = { domainName: 'assets.s3.eu-west-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: '', originAccessControlId: 'E2QWRUHEXAMPLE' };
const publicRead = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::assets/*' }] };

testCheck(check, {
  pass: [
    {
      name: 'OAC to a private bucket; custom origins are not judged',
      inventory: [
        distributions(
          distribution('E1', {
            origins: [{ id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'https-only' } }, { id: 'assets', ...oac }],
            cacheBehaviors: [{ ...behavior, pathPattern: '/assets/*' }],
          }),
        ),
        s3([bucket('assets')], ALL_ON),
      ],
      findings: [{ status: 'pass', resourceId: A, detail: 'origin:assets', message: 'Distribution E1 reaches bucket assets (origin assets) through origin access control E2QWRUHEXAMPLE, and the bucket is not public.' }],
    },
    {
      name: 'a legacy OAI on the global endpoint, with trusted key groups for private content',
      inventory: [
        withOrigin(
          { domainName: 'assets.s3.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: 'origin-access-identity/cloudfront/E74FTE3EXAMPLE' },
          { defaultCacheBehavior: { ...behavior, trustedKeyGroups: ['kg-2a5b1c3d'] } },
        ),
        s3([bucket('assets')], ALL_ON),
      ],
      findings: [
        {
          status: 'pass',
          resourceId: A,
          detail: 'origin:assets',
          message:
            'Distribution E1 reaches bucket assets (origin assets) through origin access identity E74FTE3EXAMPLE (legacy: origin access control is its successor), and the bucket is not public. Viewers need signed URLs or cookies (trusted key groups: kg-2a5b1c3d).',
        },
      ],
    },
    {
      name: "a public policy neutralised by RestrictPublicBuckets does not make the bucket public",
      inventory: [withOrigin(oac), s3([bucket('assets', { policy: ok(publicRead), publicAccessBlock: ok(ALL_OFF) })], { ...ALL_OFF, restrictPublicBuckets: true })],
      findings: [{ status: 'pass', resourceId: A, detail: 'origin:assets', message: 'Distribution E1 reaches bucket assets (origin assets) through origin access control E2QWRUHEXAMPLE, and the bucket is not public.' }],
    },
  ],
  fail: [
    {
      name: 'OAC, but the bucket policy is public',
      inventory: [withOrigin(oac), s3([bucket('assets', { policy: ok(publicRead), publicAccessBlock: ok(ALL_OFF) })], ALL_OFF)],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:assets',
          message: 'Distribution E1 reaches bucket assets (origin assets) through origin access control E2QWRUHEXAMPLE, but the bucket is public through its bucket policy: viewers can bypass CloudFront.',
        },
      ],
    },
    {
      name: 'OAI, but a public ACL (legacy dash endpoint)',
      inventory: [
        withOrigin({ domainName: 'assets.s3-eu-west-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: 'origin-access-identity/cloudfront/E74FTE3EXAMPLE' }),
        s3([bucket('assets', { ownershipControls: ok('ObjectWriter'), publicAccessBlock: ok(ALL_OFF), acl: ok({ grants: [publicGrant('READ')] }) })], ALL_OFF),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:assets',
          message:
            'Distribution E1 reaches bucket assets (origin assets) through origin access identity E74FTE3EXAMPLE (legacy: origin access control is its successor), but the bucket is public through its ACL: viewers can bypass CloudFront.',
        },
      ],
    },
    {
      name: 'no OAI or OAC, with legacy trusted signers',
      inventory: [
        withOrigin({ domainName: 'assets.s3.us-east-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: '' }, { defaultCacheBehavior: { ...behavior, trustedSigners: ['self'] } }),
        s3([bucket('assets')], ALL_ON),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:assets',
          message:
            'Distribution E1 reaches bucket assets (origin assets, assets.s3.us-east-1.amazonaws.com) without origin access control or identity: the bucket must be public for CloudFront to read it. Viewers need signed URLs or cookies (trusted signers: self; trusted key groups are their successor).',
        },
      ],
    },
    {
      name: 'a website endpoint origin (dotted bucket name)',
      inventory: [withOrigin({ domainName: 'www.example.com.s3-website.eu-west-1.amazonaws.com', custom: { originProtocolPolicy: 'http-only' } }), s3([], ALL_ON)],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:assets',
          message:
            'Distribution E1 serves origin assets from the S3 website endpoint of bucket www.example.com (www.example.com.s3-website.eu-west-1.amazonaws.com), which cannot use origin access control or identity: the bucket must be public. Use the REST endpoint with origin access control.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: "another account's bucket",
      inventory: [withOrigin(oac), s3([], ALL_ON)],
      findings: [
        {
          status: 'unknown',
          resourceId: A,
          detail: 'origin:assets',
          message:
            "Distribution E1 reaches bucket assets (origin assets) through origin access control E2QWRUHEXAMPLE; the bucket is not among this account's buckets (another account's, or deleted), so whether it is public was not checked.",
        },
      ],
    },
    {
      name: "the bucket's policy could not be read",
      inventory: [withOrigin(oac), s3([bucket('assets', { policy: failed('s3:GetBucketPolicy', 'AccessDenied'), publicAccessBlock: ok(ALL_OFF) })], ALL_OFF)],
      findings: [{ status: 'unknown', resourceId: A, detail: 'origin:assets', message: 'Could not read the bucket policy of assets: s3:GetBucketPolicy failed: AccessDenied.' }],
    },
    {
      name: "a bucket with ACLs enabled whose ACL could not be read",
      inventory: [
        withOrigin(oac),
        s3([bucket('assets', { ownershipControls: ok('ObjectWriter'), publicAccessBlock: ok(ALL_OFF), acl: failed('s3:GetBucketAcl', 'AccessDenied') })], ALL_OFF),
      ],
      findings: [{ status: 'unknown', resourceId: A, detail: 'origin:assets', message: 'Could not read the ACL of bucket assets: s3:GetBucketAcl failed: AccessDenied.' }],
    },
    {
      name: 'a public policy where RestrictPublicBuckets could not be read',
      inventory: [
        withOrigin(oac),
        { s3: { accountPublicAccessBlock: failed('s3:GetAccountPublicAccessBlock', 'AccessDenied'), buckets: ok([bucket('assets', { policy: ok(publicRead), publicAccessBlock: ok(ALL_OFF) })]) } },
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: A,
          detail: 'origin:assets',
          message: 'Could not read whether RestrictPublicBuckets covers bucket assets: s3:GetAccountPublicAccessBlock failed: AccessDenied.',
        },
      ],
    },
    {
      name: 'an S3OriginConfig on a domain that names no bucket',
      inventory: [withOrigin({ domainName: 'assets-ap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com', hasS3OriginConfig: true, originAccessControlId: 'E2QWRUHEXAMPLE' }), s3([], ALL_ON)],
      findings: [
        {
          status: 'unknown',
          resourceId: A,
          detail: 'origin:assets',
          message:
            'Distribution E1 reaches an S3 origin assets (assets-ap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com) through origin access control E2QWRUHEXAMPLE; no bucket name can be read from that domain, so whether the bucket is public was not checked.',
        },
      ],
    },
  ],
});

describe('S3 origin domains', () => {
  it.each([
    ['logs.s3.amazonaws.com', 'rest', 'logs'],
    ['my.dotted.bucket.s3.eu-west-1.amazonaws.com', 'rest', 'my.dotted.bucket'],
    ['b.s3.dualstack.us-east-2.amazonaws.com', 'rest', 'b'],
    ['b.s3-us-west-2.amazonaws.com', 'rest', 'b'],
    ['b.s3.cn-north-1.amazonaws.com.cn', 'rest', 'b'],
    ['b.s3-website-us-east-1.amazonaws.com', 'website', 'b'],
    ['b.s3-website.eu-central-1.amazonaws.com', 'website', 'b'],
  ])('%s is an S3 %s origin of bucket %s', (domainName, kind, bucketName) => {
    expect(s3OriginKind({ id: 'o', domainName, hasS3OriginConfig: false })).toEqual({ kind, bucket: bucketName });
  });

  it('a custom domain is no S3 origin unless it has an S3OriginConfig', () => {
    expect(s3OriginKind({ id: 'o', domainName: 'cdn-origin.example.com', hasS3OriginConfig: false })).toEqual({ kind: 'other' });
    expect(s3OriginKind({ id: 'o', domainName: 'ap-123.s3-accesspoint.eu-west-1.amazonaws.com', hasS3OriginConfig: false })).toEqual({ kind: 'other' });
  });
});
