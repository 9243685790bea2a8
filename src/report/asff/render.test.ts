import { describe, expect, it } from 'vitest';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { demoReport, finding, reportOf } from '../__tests__/demo-report.js';
import { asffType, renderAsff } from './render.js';

const parse = (s: string) => JSON.parse(s) as AwsSecurityFinding[];
const REQUIRED = ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'CreatedAt', 'UpdatedAt', 'Title', 'Description', 'Resources'] as const;

describe('asff', () => {
  it('every demo finding has the fields BatchImportFindings requires, within its limits', () => {
    const report = demoReport();
    const out = parse(renderAsff(report));
    expect(out).toHaveLength(report.findings.length);
    for (const f of out) {
      for (const k of REQUIRED) expect(f[k], k).toBeTruthy();
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.ProductArn).toBe(`arn:aws:securityhub:us-east-1:210987654321:product/210987654321/default`);
      expect(f.Title!.length).toBeLessThanOrEqual(256);
      expect(f.Description!.length).toBeLessThanOrEqual(1024);
      expect(f.Remediation?.Recommendation?.Text?.length ?? 0).toBeLessThanOrEqual(512);
      expect(f.Resources!.length).toBeGreaterThan(0);
      expect(Object.keys(f.ProductFields ?? {}).length).toBeLessThanOrEqual(50);
    }
  });

  it('maps verdicts to Compliance.Status and muted findings to a suppressed workflow', () => {
    const out = parse(
      renderAsff(
        reportOf([
          finding({ status: 'pass' }),
          finding({ status: 'fail' }),
          finding({ status: 'unknown' }),
          finding({ status: 'manual' }),
          finding({ status: 'muted', muted: { reason: 'static site', originalStatus: 'fail' } }),
        ]),
      ),
    );
    expect(out.map((f) => [f.Compliance?.Status, f.Workflow?.Status])).toEqual([
      ['PASSED', 'NEW'],
      ['FAILED', 'NEW'],
      ['NOT_AVAILABLE', 'NEW'],
      ['WARNING', 'NEW'],
      ['FAILED', 'SUPPRESSED'],
    ]);
    expect(out[4]?.Note?.Text).toBe('Muted: static site');
  });

  it('writes severity labels, resources and related requirements', () => {
    const [f] = parse(renderAsff(reportOf([finding({ severity: 'info', compliance: { cis: ['2.1.4'], fsbp: ['S3.8'] }, tags: { env: 'prod' } })]), { region: 'eu-west-1' }));
    expect(f?.Severity).toEqual({ Label: 'INFORMATIONAL', Original: 'info' });
    expect(f?.ProductArn).toBe('arn:aws:securityhub:eu-west-1:210987654321:product/210987654321/default');
    expect(f?.Resources?.[0]).toEqual({ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::northwind-assets', Partition: 'aws', Region: 'us-east-1', Tags: { env: 'prod' } });
    expect(f?.Compliance?.RelatedRequirements).toEqual(['CIS AWS Foundations Benchmark v3.0.0/2.1.4', 'AWS Foundational Security Best Practices v1.0.0/S3.8']);
  });

  it('uses the partition of the resource ARN, and cuts long text to the limits', () => {
    const [f] = parse(renderAsff(reportOf([finding({ resourceId: 'arn:aws-us-gov:s3:::b', message: 'x'.repeat(3000) })]), { region: 'us-gov-west-1' }));
    expect(f?.ProductArn).toMatch(/^arn:aws-us-gov:securityhub:us-gov-west-1:/);
    expect(f?.Resources?.[0]?.Partition).toBe('aws-us-gov');
    expect(f?.Description).toHaveLength(1024);
  });

  it('names resource types the ASFF way', () => {
    expect(asffType('AWS::S3::Bucket')).toBe('AwsS3Bucket');
    expect(asffType('AWS::IAM::User')).toBe('AwsIamUser');
    expect(asffType('AWS::EC2::SecurityGroup')).toBe('AwsEc2SecurityGroup');
    expect(asffType('AWS::CloudFront::Distribution')).toBe('AwsCloudFrontDistribution');
    expect(asffType('AWS::RDS::DBInstance')).toBe('AwsRdsDbInstance');
    expect(asffType('AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe('AwsElbv2LoadBalancer');
    expect(asffType('AWS::::Account')).toBe('AwsAccount');
    expect(asffType('Host::File')).toBe('Other');
  });
});
