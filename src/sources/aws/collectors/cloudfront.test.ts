import { CloudFrontClient, GetDistributionConfigCommand, ListDistributionsCommand, type DistributionSummary } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { cloudfrontCollector } from './cloudfront.js';

const mocks = mockAll();
const cf = mocks.get(CloudFrontClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const common = {
  Aliases: { Quantity: 1, Items: ['cdn.example.com'] },
  Enabled: true,
  WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/1',
  ViewerCertificate: { ACMCertificateArn: 'arn:acm', SSLSupportMethod: 'sni-only' as const, MinimumProtocolVersion: 'TLSv1.2_2021' as const },
  Origins: {
    Quantity: 2,
    Items: [
      { Id: 's3', DomainName: 'site.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: 'oac-1' },
      { Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' as const, OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2' as const] } } },
    ],
  },
  DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'redirect-to-https' as const },
  CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'allow-all' as const }] },
};
const summary = (id: string) => ({ Id: id, ARN: `arn:aws:cloudfront::123456789012:distribution/${id}`, DomainName: `${id}.cloudfront.net`, ...common }) as unknown as DistributionSummary;

beforeEach(() => {
  mocks.reset();
  cf.on(ListDistributionsCommand, { Marker: undefined })
    .resolves({ DistributionList: { Items: [summary('E1')], IsTruncated: true, NextMarker: 'E2', Marker: '', MaxItems: 1, Quantity: 1 } })
    .on(ListDistributionsCommand, { Marker: 'E2' })
    .resolves({ DistributionList: { Items: [summary('E2')], IsTruncated: false, Marker: 'E2', MaxItems: 1, Quantity: 1 } });
  cf.on(GetDistributionConfigCommand, { Id: 'E1' }).resolves({
    DistributionConfig: { ...common, CallerReference: 'x', Comment: '', Logging: { Enabled: true, IncludeCookies: false, Bucket: 'logs.s3.amazonaws.com', Prefix: 'cdn/' } },
  } as never);
  cf.on(GetDistributionConfigCommand, { Id: 'E2' }).rejects(awsError('AccessDenied', 'no', 403));
});

describe('cloudfront collector', () => {
  it('reads every page of distributions with origins, behaviours, certificate and logging', async () => {
    const { part } = await collect(cloudfrontCollector);
    const [e1, e2] = okValue(part.cloudfront?.distributions);
    expect(e1).toMatchObject({
      id: 'E1',
      aliases: ['cdn.example.com'],
      webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/1',
      viewerCertificate: { cloudFrontDefaultCertificate: false, acmCertificateArn: 'arn:acm', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      origins: [
        { id: 's3', hasS3OriginConfig: true, s3OriginAccessIdentity: '', originAccessControlId: 'oac-1' },
        { id: 'api', hasS3OriginConfig: false, custom: { originProtocolPolicy: 'http-only', originSslProtocols: ['TLSv1.2'] } },
      ],
      defaultCacheBehavior: { pathPattern: '*', viewerProtocolPolicy: 'redirect-to-https' },
      cacheBehaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'allow-all' }],
      logging: { enabled: true, bucket: 'logs.s3.amazonaws.com', prefix: 'cdn/' },
    });
    // Its configuration was denied: the summary is kept, and logging is not claimed either way.
    expect(e2?.id).toBe('E2');
    expect(e2?.logging).toBeUndefined();
  });
});
