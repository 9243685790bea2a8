import type { z } from 'zod';
import type { DistributionSchema, InventoryPart, OriginSchema } from '../../../inventory/index.js';
import { ok } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

export type DistributionInput = z.input<typeof DistributionSchema>;
export type OriginInput = z.input<typeof OriginSchema>;

/** A distribution that every CloudFront check passes; tests override what they exercise. */
export function distribution(id: string, over: Partial<DistributionInput> = {}): DistributionInput {
  return {
    id,
    arn: `arn:aws:cloudfront::${TEST_ACCOUNT}:distribution/${id}`,
    domainName: `${id.toLowerCase()}.cloudfront.net`,
    aliases: [],
    enabled: true,
    viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' },
    origins: [{ id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] } }],
    defaultCacheBehavior: { pathPattern: '*', targetOriginId: 'app', viewerProtocolPolicy: 'redirect-to-https' },
    ...over,
  };
}

export const distributions = (...ds: DistributionInput[]): InventoryPart => ({ cloudfront: { distributions: ok(ds) } });

export const arnOf = (id: string) => `arn:aws:cloudfront::${TEST_ACCOUNT}:distribution/${id}`;
