import { z } from 'zod';
import { attr, ResourceBase } from './attr.js';

export const WebAclSchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  id: z.string(),
  name: z.string(),
  scope: z.enum(['REGIONAL', 'CLOUDFRONT']),
  defaultAction: z.enum(['allow', 'block']),
  rules: z.array(z.object({ name: z.string(), priority: z.number().int().optional(), kind: z.string().optional() })),
  /** GetLoggingConfiguration: absent = logging off. */
  logging: attr(z.object({ destinations: z.array(z.string()) })),
  /** ListResourcesForWebACL (regional ACLs: ALBs, API Gateway stages, ...). CloudFront links live on the distribution. */
  associatedResources: attr(z.array(z.string())),
});
export type WebAcl = z.infer<typeof WebAclSchema>;

export const Wafv2Schema = z.object({ webAcls: attr(z.array(WebAclSchema)) });
export type Wafv2Inventory = z.infer<typeof Wafv2Schema>;
