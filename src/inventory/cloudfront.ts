import { z } from 'zod';
import { attr, ResourceBase, TagsSchema } from './attr.js';

export const CacheBehaviorSchema = z.object({
  pathPattern: z.string(), // '*' for the default behaviour
  targetOriginId: z.string(),
  viewerProtocolPolicy: z.string(), // allow-all | redirect-to-https | https-only
  trustedSigners: z.array(z.string()).default([]),
  trustedKeyGroups: z.array(z.string()).default([]),
});
export type CacheBehavior = z.infer<typeof CacheBehaviorSchema>;

export const OriginSchema = z.object({
  id: z.string(),
  domainName: z.string(),
  originPath: z.string().optional(),
  /** S3OriginConfig.OriginAccessIdentity: '' when the S3 origin has none. */
  s3OriginAccessIdentity: z.string().optional(),
  hasS3OriginConfig: z.boolean().default(false),
  originAccessControlId: z.string().optional(),
  custom: z
    .object({
      originProtocolPolicy: z.string(), // http-only | match-viewer | https-only
      originSslProtocols: z.array(z.string()).default([]),
    })
    .optional(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const DistributionSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  domainName: z.string().optional(),
  aliases: z.array(z.string()),
  enabled: z.boolean(),
  /** WAF web ACL: a WAFv2 ARN, or a WAF Classic id. */
  webAclId: z.string().optional(),
  viewerCertificate: z.object({
    cloudFrontDefaultCertificate: z.boolean(),
    acmCertificateArn: z.string().optional(),
    iamCertificateId: z.string().optional(),
    sslSupportMethod: z.string().optional(), // sni-only | vip | static-ip
    minimumProtocolVersion: z.string().optional(),
  }),
  origins: z.array(OriginSchema),
  defaultCacheBehavior: CacheBehaviorSchema,
  cacheBehaviors: z.array(CacheBehaviorSchema).default([]),
  logging: z.object({ enabled: z.boolean(), bucket: z.string().optional(), prefix: z.string().optional() }).optional(),
  tags: TagsSchema.default({}),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const CloudFrontSchema = z.object({ distributions: attr(z.array(DistributionSchema)) });
export type CloudFrontInventory = z.infer<typeof CloudFrontSchema>;
