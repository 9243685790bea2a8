import { z } from 'zod';
import { attr, ResourceBase, TagsSchema } from './attr.js';

export const InstanceSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  imageId: z.string(),
  state: z.string(), // running | stopped | ...
  instanceType: z.string().optional(),
  platform: z.string().optional(), // 'windows' or absent
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  networkInterfaceIds: z.array(z.string()).default([]),
  publicIp: z.string().optional(),
  iamInstanceProfileArn: z.string().optional(),
  launchTime: z.string().optional(),
  metadataHttpTokens: z.enum(['optional', 'required']).optional(),
  tags: TagsSchema.default({}),
});
export type Instance = z.infer<typeof InstanceSchema>;

export const ImageSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  name: z.string().optional(),
  ownerId: z.string(),
  /** 'amazon' | 'aws-marketplace' | 'aws-backup-vault' when AWS publishes it. */
  ownerAlias: z.string().optional(),
  public: z.boolean(),
  /** Account ids the image is shared with (DescribeImageAttribute launchPermission), when read. */
  sharedWith: attr(z.array(z.string())).optional(),
  state: z.string().optional(),
  creationDate: z.string().optional(),
  platform: z.string().optional(),
  /** True when the account owns it (collected with Owners=self), false for images only referenced by instances. */
  ownedByAccount: z.boolean(),
  tags: TagsSchema.default({}),
});
export type Image = z.infer<typeof ImageSchema>;

/** One source of one rule: the modern, flattened shape (DescribeSecurityGroupRules). */
export const SecurityGroupRuleSchema = z.object({
  protocol: z.string(), // '-1' = all, 'tcp', 'udp', 'icmp', 'icmpv6' or a number
  fromPort: z.number().int().optional(), // absent or -1 for all
  toPort: z.number().int().optional(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cidr4'), value: z.string() }),
    z.object({ kind: z.literal('cidr6'), value: z.string() }),
    z.object({ kind: z.literal('prefixList'), value: z.string() }),
    z.object({ kind: z.literal('group'), value: z.string(), account: z.string().optional() }),
  ]),
  description: z.string().optional(),
});
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;

export const SecurityGroupSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  description: z.string(),
  vpcId: z.string().optional(),
  ownerId: z.string().optional(),
  ingress: z.array(SecurityGroupRuleSchema),
  egress: z.array(SecurityGroupRuleSchema),
  tags: TagsSchema.default({}),
});
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;

export const NetworkInterfaceSchema = z.object({
  id: z.string(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  interfaceType: z.string().optional(), // interface | nat_gateway | network_load_balancer | lambda | ...
  description: z.string().optional(),
  status: z.string().optional(),
  attachedInstanceId: z.string().optional(),
  requesterManaged: z.boolean().optional(),
  publicIp: z.string().optional(),
});
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

export const VolumeSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  encrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  state: z.string(), // in-use | available | ...
  sizeGiB: z.number().optional(),
  attachedInstanceIds: z.array(z.string()),
  snapshotId: z.string().optional(),
  createTime: z.string().optional(),
  tags: TagsSchema.default({}),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const SnapshotSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  volumeId: z.string().optional(),
  encrypted: z.boolean(),
  startTime: z.string().optional(),
  state: z.string().optional(),
  ownerId: z.string(),
  /** DescribeSnapshotAttribute createVolumePermission: group 'all' makes it public. */
  createVolumePermission: attr(z.object({ public: z.boolean(), accounts: z.array(z.string()) })),
  tags: TagsSchema.default({}),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const VpcSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  cidr: z.string().optional(),
  isDefault: z.boolean(),
  state: z.string().optional(),
  tags: TagsSchema.default({}),
});
export type Vpc = z.infer<typeof VpcSchema>;

export const FlowLogSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  resourceId: z.string(), // the VPC, subnet or ENI it watches
  status: z.string().optional(), // ACTIVE
  trafficType: z.string().optional(), // ACCEPT | REJECT | ALL
  destinationType: z.string().optional(),
  destination: z.string().optional(),
  deliverLogsStatus: z.string().optional(),
});
export type FlowLog = z.infer<typeof FlowLogSchema>;

export const NetworkAclSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  vpcId: z.string(),
  isDefault: z.boolean(),
  subnetIds: z.array(z.string()).default([]),
  entries: z.array(
    z.object({
      ruleNumber: z.number().int(),
      protocol: z.string(),
      action: z.enum(['allow', 'deny']),
      egress: z.boolean(),
      cidr: z.string().optional(),
      ipv6Cidr: z.string().optional(),
      fromPort: z.number().int().optional(),
      toPort: z.number().int().optional(),
    }),
  ),
});
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;

export const VpnConnectionSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  arn: z.string(),
  state: z.string(),
  type: z.string().optional(),
  customerGatewayId: z.string().optional(),
  vpnGatewayId: z.string().optional(),
  transitGatewayId: z.string().optional(),
  tunnels: z.array(
    z.object({
      outsideIp: z.string().optional(),
      status: z.string(), // UP | DOWN
      statusMessage: z.string().optional(),
      lastStatusChange: z.string().optional(),
    }),
  ),
  tags: TagsSchema.default({}),
});
export type VpnConnection = z.infer<typeof VpnConnectionSchema>;

const peerSide = z.object({
  vpcId: z.string().optional(),
  ownerId: z.string().optional(),
  region: z.string().optional(),
  cidr: z.string().optional(),
});
export const PeeringConnectionSchema = z.object({
  ...ResourceBase,
  id: z.string(),
  status: z.string(),
  requester: peerSide,
  accepter: peerSide,
  tags: TagsSchema.default({}),
});
export type PeeringConnection = z.infer<typeof PeeringConnectionSchema>;

export const Ec2Schema = z.object({
  instances: attr(z.array(InstanceSchema)),
  /** Images the account owns, and those its instances were launched from (when still describable). */
  images: attr(z.array(ImageSchema)),
  securityGroups: attr(z.array(SecurityGroupSchema)),
  networkInterfaces: attr(z.array(NetworkInterfaceSchema)),
  volumes: attr(z.array(VolumeSchema)),
  /** Snapshots the account owns. */
  snapshots: attr(z.array(SnapshotSchema)),
  ebsEncryptionByDefault: attr(z.object({ enabled: z.boolean(), kmsKeyId: z.string().optional() })),
  vpcs: attr(z.array(VpcSchema)),
  flowLogs: attr(z.array(FlowLogSchema)),
  networkAcls: attr(z.array(NetworkAclSchema)),
  vpnConnections: attr(z.array(VpnConnectionSchema)),
  peeringConnections: attr(z.array(PeeringConnectionSchema)),
});
export type Ec2Inventory = z.infer<typeof Ec2Schema>;
