import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type CacheBehavior as SdkCacheBehavior,
  type DefaultCacheBehavior,
  type DistributionConfig,
  type DistributionSummary,
} from '@aws-sdk/client-cloudfront';
import type { CacheBehavior, Distribution } from '../../../inventory/index.js';
import { commandTable, type GlobalCollector } from '../collector.js';
import { listAll } from '../list.js';
import { compact } from '../outcome.js';

const commands = commandTable([
  [ListDistributionsCommand, 'cloudfront:ListDistributions'],
  [GetDistributionConfigCommand, 'cloudfront:GetDistributionConfig'],
]);

function behavior(b: SdkCacheBehavior | DefaultCacheBehavior | undefined, pathPattern: string): CacheBehavior {
  return {
    pathPattern,
    targetOriginId: b?.TargetOriginId ?? '',
    viewerProtocolPolicy: b?.ViewerProtocolPolicy ?? 'allow-all',
    trustedSigners: b?.TrustedSigners?.Items ?? [],
    trustedKeyGroups: b?.TrustedKeyGroups?.Items ?? [],
  };
}

/** The parts a summary and a full configuration share. */
type Shared = Pick<DistributionConfig, 'Aliases' | 'Enabled' | 'WebACLId' | 'ViewerCertificate' | 'Origins' | 'DefaultCacheBehavior' | 'CacheBehaviors'>;

function distribution(s: DistributionSummary, c: Shared, logging: DistributionConfig['Logging'] | undefined): Distribution {
  const vc = c.ViewerCertificate;
  return compact({
    id: s.Id ?? '',
    arn: s.ARN ?? '',
    domainName: s.DomainName,
    aliases: c.Aliases?.Items ?? [],
    enabled: c.Enabled === true,
    webAclId: c.WebACLId || undefined,
    viewerCertificate: compact({
      cloudFrontDefaultCertificate: vc?.CloudFrontDefaultCertificate === true,
      acmCertificateArn: vc?.ACMCertificateArn,
      iamCertificateId: vc?.IAMCertificateId,
      sslSupportMethod: vc?.SSLSupportMethod,
      minimumProtocolVersion: vc?.MinimumProtocolVersion,
    }),
    origins: (c.Origins?.Items ?? []).map((o) =>
      compact({
        id: o.Id ?? '',
        domainName: o.DomainName ?? '',
        originPath: o.OriginPath || undefined,
        s3OriginAccessIdentity: o.S3OriginConfig ? (o.S3OriginConfig.OriginAccessIdentity ?? '') : undefined,
        hasS3OriginConfig: o.S3OriginConfig !== undefined,
        originAccessControlId: o.OriginAccessControlId || undefined,
        custom: o.CustomOriginConfig
          ? {
              originProtocolPolicy: o.CustomOriginConfig.OriginProtocolPolicy ?? '',
              originSslProtocols: o.CustomOriginConfig.OriginSslProtocols?.Items ?? [],
            }
          : undefined,
      }),
    ),
    defaultCacheBehavior: behavior(c.DefaultCacheBehavior, '*'),
    cacheBehaviors: (c.CacheBehaviors?.Items ?? []).map((b) => behavior(b, b.PathPattern ?? '')),
    logging: logging ? compact({ enabled: logging.Enabled === true, bucket: logging.Bucket || undefined, prefix: logging.Prefix || undefined }) : undefined,
    tags: {},
  });
}

/**
 * Distributions with their configuration. The list's summaries hold all but logging; when a
 * distribution's GetDistributionConfig fails it keeps its summary, without `logging`.
 */
export const cloudfrontCollector: GlobalCollector = {
  service: 'cloudfront',
  scope: 'global',
  fills: ['cloudfront'],
  commands,
  async collect(ctx) {
    const cf = ctx.client(CloudFrontClient);
    const summaries = await listAll(
      ctx,
      cf,
      (Marker) => new ListDistributionsCommand({ Marker, MaxItems: 100 }),
      (o) => (o.DistributionList?.IsTruncated ? o.DistributionList.NextMarker : undefined),
      (o) => o.DistributionList?.Items ?? [],
    );
    if (summaries.state !== 'ok') return { cloudfront: { distributions: summaries } };
    const distributions = await Promise.all(
      summaries.value.map(async (s) => {
        const cfg = await ctx.send(cf, new GetDistributionConfigCommand({ Id: s.Id }));
        const full = cfg.ok ? cfg.value.DistributionConfig : undefined;
        return distribution(s, full ?? s, full?.Logging);
      }),
    );
    return { cloudfront: { distributions: { state: 'ok', value: distributions } } };
  },
};
