import { z } from 'zod';
import { attr, PolicyDocumentSchema, ResourceBase } from './attr.js';

/** Inspector2 BatchGetAccountStatus for this account and region. */
export const InspectorSchema = z.object({
  status: attr(
    z.object({
      state: z.string(), // ENABLED | DISABLED | ENABLING | ...
      ec2: z.string().optional(), // resourceState.ec2.status
      ecr: z.string().optional(),
      lambda: z.string().optional(),
    }),
  ),
  /** Counts of ACTIVE findings by severity, when ListFindingAggregations could be read. */
  activeFindings: attr(z.object({ critical: z.number().int(), high: z.number().int() })),
});
export type InspectorInventory = z.infer<typeof InspectorSchema>;

export const GuardDutySchema = z.object({
  detectors: attr(z.array(z.object({ id: z.string(), status: z.string(), findingPublishingFrequency: z.string().optional() }))),
});
export type GuardDutyInventory = z.infer<typeof GuardDutySchema>;

export const NetworkFirewallSchema = z.object({
  firewalls: attr(
    z.array(
      z.object({
        ...ResourceBase,
        arn: z.string(),
        name: z.string(),
        vpcId: z.string(),
        subnetIds: z.array(z.string()).default([]),
        policyArn: z.string().optional(),
      }),
    ),
  ),
});
export type NetworkFirewallInventory = z.infer<typeof NetworkFirewallSchema>;

export const SnsTopicSchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  policy: attr(PolicyDocumentSchema).optional(),
  kmsMasterKeyId: z.string().optional(),
  /** ListSubscriptionsByTopic. Endpoints are not kept: they can be e-mail addresses or URLs with tokens. */
  subscriptions: attr(
    z.array(z.object({ arn: z.string(), protocol: z.string(), pending: z.boolean() })),
  ),
});
export type SnsTopic = z.infer<typeof SnsTopicSchema>;
export const SnsSchema = z.object({ topics: attr(z.array(SnsTopicSchema)) });
export type SnsInventory = z.infer<typeof SnsSchema>;

export const KmsKeySchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  id: z.string(),
  manager: z.enum(['AWS', 'CUSTOMER']),
  state: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  rotationEnabled: attr(z.boolean()).optional(),
});
export type KmsKey = z.infer<typeof KmsKeySchema>;
export const KmsSchema = z.object({ keys: attr(z.array(KmsKeySchema)) });
export type KmsInventory = z.infer<typeof KmsSchema>;
