import { describe, expect, it } from 'vitest';
import { absent, failed, ok, type InventoryPart } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './mfa-delete.js';
import { bucketOfDomain } from './log-targets.js';
import { bucket, bucketArn, s3 } from './__tests__/fixtures.js';
import { distribution, distributions } from '../cloudfront/__tests__/fixtures.js';
import { alb } from '../waf/__tests__/fixtures.js';

/** Every log source was read and holds nothing, unless a case adds to it (ok lists concatenate). */
const quiet: InventoryPart = {
  cloudfront: { distributions: ok([]) },
  regions: { 'us-east-1': { cloudtrail: { trails: ok([]) }, elb: { classic: ok([]), v2: ok([]) }, ec2: { flowLogs: ok([]) } } },
};
const trail = (name: string, bucketName: string) => ({
  arn: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/${name}`,
  name,
  homeRegion: 'us-east-1',
  isMultiRegion: true,
  isOrganizationTrail: false,
  s3BucketName: bucketName,
  logFileValidationEnabled: true,
  status: ok({ isLogging: true }),
  eventSelectors: ok({}),
});
const withMfa = ok({ status: 'Enabled' as const, mfaDelete: 'Enabled' as const });
const LOGS = bucketArn('trail-logs');

testCheck(check, {
  pass: [
    {
      name: 'a trail bucket with MFA Delete (CIS 2.1.2), and an ordinary versioned bucket (the guide passes it; no evidence for CIS 2.1.2)',
      inventory: [quiet, { regions: { 'us-east-1': { cloudtrail: { trails: ok([trail('main', 'trail-logs')]) } } } }, s3([bucket('trail-logs', { versioning: withMfa }), bucket('app-data')])],
      findings: [
        { status: 'pass', resourceId: LOGS, message: 'Bucket trail-logs is versioned with MFA Delete.', compliance: { cis: ['2.1.2'] } },
        {
          status: 'pass',
          resourceId: bucketArn('app-data'),
          severity: 'low',
          message: 'Bucket app-data is versioned; it receives no logs and is not tagged data-classification=critical, so MFA Delete is not required.',
          compliance: {},
        },
      ],
    },
  ],
  fail: [
    {
      name: 'a trail bucket without MFA Delete (the shadow trail of another region is the same sender)',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        quiet,
        {
          regions: {
            'us-east-1': { cloudtrail: { trails: ok([trail('main', 'trail-logs')]) } },
            'eu-west-1': { cloudtrail: { trails: ok([trail('main', 'trail-logs')]) }, elb: { classic: ok([]), v2: ok([]) }, ec2: { flowLogs: ok([]) } },
          },
        },
        s3([bucket('trail-logs')]),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: LOGS,
          message: 'Bucket trail-logs receives trail main, and is versioned without MFA Delete: stolen credentials can still destroy its old versions.',
        },
      ],
    },
    {
      name: 'load balancer, CloudFront and server access log targets; the lifecycle conflict is named',
      inventory: [
        quiet,
        {
          regions: {
            'us-east-1': {
              elb: {
                v2: ok([alb('web', { attributes: ok({ 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': 'edge-logs', 'connection_logs.s3.enabled': 'false' }) })]),
                classic: ok([
                  {
                    name: 'legacy',
                    arn: `arn:aws:elasticloadbalancing:us-east-1:${TEST_ACCOUNT}:loadbalancer/legacy`,
                    scheme: 'internet-facing',
                    securityGroupIds: [],
                    listeners: [],
                    policies: ok([]),
                    accessLog: ok({ enabled: true, bucket: 'edge-logs' }),
                  },
                ]),
              },
            },
          },
        },
        distributions(distribution('E1', { logging: { enabled: true, bucket: 'edge-logs.s3.amazonaws.com', prefix: 'cdn/' } })),
        s3([
          bucket('edge-logs', { lifecycle: ok([{ id: 'to-glacier', enabled: true, transitions: [{ days: 90, storageClass: 'GLACIER' }] }]) }),
          bucket('access-logs', { versioning: absent() }),
          bucket('app-data', { logging: ok({ targetBucket: 'access-logs', targetPrefix: 'app-data/' }) }),
        ]),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: bucketArn('edge-logs'),
          message:
            'Bucket edge-logs receives access logs of load balancer legacy, access logs of load balancer web, standard logs of distribution E1, and is versioned without MFA Delete. Its lifecycle configuration rules MFA Delete out (S3 allows no lifecycle on MFA Delete buckets): protect it with S3 Object Lock instead.',
        },
        {
          status: 'fail',
          resourceId: bucketArn('access-logs'),
          message: 'Bucket access-logs receives server access logs of bucket app-data, and is not versioned (versioning Disabled): a deleted or overwritten object is gone for good.',
        },
        {
          status: 'pass',
          resourceId: bucketArn('app-data'),
          severity: 'low',
          message: 'Bucket app-data is versioned; it receives no logs and is not tagged data-classification=critical, so MFA Delete is not required.',
        },
      ],
    },
    {
      name: 'a bucket tagged critical (any case), a configurable tag, and flow logs to S3',
      options: { criticalTag: { key: 'classification', values: ['critical', 'regulated'] } },
      inventory: [
        quiet,
        {
          regions: {
            'us-east-1': {
              ec2: { flowLogs: ok([{ id: 'fl-0abc', resourceId: 'vpc-0abc', destinationType: 's3', destination: 'arn:aws:s3:::network-logs/vpc/' }]) },
            },
          },
        },
        s3([bucket('ledger', { tags: ok({ classification: 'Regulated' }) }), bucket('network-logs', { versioning: ok({ status: 'Suspended', mfaDelete: 'Disabled' }) })]),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: bucketArn('ledger'),
          message: 'Bucket ledger is tagged classification=Regulated, and is versioned without MFA Delete: stolen credentials can still destroy its old versions.',
        },
        {
          status: 'fail',
          resourceId: bucketArn('network-logs'),
          message: 'Bucket network-logs receives flow log fl-0abc, and is not versioned (versioning Suspended): a deleted or overwritten object is gone for good.',
        },
      ],
    },
    {
      name: 'an ordinary bucket without versioning fails at low severity',
      inventory: [quiet, s3([bucket('scratch', { versioning: ok({ status: 'Disabled', mfaDelete: 'Disabled' }) })])],
      findings: [
        // Without versioning there is no MFA Delete either: a CIS 2.1.2 failure too.
        { status: 'fail', resourceId: bucketArn('scratch'), severity: 'low', message: 'Bucket scratch is not versioned (versioning Disabled): a deleted or overwritten object is gone for good.', compliance: { cis: ['2.1.2'] } },
      ],
    },
  ],
  unknown: [
    {
      name: 'a versioned bucket is not passed while a log source could not be read',
      inventory: [quiet, { regions: { 'us-east-1': { cloudtrail: { trails: failed('cloudtrail:DescribeTrails', 'AccessDeniedException') } } } }, s3([bucket('app-data')])],
      findings: [
        {
          status: 'unknown',
          resourceId: bucketArn('app-data'),
          severity: 'low',
          message:
            'Could not read whether bucket app-data, versioned without MFA Delete, holds logs or critical data: cloudtrail:DescribeTrails failed: AccessDeniedException.',
        },
      ],
    },
    {
      name: "a bucket's tags or versioning could not be read",
      inventory: [
        quiet,
        s3([bucket('app-data', { tags: failed('s3:GetBucketTagging', 'AccessDenied') }), bucket('other', { versioning: failed('s3:GetBucketVersioning', 'AccessDenied') })]),
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: bucketArn('app-data'),
          severity: 'low',
          message: 'Could not read whether bucket app-data, versioned without MFA Delete, holds logs or critical data: s3:GetBucketTagging failed: AccessDenied.',
        },
        { status: 'unknown', resourceId: bucketArn('other'), message: 'Could not read the versioning configuration of bucket other: s3:GetBucketVersioning failed: AccessDenied.' },
      ],
    },
  ],
});

describe('s3.mfa-delete log targets', () => {
  it('reads the bucket out of the CloudFront logging domain, legacy and regional forms alike', () => {
    expect(bucketOfDomain('my.logs.s3.amazonaws.com')).toBe('my.logs');
    expect(bucketOfDomain('logs.s3.eu-west-1.amazonaws.com')).toBe('logs');
    expect(bucketOfDomain('logs.s3-eu-west-1.amazonaws.com')).toBe('logs');
    expect(bucketOfDomain('logs.example.com')).toBeUndefined();
  });

  it('refuses an empty list of critical tag values', () => {
    expect(check.options?.safeParse({ criticalTag: { key: 'k', values: [] } }).success).toBe(false);
  });
});
