import { z } from 'zod';
import { attr, ResourceBase } from './attr.js';

export const RecordSetSchema = z.object({
  name: z.string(), // fully qualified, with the trailing dot
  type: z.string(),
  ttl: z.number().int().optional(),
  /** Values as Route 53 stores them (TXT values keep their quotes). */
  values: z.array(z.string()),
  aliasTarget: z.object({ dnsName: z.string(), hostedZoneId: z.string().optional() }).optional(),
  location: ResourceBase.location,
});
export type RecordSet = z.infer<typeof RecordSetSchema>;

export const HostedZoneSchema = z.object({
  ...ResourceBase,
  id: z.string(), // without the /hostedzone/ prefix
  arn: z.string(),
  name: z.string(), // with the trailing dot
  private: z.boolean(),
  records: attr(z.array(RecordSetSchema)),
});
export type HostedZone = z.infer<typeof HostedZoneSchema>;

export const Route53Schema = z.object({ hostedZones: attr(z.array(HostedZoneSchema)) });
export type Route53Inventory = z.infer<typeof Route53Schema>;
