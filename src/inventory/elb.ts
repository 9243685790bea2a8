import { z } from 'zod';
import { attr, ResourceBase, TagsSchema } from './attr.js';

export const ClassicLoadBalancerSchema = z.object({
  ...ResourceBase,
  name: z.string(),
  arn: z.string(),
  scheme: z.string(), // internet-facing | internal
  dnsName: z.string().optional(),
  vpcId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  listeners: z.array(
    z.object({
      protocol: z.string(), // HTTP | HTTPS | TCP | SSL
      port: z.number().int(),
      instanceProtocol: z.string().optional(),
      instancePort: z.number().int().optional(),
      sslCertificateId: z.string().optional(),
      policyNames: z.array(z.string()).default([]),
    }),
  ),
  /** DescribeLoadBalancerPolicies: SSLNegotiationPolicyType policies carry Reference-Security-Policy and Protocol-* flags. */
  policies: attr(
    z.array(z.object({ name: z.string(), type: z.string(), attributes: z.record(z.string(), z.string()) })),
  ),
  accessLog: attr(z.object({ enabled: z.boolean(), bucket: z.string().optional(), prefix: z.string().optional() })),
  tags: TagsSchema.default({}),
});
export type ClassicLoadBalancer = z.infer<typeof ClassicLoadBalancerSchema>;

export const ListenerActionSchema = z.object({
  type: z.string(), // forward | redirect | fixed-response | authenticate-oidc | authenticate-cognito
  redirect: z.object({ protocol: z.string().optional(), port: z.string().optional(), statusCode: z.string().optional() }).optional(),
  targetGroupArn: z.string().optional(),
});
export type ListenerAction = z.infer<typeof ListenerActionSchema>;

/** A non-default rule of a listener (DescribeRules, without the rule whose IsDefault is true). */
export const ListenerRuleSchema = z.object({
  arn: z.string().optional(),
  /** '1'..'50000' as AWS returns it; IaC may leave it to AWS (empty). */
  priority: z.string(),
  /** A summary: field (path-pattern, host-header, http-header, query-string, http-request-method, source-ip) and its values. */
  conditions: z.array(z.object({ field: z.string(), values: z.array(z.string()) })),
  actions: z.array(ListenerActionSchema),
});
export type ListenerRule = z.infer<typeof ListenerRuleSchema>;

export const ListenerSchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  port: z.number().int(),
  protocol: z.string(), // HTTP | HTTPS | TCP | TLS | UDP | TCP_UDP | GENEVE
  sslPolicy: z.string().optional(),
  certificateArns: z.array(z.string()).default([]),
  defaultActions: z.array(ListenerActionSchema),
  /**
   * The non-default rules, read for HTTP listeners only (the only ones a check needs). A missing key
   * means not collected (a snapshot older than this field, or a listener of another protocol).
   */
  rules: attr(z.array(ListenerRuleSchema)).optional(),
});
export type Listener = z.infer<typeof ListenerSchema>;

export const LoadBalancerV2Schema = z.object({
  ...ResourceBase,
  arn: z.string(),
  name: z.string(),
  type: z.enum(['application', 'network', 'gateway']),
  scheme: z.string(),
  dnsName: z.string().optional(),
  vpcId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  listeners: attr(z.array(ListenerSchema)),
  /** DescribeLoadBalancerAttributes (access_logs.s3.bucket, routing.http.drop_invalid_header_fields.enabled...). */
  attributes: attr(z.record(z.string(), z.string())),
  tags: TagsSchema.default({}),
});
export type LoadBalancerV2 = z.infer<typeof LoadBalancerV2Schema>;

export const ElbSchema = z.object({
  classic: attr(z.array(ClassicLoadBalancerSchema)),
  v2: attr(z.array(LoadBalancerV2Schema)),
});
export type ElbInventory = z.infer<typeof ElbSchema>;
