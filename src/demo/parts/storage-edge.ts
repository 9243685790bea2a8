import { absent, ok, type InventoryPart } from '../../inventory/index.js';
import { DEMO_ACCOUNT } from '../ids.js';

/**
 * Northwind's storage and edge: S3 buckets, CloudFront, WAF, EBS volumes and snapshots. The
 * product site (www) is done by the book: a private bucket behind CloudFront with origin access
 * control, a web ACL, TLS 1.2. The 2017 marketing site is not: an S3 website endpoint, a public
 * policy and a public ACL, plain HTTP allowed. The EU API got a new load balancer and a web ACL
 * that nobody finished. On the EBS side, the web tier has daily snapshots; the forgotten Jenkins
 * and the analytics worker do not, and an old Jenkins snapshot was made public to "share it
 * with a contractor" in 2022. (The CloudTrail buckets live in trail-monitoring-dns.ts.)
 */

const A = DEMO_ACCOUNT;
const US = 'us-east-1';
const EU = 'eu-west-1';

const OWNER_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** The canonical user CloudFront writes standard logs with (awslogsdelivery). */
const AWSLOGSDELIVERY_ID = 'c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const ELB_LOG_ACCOUNT_EU = '156460612806';
const PARTNER_ACCOUNT = '777788889999';

const s3Arn = (bucket: string, path?: string) => `arn:aws:s3:::${bucket}${path ? `/${path}` : ''}`;
const distributionArn = (id: string) => `arn:aws:cloudfront::${A}:distribution/${id}`;
const volumeArn = (region: string, id: string) => `arn:aws:ec2:${region}:${A}:volume/${id}`;
const snapshotArn = (region: string, id: string) => `arn:aws:ec2:${region}::snapshot/${id}`;
const elb = (region: string, resource: string) => `arn:aws:elasticloadbalancing:${region}:${A}:${resource}`;

// ---------------------------------------------------------------- S3

