import { awsError } from '../aws-errors.js';
import { pastDate, str, type FakeRequest, type HandlerContext, type HandlerTable } from './types.js';

const OWNER = { ID: '8f0c1bd0d1f0c2e1a0e5b9e8f7c6d5e4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8', DisplayName: 'northwind-security' };

/** The bucket a request names, read against its own region as S3 requires (else a 301). */
function bucketOf(req: FakeRequest, ctx: HandlerContext): number {
  const name = str(req.input.Bucket) ?? '';
  const i = ctx.account.bucketIndex(name);
  if (i === undefined) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  const home = ctx.account.bucketRegion(i);
  if (home !== req.region) throw awsError('PermanentRedirect', `The bucket is in ${home}; it was asked in ${req.region}`, 301);
  return i;
}

/** Whether bucket i has a configuration of this kind (each kind with its own share of buckets). */
const has = (ctx: HandlerContext, kind: string, i: number, share: number) => ctx.account.roll('s3', kind, i) < share;

export const s3Handlers: HandlerTable = {
  'S3Client:ListBuckets': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.bucketCount(), req.input.ContinuationToken, req.input.MaxBuckets);
    const buckets = [];
    for (let i = p.start; i < p.end; i++) {
      buckets.push({ Name: a.bucketName(i), CreationDate: pastDate(a, 'bucket', i), BucketRegion: a.bucketRegion(i) });
    }
    return { Buckets: buckets, Owner: OWNER, ...(p.next ? { ContinuationToken: p.next } : {}) };
  },
  'S3Client:GetBucketLocation': (req, ctx) => {
    const i = ctx.account.bucketIndex(str(req.input.Bucket) ?? '');
    if (i === undefined) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    const region = ctx.account.bucketRegion(i);
    return region === 'us-east-1' ? {} : { LocationConstraint: region };
  },
  'S3Client:GetBucketAcl': (req, ctx) => {
    const i = bucketOf(req, ctx);
    const grants: Array<Record<string, unknown>> = [{ Grantee: { Type: 'CanonicalUser', ID: OWNER.ID, DisplayName: OWNER.DisplayName }, Permission: 'FULL_CONTROL' }];
    if (has(ctx, 'public-acl', i, 0.01)) grants.push({ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' });
    if (has(ctx, 'log-acl', i, 0.05)) grants.push({ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' });
    return { Owner: OWNER, Grants: grants };
  },
  'S3Client:GetBucketPolicy': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'policy', i, 0.7)) throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    const name = ctx.account.bucketName(i);
    const statements: Array<Record<string, unknown>> = [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ];
    if (has(ctx, 'public-policy', i, 0.02)) statements.push({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` });
    return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
  },
  'S3Client:GetBucketPolicyStatus': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'policy', i, 0.7)) throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    return { PolicyStatus: { IsPublic: has(ctx, 'public-policy', i, 0.02) } };
  },
  'S3Client:GetPublicAccessBlock': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'pab', i, 0.85)) throw awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    const all = !has(ctx, 'public-policy', i, 0.02);
    return { PublicAccessBlockConfiguration: { BlockPublicAcls: all, IgnorePublicAcls: all, BlockPublicPolicy: all, RestrictPublicBuckets: all } };
  },
  'S3Client:GetBucketOwnershipControls': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'ownership', i, 0.9)) throw awsError('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404);
    return { OwnershipControls: { Rules: [{ ObjectOwnership: has(ctx, 'enforced', i, 0.8) ? 'BucketOwnerEnforced' : 'BucketOwnerPreferred' }] } };
  },
  'S3Client:GetBucketVersioning': (req, ctx) => {
    const i = bucketOf(req, ctx);
    return has(ctx, 'versioning', i, 0.6) ? { Status: 'Enabled', ...(has(ctx, 'mfa', i, 0.02) ? { MFADelete: 'Enabled' } : { MFADelete: 'Disabled' }) } : {};
  },
  'S3Client:GetBucketEncryption': (req, ctx) => {
    const i = bucketOf(req, ctx);
    const kms = has(ctx, 'kms', i, 0.3);
    return {
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: kms
              ? { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:${req.region}:${ctx.account.id}:key/${ctx.account.rid('key', req.region, i % 10)}` }
              : { SSEAlgorithm: 'AES256' },
            BucketKeyEnabled: kms,
          },
        ],
      },
    };
  },
  'S3Client:GetBucketLifecycleConfiguration': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'lifecycle', i, 0.5)) throw awsError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404);
    return {
      Rules: [
        { ID: 'archive', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER' }], Expiration: { Days: 730 } },
        { ID: 'noncurrent', Status: 'Enabled', Filter: {}, NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'STANDARD_IA' }] },
      ],
    };
  },
  'S3Client:GetBucketLogging': (req, ctx) => {
    const i = bucketOf(req, ctx);
    return has(ctx, 'logging', i, 0.3) ? { LoggingEnabled: { TargetBucket: ctx.account.bucketName(0), TargetPrefix: `s3/${ctx.account.bucketName(i)}/` } } : {};
  },
  'S3Client:GetBucketTagging': (req, ctx) => {
    const i = bucketOf(req, ctx);
    if (!has(ctx, 'tags', i, 0.6)) throw awsError('NoSuchTagSet', 'The TagSet does not exist', 404);
    return { TagSet: [{ Key: 'team', Value: `team-${i % 12}` }, { Key: 'data-class', Value: i % 5 === 0 ? 'confidential' : 'internal' }] };
  },
  'S3ControlClient:GetPublicAccessBlock': (req, ctx) => {
    if (str(req.input.AccountId) !== ctx.account.id) throw awsError('AccessDenied', 'Access Denied', 403);
    return { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false } };
  },
};
