import { absent, ok, type InventoryPart } from '../../inventory/index.js';
import { DEMO_ACCOUNT } from '../ids.js';

/**
 * CloudTrail, its log buckets and topics, CloudWatch alarms and Route 53 for Northwind. The main
 * trail is done by the book; the EU trail an engineer set up from a copied template in 2019 is
 * not: its bucket policy names another account, so it stopped delivering, and nobody noticed.
 */

const A = DEMO_ACCOUNT;
const MAIN_TRAIL = `arn:aws:cloudtrail:us-east-1:${A}:trail/northwind-main`;
const EU_TRAIL = `arn:aws:cloudtrail:eu-west-1:${A}:trail/eu-app-audit`;
const MAIN_BUCKET = 'northwind-cloudtrail-logs';
const EU_BUCKET = 'northwind-eu-audit-logs';
const TRAIL_KEY = `arn:aws:kms:us-east-1:${A}:key/6f1d2c3b-8a4e-4c1f-9d3a-2b7e5c0a9f14`;
const topic = (region: string, name: string) => `arn:aws:sns:${region}:${A}:${name}`;
const iam = (r: string) => `arn:aws:iam::${A}:${r}`;

const mainTrail = {
  arn: MAIN_TRAIL,
  name: 'northwind-main',
  homeRegion: 'us-east-1',
  isMultiRegion: true,
  isOrganizationTrail: false,
  includeGlobalServiceEvents: true,
  s3BucketName: MAIN_BUCKET,
  snsTopicArn: topic('us-east-1', 'cloudtrail-delivery'),
  kmsKeyId: TRAIL_KEY,
  logFileValidationEnabled: true,
  status: ok({ isLogging: true, latestDeliveryTime: '2026-11-20T09:21:44.000Z' }),
  eventSelectors: ok({ classic: [{ readWriteType: 'All' as const, includeManagementEvents: true, excludeManagementEventSources: [] }], advanced: [] }),
};