const ownerOnly = { owner: { id: OWNER_ID, displayName: 'northwind-aws' }, grants: [{ grantee: { type: 'CanonicalUser' as const, id: OWNER_ID }, permission: 'FULL_CONTROL' as const }] };
const allOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const sse = ok({ rules: [{ algorithm: 'AES256' }] });
const versioned = ok({ status: 'Enabled' as const, mfaDelete: 'Disabled' as const });
const denyInsecureTransport = (bucket: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [s3Arn(bucket), s3Arn(bucket, '*')],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const WWW = 'E1NWWWW2EXAMPLE';
const MARKETING = 'E2NWMKT7EXAMPLE';
const REPORTS = 'E3NWRPT4EXAMPLE';

/** A modern private bucket; each bucket below says how it differs. */
const privateBucket = (name: string, region: string, created: string) => ({
  name,
  arn: s3Arn(name),
  region,
  creationDate: created,
  acl: ok(ownerOnly),
  policy: absent(),
  policyStatus: absent(),
  publicAccessBlock: ok(allOn),
  ownershipControls: ok('BucketOwnerEnforced' as const),
  versioning: versioned,
  encryption: sse,
  lifecycle: absent(),
  logging: absent(),
  tags: ok({}),
});

const buckets = [
  {
    // The application's data: critical, versioned, but MFA Delete was never turned on.
    ...privateBucket('northwind-app-data', US, '2021-03-04T12:00:00.000Z'),
    policy: ok({ Version: '2012-10-17', Statement: [denyInsecureTransport('northwind-app-data')] }),
    policyStatus: ok({ isPublic: false }),
    encryption: ok({ rules: [{ algorithm: 'aws:kms', kmsKeyId: `arn:aws:kms:${US}:${A}:key/0b5e2d7a-3c1f-4e8b-9a6d-4f2c8e1b7a35`, bucketKeyEnabled: true }] }),
    logging: ok({ targetBucket: 'northwind-access-logs', targetPrefix: 'app-data/' }),
    tags: ok({ 'data-classification': 'critical', owner: 'platform' }),
  },
  {
    // The product site's assets: private, reached by CloudFront through origin access control.
    ...privateBucket('northwind-www', US, '2023-02-11T09:20:00.000Z'),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowCloudFrontOAC',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: s3Arn('northwind-www', '*'),
          Condition: { StringEquals: { 'AWS:SourceArn': distributionArn(WWW) } },
        },
        denyInsecureTransport('northwind-www'),
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    logging: ok({ targetBucket: 'northwind-access-logs', targetPrefix: 'www/' }),
    tags: ok({ 'data-classification': 'public', owner: 'web' }),
  },
  {
    // The 2017 marketing site: website hosting, public policy, public ACL, never versioned.
    ...privateBucket('northwind-marketing-site', US, '2017-05-22T16:45:00.000Z'),
    acl: ok({ owner: ownerOnly.owner, grants: [...ownerOnly.grants, { grantee: { type: 'Group' as const, uri: ALL_USERS }, permission: 'READ' as const }] }),
    policy: ok({
      Version: '2012-10-17',
      Statement: [{ Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: s3Arn('northwind-marketing-site', '*') }],
    }),
    policyStatus: ok({ isPublic: true }),
    publicAccessBlock: absent(),
    ownershipControls: ok('ObjectWriter' as const),
    versioning: absent(),
    tags: ok({ owner: 'marketing' }),
  },
  {
    // Server access logs and CloudFront standard logs. CloudFront still writes through the ACL, so ACLs stay on.
    ...privateBucket('northwind-access-logs', US, '2021-03-04T12:05:00.000Z'),
    acl: ok({ owner: ownerOnly.owner, grants: [...ownerOnly.grants, { grantee: { type: 'CanonicalUser' as const, id: AWSLOGSDELIVERY_ID }, permission: 'FULL_CONTROL' as const }] }),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'S3ServerAccessLogs',
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: s3Arn('northwind-access-logs', '*'),
          Condition: { StringEquals: { 'aws:SourceAccount': A } },
        },
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    ownershipControls: ok('BucketOwnerPreferred' as const),
    lifecycle: ok([{ id: 'logs-to-glacier', enabled: true, transitions: [{ days: 30, storageClass: 'GLACIER' }], noncurrentVersionTransitions: [], expirationDays: 400 }]),
    tags: ok({ owner: 'security' }),
  },
  {
    // Files exchanged with a logistics partner: a legacy ACL grant (ignored since 2022) and the partner's account in the policy.
    ...privateBucket('northwind-partner-exchange', US, '2019-08-01T08:00:00.000Z'),
    acl: ok({ owner: ownerOnly.owner, grants: [...ownerOnly.grants, { grantee: { type: 'Group' as const, uri: AUTHENTICATED_USERS }, permission: 'READ' as const }] }),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PartnerDropbox',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT}:root` },
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: s3Arn('northwind-partner-exchange', 'exchange/*'),
        },
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    ownershipControls: ok('ObjectWriter' as const),
    tags: ok({ owner: 'operations' }),
  },
  {
    // Customer report exports, served through a legacy origin access identity with signed URLs.
    ...privateBucket('northwind-report-exports', US, '2020-10-12T14:30:00.000Z'),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CloudFrontOAI',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E3OAINWREPORTS' },
          Action: 's3:GetObject',
          Resource: s3Arn('northwind-report-exports', '*'),
        },
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    tags: ok({ 'data-classification': 'confidential', owner: 'platform' }),
  },
  {
    // EU user uploads: the API hands out presigned URLs, and the policy caps their age at 10 minutes.
    ...privateBucket('northwind-eu-uploads', EU, '2024-04-18T10:10:00.000Z'),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PresignedUrlsExpireIn10Minutes',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: s3Arn('northwind-eu-uploads', '*'),
          Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } },
        },
        denyInsecureTransport('northwind-eu-uploads'),
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    tags: ok({ 'data-classification': 'internal', owner: 'eu-app' }),
  },
  {
    // Access logs of the EU API load balancer: the ELB log account may write, MFA Delete is on.
    ...privateBucket('northwind-eu-alb-logs', EU, '2026-10-30T07:00:00.000Z'),
    policy: ok({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ElbAccessLogs',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ELB_LOG_ACCOUNT_EU}:root` },
          Action: 's3:PutObject',
          Resource: s3Arn('northwind-eu-alb-logs', `AWSLogs/${A}/*`),
        },
      ],
    }),
    policyStatus: ok({ isPublic: false }),
    versioning: ok({ status: 'Enabled' as const, mfaDelete: 'Enabled' as const }),
    tags: ok({ owner: 'security' }),
  },
];

