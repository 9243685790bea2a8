/** Small builders for the EC2, VPC, RDS and ELB check tests: they keep each case to what it is about. */
import type { z } from 'zod';
import type { InventoryPart, SecurityGroupRuleSchema, SecurityGroupSchema, InstanceSchema, ImageSchema, NetworkInterfaceSchema, VpcSchema } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

export const ACCOUNT = TEST_ACCOUNT;
export const REGION = 'us-east-1';

type RegionPart = NonNullable<InventoryPart['regions']>[string];
type Rule = z.input<typeof SecurityGroupRuleSchema>;

/** A part that fills one region. */
export function inRegion(part: RegionPart, region = REGION): InventoryPart {
  return { regions: { [region]: part } };
}

export const ec2Arn = (kind: string, id: string, region = REGION) => `arn:aws:ec2:${region}:${ACCOUNT}:${kind}/${id}`;

export function sg(id: string, over: Partial<z.input<typeof SecurityGroupSchema>> = {}, region = REGION): z.input<typeof SecurityGroupSchema> {
  return { id, arn: ec2Arn('security-group', id, region), name: id, description: `Group ${id}`, vpcId: 'vpc-1', ownerId: ACCOUNT, ingress: [], egress: [], ...over };
}

export function tcp(from: number, source: string, description?: string, to = from): Rule {
  return { protocol: 'tcp', fromPort: from, toPort: to, source: source.includes(':') ? { kind: 'cidr6', value: source } : { kind: 'cidr4', value: source }, ...(description ? { description } : {}) };
}

export function udp(from: number, source: string, description?: string, to = from): Rule {
  return { ...tcp(from, source, description, to), protocol: 'udp' };
}

export function allTraffic(source: string, description?: string): Rule {
  return { protocol: '-1', source: source.startsWith('sg-') ? { kind: 'group', value: source } : { kind: 'cidr4', value: source }, ...(description ? { description } : {}) };
}

export function fromGroup(from: number, group: string, description?: string, to = from): Rule {
  return { protocol: 'tcp', fromPort: from, toPort: to, source: { kind: 'group', value: group }, ...(description ? { description } : {}) };
}

export function instance(id: string, over: Partial<z.input<typeof InstanceSchema>> = {}, region = REGION): z.input<typeof InstanceSchema> {
  return { id, arn: ec2Arn('instance', id, region), imageId: 'ami-own', state: 'running', vpcId: 'vpc-1', securityGroupIds: [], ...over };
}

export function image(id: string, over: Partial<z.input<typeof ImageSchema>> = {}, region = REGION): z.input<typeof ImageSchema> {
  return { id, arn: `arn:aws:ec2:${region}::image/${id}`, ownerId: ACCOUNT, public: false, ownedByAccount: true, ...over };
}

export function eni(id: string, groups: string[], over: Partial<z.input<typeof NetworkInterfaceSchema>> = {}): z.input<typeof NetworkInterfaceSchema> {
  return { id, vpcId: 'vpc-1', securityGroupIds: groups, ...over };
}

export function vpc(id: string, over: Partial<z.input<typeof VpcSchema>> = {}, region = REGION): z.input<typeof VpcSchema> {
  return { id, arn: ec2Arn('vpc', id, region), isDefault: false, cidr: '10.0.0.0/16', ...over };
}