const euTrail = {
  arn: EU_TRAIL,
  name: 'eu-app-audit',
  homeRegion: 'eu-west-1',
  isMultiRegion: false,
  isOrganizationTrail: false,
  includeGlobalServiceEvents: false,
  s3BucketName: EU_BUCKET,
  snsTopicArn: topic('eu-west-1', 'eu-audit-delivery'),
  logFileValidationEnabled: false,
  status: ok({ isLogging: false, latestDeliveryError: 'AccessDenied', latestDeliveryTime: '2025-03-02T17:05:10.000Z' }),
  eventSelectors: ok({
    classic: [],
    advanced: [{ name: 'Write management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['false'] }] }],
  }),
};

const ownerAcl = ok({
  owner: { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9', displayName: 'northwind-aws' },
  grants: [{ grantee: { type: 'CanonicalUser' as const, id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9' }, permission: 'FULL_CONTROL' as const }],
});
const allBlocked = ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
const cloudtrailAclCheck = (bucket: string, trail?: string) => ({
  Sid: 'AWSCloudTrailAclCheck',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 's3:GetBucketAcl',
  Resource: `arn:aws:s3:::${bucket}`,
  ...(trail ? { Condition: { StringEquals: { 'aws:SourceArn': trail } } } : {}),
});

const mainBucket = {
  name: MAIN_BUCKET,
  arn: `arn:aws:s3:::${MAIN_BUCKET}`,
  region: 'us-east-1',
  creationDate: '2021-03-02T10:30:00.000Z',
  acl: ownerAcl,
  policy: ok({
    Version: '2012-10-17',
    Statement: [
      cloudtrailAclCheck(MAIN_BUCKET, MAIN_TRAIL),
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${MAIN_BUCKET}/AWSLogs/${A}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': MAIN_TRAIL } },
      },
      {
        Sid: 'OnlyBreakGlassDeletes',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket', 's3:PutLifecycleConfiguration', 's3:PutBucketPolicy'],
        Resource: [`arn:aws:s3:::${MAIN_BUCKET}`, `arn:aws:s3:::${MAIN_BUCKET}/*`],
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': [iam('user/alice'), iam('role/OrganizationAccountAccessRole')] } },
      },
    ],
  }),
  policyStatus: ok({ isPublic: false }),
  publicAccessBlock: allBlocked,
  ownershipControls: ok('BucketOwnerEnforced' as const),
  // S3 refuses MFA Delete on a bucket with a lifecycle configuration: this bucket archives to
  // Glacier, so it cannot also have MFA Delete (the EU bucket shows the opposite trade-off).
  versioning: ok({ status: 'Enabled' as const, mfaDelete: 'Disabled' as const }),
  encryption: ok({ rules: [{ algorithm: 'aws:kms', kmsKeyId: TRAIL_KEY, bucketKeyEnabled: true }] }),
  lifecycle: ok([{ id: 'archive-trail-logs', enabled: true, prefix: 'AWSLogs/', transitions: [{ days: 90, storageClass: 'GLACIER' }], noncurrentVersionTransitions: [], expirationDays: 2555 }]),
  logging: absent(),
  tags: ok({ 'data-classification': 'critical', owner: 'security' }),
};

const euBucket = {
  name: EU_BUCKET,
  arn: `arn:aws:s3:::${EU_BUCKET}`,
  region: 'eu-west-1',
  creationDate: '2019-05-14T08:12:00.000Z',
  acl: ownerAcl,
  policy: ok({
    Version: '2012-10-17',
    Statement: [
      cloudtrailAclCheck(EU_BUCKET),
      {
        // Copied from the vendor's template: the account id is theirs, not Northwind's.
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${EU_BUCKET}/AWSLogs/123456789012/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
      {
        Sid: 'ExternalAuditorRead',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: ['s3:GetObject', 's3:ListBucket', 's3:DeleteObject'],
        Resource: [`arn:aws:s3:::${EU_BUCKET}`, `arn:aws:s3:::${EU_BUCKET}/*`],
      },
    ],
  }),
  policyStatus: ok({ isPublic: false }),
  publicAccessBlock: allBlocked,
  ownershipControls: ok('ObjectWriter' as const),
  versioning: ok({ status: 'Enabled' as const, mfaDelete: 'Enabled' as const }),
  encryption: ok({ rules: [{ algorithm: 'AES256', bucketKeyEnabled: false }] }),
  lifecycle: absent(),
  logging: absent(),
  tags: ok({ team: 'eu-app' }),
};

const billingAlarm = (name: string, threshold: number, actionsEnabled: boolean) => ({
  arn: `arn:aws:cloudwatch:us-east-1:${A}:alarm:${name}`,
  name,
  namespace: 'AWS/Billing',
  metricName: 'EstimatedCharges',
  dimensions: [{ name: 'Currency', value: 'USD' }],
  statistic: 'Maximum',
  threshold,
  comparisonOperator: 'GreaterThanThreshold',
  actionsEnabled,
  alarmActions: [topic('us-east-1', 'billing-alerts')],
  stateValue: 'OK',
});

/** Connection-count alarms for the databases of compute-network.ts (by their identifiers). */
const connectionsAlarm = (region: string, name: string, dimension: 'DBInstanceIdentifier' | 'DBClusterIdentifier', id: string, threshold: number, actions: string[]) => ({
  arn: `arn:aws:cloudwatch:${region}:${A}:alarm:${name}`,
  name,
  namespace: 'AWS/RDS',
  metricName: 'DatabaseConnections',
  dimensions: [{ name: dimension, value: id }],
  statistic: 'Maximum',
  threshold,
  comparisonOperator: 'GreaterThanThreshold',
  actionsEnabled: true,
  alarmActions: actions,
  stateValue: 'OK',
});

const rr = (name: string, type: string, values: string[], ttl = 300) => ({ name, type, ttl, values });
const zoneArn = (id: string) => `arn:aws:route53:::hostedzone/${id}`;
const soaNs = (apex: string, n: number) => [
  rr(apex, 'SOA', [`ns-${n}.awsdns-0${n}.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`], 900),
  rr(apex, 'NS', [`ns-${n}.awsdns-0${n}.com.`, `ns-${n + 1000}.awsdns-1${n}.org.`], 172800),
];

export const trailParts: InventoryPart[] = [
  {
    s3: { buckets: ok([mainBucket, euBucket]) },
    route53: {
      hostedZones: ok([
        {
          id: 'Z04NWMAIN00001',
          arn: zoneArn('Z04NWMAIN00001'),
          name: 'northwind.example.',
          private: false,
          records: ok([
            ...soaNs('northwind.example.', 412),
            rr('northwind.example.', 'MX', ['10 inbound-smtp.us-east-1.amazonaws.com.']),
            rr('northwind.example.', 'TXT', ['"v=spf1 include:_spf.northwind.example -all"', '"google-site-verification=q8Zl2mX0Tt7kqS3vA1nH"']),
            rr('_spf.northwind.example.', 'TXT', ['"v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.25 ip6:2001:db8:4e57::/48 -all"']),
            rr('_dmarc.northwind.example.', 'TXT', ['"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@northwind.example"']),
            rr('www.northwind.example.', 'CNAME', ['d1x01i8qki85oj.cloudfront.net.']),
            rr('status.northwind.example.', 'NS', ['ns-1501.awsdns-59.org.', 'ns-77.awsdns-09.com.'], 172800),
          ]),
        },
        {
          id: 'Z07NWSTATUS002',
          arn: zoneArn('Z07NWSTATUS002'),
          name: 'status.northwind.example.',
          private: false,
          records: ok([
            ...soaNs('status.northwind.example.', 77),
            // Sends and receives no mail: a null MX and a closed SPF record.
            rr('status.northwind.example.', 'MX', ['0 .']),
            rr('status.northwind.example.', 'TXT', ['"v=spf1 -all"']),
            rr('status.northwind.example.', 'A', ['203.0.113.80']),
          ]),
        },
        {
          id: 'Z09NWAPP000003',
          arn: zoneArn('Z09NWAPP000003'),
          name: 'northwind-app.example.',
          private: false,
          records: ok([
            ...soaNs('northwind-app.example.', 903),
            rr('northwind-app.example.', 'TXT', ['"v=spf1 include:_spf.northwind.example ?all"']),
            rr('api.northwind-app.example.', 'CNAME', ['northwind-api-eu-1234567890.eu-west-1.elb.amazonaws.com.']),
          ]),
        },
        {
          id: 'Z0BNWINTERNAL4',
          arn: zoneArn('Z0BNWINTERNAL4'),
          name: 'internal.northwind.',
          private: true,
          records: ok([...soaNs('internal.northwind.', 5), rr('db.internal.northwind.', 'CNAME', ['northwind-prod.cluster-abc123.us-east-1.rds.amazonaws.com.'])]),
        },
      ]),
    },
    regions: {
      'us-east-1': {
        cloudtrail: { trails: ok([mainTrail]) },
        sns: {
          topics: ok([
            { arn: topic('us-east-1', 'cloudtrail-delivery'), subscriptions: ok([{ arn: `${topic('us-east-1', 'cloudtrail-delivery')}:1f0e6c2a-7a51-4e0b-9c55-3d7f1b2e8a60`, protocol: 'sqs', pending: false }]) },
            { arn: topic('us-east-1', 'billing-alerts'), subscriptions: ok([{ arn: `${topic('us-east-1', 'billing-alerts')}:8c3b9d14-2e6f-4a7b-b1c0-5e9d2f4a6b83`, protocol: 'email', pending: false }]) },
            { arn: topic('us-east-1', 'ops-alerts'), subscriptions: ok([{ arn: `${topic('us-east-1', 'ops-alerts')}:0d4e7a91-6b2c-4f38-a5d1-9e8c7b6a5f42`, protocol: 'https', pending: false }]) },
          ]),
        },
        cloudwatch: {
          alarms: ok([
            billingAlarm('billing-usual-month', 1500, true),
            billingAlarm('billing-spike', 1800, false),
            connectionsAlarm('us-east-1', 'northwind-prod-connections', 'DBClusterIdentifier', 'northwind-prod', 400, [topic('us-east-1', 'ops-alerts')]),
          ]),
        },
      },
      'eu-west-1': {
        // The multi-region trail shows here too, as a shadow copy.
        cloudtrail: { trails: ok([mainTrail, euTrail]) },
        sns: { topics: ok([{ arn: topic('eu-west-1', 'eu-audit-delivery'), subscriptions: ok([{ arn: 'PendingConfirmation', protocol: 'email', pending: true }]) }]) },
        // Created from the console wizard, which left the notification step empty.
        cloudwatch: { alarms: ok([connectionsAlarm('eu-west-1', 'northwind-eu-connections', 'DBInstanceIdentifier', 'northwind-eu', 150, [])]) },
      },
    },
  },
];