// ---------------------------------------------------------------- CloudFront

const behavior = (pathPattern: string, targetOriginId: string, viewerProtocolPolicy: string, extra: { trustedKeyGroups?: string[] } = {}) => ({
  pathPattern,
  targetOriginId,
  viewerProtocolPolicy,
  trustedSigners: [],
  trustedKeyGroups: extra.trustedKeyGroups ?? [],
});

const edgeAcl = `arn:aws:wafv2:${US}:${A}:global/webacl/northwind-edge/4b1e9d2c-7a3f-4c8e-b5d1-2e6f9a0c3b71`;

const distributions = [
  {
    id: WWW,
    arn: distributionArn(WWW),
    domainName: 'd1x01i8qki85oj.cloudfront.net',
    aliases: ['www.northwind.example', 'northwind.example'],
    enabled: true,
    webAclId: edgeAcl,
    viewerCertificate: {
      cloudFrontDefaultCertificate: false,
      acmCertificateArn: `arn:aws:acm:${US}:${A}:certificate/7e3a9c1d-5b2f-4d8e-a6c4-1f9b3e7d2a50`,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1.2_2021',
    },
    origins: [
      { id: 'www-assets', domainName: 'northwind-www.s3.us-east-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: '', originAccessControlId: 'E1OACNWWWEXAMP' },
      {
        id: 'web-alb',
        domainName: 'northwind-web-1183746522.us-east-1.elb.amazonaws.com',
        custom: { originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] },
      },
    ],
    defaultCacheBehavior: behavior('*', 'www-assets', 'redirect-to-https'),
    cacheBehaviors: [behavior('/app/*', 'web-alb', 'https-only')],
    logging: { enabled: true, bucket: 'northwind-access-logs.s3.amazonaws.com', prefix: 'cloudfront/www/' },
    tags: { owner: 'web' },
  },
  {
    id: MARKETING,
    arn: distributionArn(MARKETING),
    domainName: 'd3k7x2mq9a1bzt.cloudfront.net',
    aliases: ['go.northwind.example'],
    enabled: true,
    viewerCertificate: {
      cloudFrontDefaultCertificate: false,
      acmCertificateArn: `arn:aws:acm:${US}:${A}:certificate/1c8f4a2e-9d3b-4e7a-b2c5-6a0d8f3e1b94`,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1_2016',
    },
    origins: [
      {
        id: 'marketing-website',
        domainName: 'northwind-marketing-site.s3-website-us-east-1.amazonaws.com',
        custom: { originProtocolPolicy: 'http-only', originSslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] },
      },
    ],
    defaultCacheBehavior: behavior('*', 'marketing-website', 'allow-all'),
    cacheBehaviors: [],
    tags: { owner: 'marketing' },
  },
  {
    id: REPORTS,
    arn: distributionArn(REPORTS),
    domainName: 'd2r9wq4hx7c3lp.cloudfront.net',
    aliases: [],
    enabled: true,
    webAclId: edgeAcl,
    viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' },
    origins: [
      {
        id: 'report-exports',
        domainName: 'northwind-report-exports.s3.amazonaws.com',
        hasS3OriginConfig: true,
        s3OriginAccessIdentity: 'origin-access-identity/cloudfront/E3OAINWREPORTS',
      },
    ],
    defaultCacheBehavior: behavior('*', 'report-exports', 'https-only', { trustedKeyGroups: ['7b2d4f9e-reports-signing'] }),
    cacheBehaviors: [],
    tags: { owner: 'platform' },
  },
];

// ---------------------------------------------------------------- WAF

const managed = (name: string, priority: number) => ({ name: `AWS-${name}`, priority, kind: 'managed' });

const edgeWebAcl = {
  arn: edgeAcl,
  id: '4b1e9d2c-7a3f-4c8e-b5d1-2e6f9a0c3b71',
  name: 'northwind-edge',
  scope: 'CLOUDFRONT' as const,
  defaultAction: 'allow' as const,
  rules: [managed('AWSManagedRulesCommonRuleSet', 0), managed('AWSManagedRulesKnownBadInputsRuleSet', 1), { name: 'rate-limit-2000', priority: 2, kind: 'rate-based' }],
  logging: ok({ destinations: [`arn:aws:firehose:${US}:${A}:deliverystream/aws-waf-logs-northwind-edge`] }),
  associatedResources: absent(),
};

const WEB_ALB = elb(US, 'loadbalancer/app/northwind-web/3c1f8e2a9b7d4e05');
const API_EU_ALB = elb(EU, 'loadbalancer/app/northwind-api-eu/5d2e8b1f7c4a9e06');

const webAcl = {
  arn: `arn:aws:wafv2:${US}:${A}:regional/webacl/northwind-web/9a3c5e7b-1d2f-4a6b-8c0e-3f5a7b9d1c24`,
  id: '9a3c5e7b-1d2f-4a6b-8c0e-3f5a7b9d1c24',
  name: 'northwind-web',
  scope: 'REGIONAL' as const,
  defaultAction: 'allow' as const,
  rules: [managed('AWSManagedRulesCommonRuleSet', 0), managed('AWSManagedRulesAmazonIpReputationList', 1), managed('AWSManagedRulesSQLiRuleSet', 2)],
  logging: absent(),
  associatedResources: ok([WEB_ALB]),
};

// Created for the EU API in October and never finished: no rules, no logging, attached to nothing.
const apiEuWebAcl = {
  arn: `arn:aws:wafv2:${EU}:${A}:regional/webacl/northwind-api-eu/2e4a6c8d-0f1b-4d3e-9a5c-7b9d1f3a5c86`,
  id: '2e4a6c8d-0f1b-4d3e-9a5c-7b9d1f3a5c86',
  name: 'northwind-api-eu',
  scope: 'REGIONAL' as const,
  defaultAction: 'allow' as const,
  rules: [],
  logging: absent(),
  associatedResources: ok([]),
};

// The EU REST API's load balancer (Lambda targets), new in October. The NLB and the rest of the network live in compute-network.ts.
const API_EU_ALB_SG = 'sg-0be7b9d1f3a5c6e17';
const apiEuAlb = {
  arn: API_EU_ALB,
  name: 'northwind-api-eu',
  type: 'application' as const,
  scheme: 'internet-facing',
  dnsName: 'northwind-api-eu-1234567890.eu-west-1.elb.amazonaws.com',
  vpcId: 'vpc-06b2e8d4f1a97c503',
  securityGroupIds: [API_EU_ALB_SG],
  listeners: ok([
    {
      arn: elb(EU, 'listener/app/northwind-api-eu/5d2e8b1f7c4a9e06/3b7e1c9a5d2f8e40'),
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArns: [`arn:aws:acm:${EU}:${A}:certificate/9f2c6e1a-4b8d-4a3e-b7c5-0d1e3f5a7b92`],
      defaultActions: [{ type: 'forward', targetGroupArn: elb(EU, 'targetgroup/northwind-api-eu-fn/6c4a2e8f0b1d3c59') }],
    },
    {
      arn: elb(EU, 'listener/app/northwind-api-eu/5d2e8b1f7c4a9e06/8d2f4b6a0c1e3f71'),
      port: 80,
      protocol: 'HTTP',
      defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
      rules: ok([]),
    },
  ]),
  attributes: ok({
    'access_logs.s3.enabled': 'true',
    'access_logs.s3.bucket': 'northwind-eu-alb-logs',
    'routing.http.drop_invalid_header_fields.enabled': 'true',
    'deletion_protection.enabled': 'true',
  }),
  tags: { workload: 'northwind-app' },
};
const apiEuAlbSg = {
  id: API_EU_ALB_SG,
  arn: `arn:aws:ec2:${EU}:${A}:security-group/${API_EU_ALB_SG}`,
  name: 'northwind-api-eu-alb',
  description: 'EU API load balancer: HTTPS from the internet, HTTP for the redirect',
  vpcId: 'vpc-06b2e8d4f1a97c503',
  ownerId: A,
  ingress: [
    { protocol: 'tcp', fromPort: 443, toPort: 443, source: { kind: 'cidr4' as const, value: '0.0.0.0/0' }, description: 'HTTPS from anywhere' },
    { protocol: 'tcp', fromPort: 80, toPort: 80, source: { kind: 'cidr4' as const, value: '0.0.0.0/0' }, description: 'HTTP, redirected to HTTPS' },
  ],
  egress: [{ protocol: '-1', source: { kind: 'cidr4' as const, value: '0.0.0.0/0' } }],
  tags: { workload: 'northwind-app' },
};
const apiEuAlbEni = {
  id: 'eni-0b1c2d3e4f5a60204',
  vpcId: 'vpc-06b2e8d4f1a97c503',
  securityGroupIds: [API_EU_ALB_SG],
  interfaceType: 'interface',
  description: 'ELB app/northwind-api-eu/5d2e8b1f7c4a9e06',
  status: 'in-use',
  requesterManaged: true,
};

// ---------------------------------------------------------------- EBS

const volume = (region: string, id: string, name: string, o: { encrypted: boolean; instance?: string; size: number; created: string; kms?: string }) => ({
  id,
  arn: volumeArn(region, id),
  encrypted: o.encrypted,
  ...(o.kms ? { kmsKeyId: o.kms } : {}),
  state: o.instance ? 'in-use' : 'available',
  sizeGiB: o.size,
  attachedInstanceIds: o.instance ? [o.instance] : [],
  createTime: o.created,
  tags: { Name: name },
});

const snapshot = (region: string, id: string, volumeId: string, started: string, o: { encrypted?: boolean; public?: boolean; sharedWith?: string[]; name?: string } = {}) => ({
  id,
  arn: snapshotArn(region, id),
  volumeId,
  encrypted: o.encrypted ?? true,
  startTime: started,
  state: 'completed',
  ownerId: A,
  createVolumePermission: ok({ public: o.public ?? false, accounts: o.sharedWith ?? [] }),
  tags: (o.name ? { Name: o.name } : {}) as Record<string, string>,
});

const EBS_KEY_US = `arn:aws:kms:${US}:${A}:key/3d9b7f1e-5a2c-4e8d-b6f0-8c1a3e5d7b92`;
const VOL = {
  web1: 'vol-0a1e3c5b7d9f20111',
  web2: 'vol-0b2f4d6c8e0a31222',
  etl: 'vol-0c3a5e7d9f1b42333',
  bastion: 'vol-0d4b6f8e0a2c53444',
  jenkins: 'vol-0e5c7a9f1b3d64555',
  apiEu: 'vol-0f6d8b0a2c4e75666',
};

const usVolumes = [
  volume(US, VOL.web1, 'web-1 root', { encrypted: true, instance: 'i-0d1e5a7c3b9f24e11', size: 30, created: '2026-10-29T08:14:00.000Z', kms: EBS_KEY_US }),
  volume(US, VOL.web2, 'web-2 root', { encrypted: true, instance: 'i-0a7b3c9d5e1f64e12', size: 30, created: '2026-10-29T08:16:00.000Z', kms: EBS_KEY_US }),
  // Created before encryption by default was turned on in us-east-1 (June 2025).
  volume(US, VOL.etl, 'etl-worker data', { encrypted: false, instance: 'i-04c8e2a6b0d97f313', size: 500, created: '2025-03-02T15:41:00.000Z' }),
  volume(US, VOL.bastion, 'bastion root', { encrypted: true, instance: 'i-0b5f1d9e3a7c26414', size: 8, created: '2026-06-12T10:05:00.000Z', kms: EBS_KEY_US }),
  volume(US, VOL.jenkins, 'old-jenkins root', { encrypted: false, instance: 'i-07e3a1c5f9b2d8415', size: 100, created: '2021-09-20T11:30:00.000Z' }),
];

const usSnapshots = [
  // Data Lifecycle Manager, daily at 03:00.
  snapshot(US, 'snap-0a1b2c3d4e5f60111', VOL.web1, '2026-11-20T03:00:12.000Z', { name: 'dlm-daily web-1' }),
  snapshot(US, 'snap-0a1b2c3d4e5f60112', VOL.web2, '2026-11-20T03:00:15.000Z', { name: 'dlm-daily web-2' }),
  snapshot(US, 'snap-0a1b2c3d4e5f60113', VOL.bastion, '2026-11-19T03:00:09.000Z', { name: 'dlm-daily bastion' }),
  // Made public in 2022 to share a Jenkins home with a contractor.
  snapshot(US, 'snap-0e5c7a9f1b3d64001', VOL.jenkins, '2022-04-08T16:20:00.000Z', { encrypted: false, public: true, name: 'jenkins-home-for-contractor' }),
];

const euVolumes = [volume(EU, VOL.apiEu, 'api-eu-1 root', { encrypted: true, instance: 'i-02f6b8d0a4c1e9e21', size: 30, created: '2026-10-30T07:45:00.000Z', kms: `arn:aws:kms:${EU}:${A}:key/8a2c4e6f-0b1d-4f3a-9c5e-7d9f1b3a5c68` })];

const euSnapshots = [
  // AWS Backup, copied to the disaster-recovery account.
  snapshot(EU, 'snap-0f6d8b0a2c4e75001', VOL.apiEu, '2026-11-18T01:30:00.000Z', { sharedWith: ['210987654399'], name: 'backup api-eu-1' }),
];

export const storageParts: InventoryPart[] = [
  {
    s3: {
      // Turned on in 2022, except the two settings that would have broken the marketing site.
      accountPublicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false }),
      buckets: ok(buckets),
    },
    cloudfront: { distributions: ok(distributions) },
    wafGlobal: { webAcls: ok([edgeWebAcl]) },
    regions: {
      [US]: {
        ec2: { volumes: ok(usVolumes), snapshots: ok(usSnapshots), ebsEncryptionByDefault: ok({ enabled: true, kmsKeyId: EBS_KEY_US }) },
        wafv2: { webAcls: ok([webAcl]) },
      },
      [EU]: {
        ec2: {
          volumes: ok(euVolumes),
          snapshots: ok(euSnapshots),
          ebsEncryptionByDefault: ok({ enabled: false }),
          securityGroups: ok([apiEuAlbSg]),
          networkInterfaces: ok([apiEuAlbEni]),
        },
        elb: { v2: ok([apiEuAlb]) },
        wafv2: { webAcls: ok([apiEuWebAcl]) },
      },
    },
  },
];
