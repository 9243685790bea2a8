import type { SecurityGroup, SecurityGroupRule } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStr, asStrList, asTags, isStr, type FieldReader } from '../../iac/fields.js';
import { sgRules, type RuleSource } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

/** Known strings of a list; deploy-time items are deferred. */
export function knownStrings(f: FieldReader, field: string, v: unknown): string[] {
  const l = asStrList(v);
  if (l === undefined) return [];
  if (isUnknown(l)) {
    f.defer(field, l);
    return [];
  }
  return l.flatMap((s) => {
    if (isUnknown(s)) {
      f.defer(field, s);
      return [];
    }
    return [s];
  });
}

/**
 * A reference (a VPC, a subnet, a key): left out when known only at deploy time. No verdict
 * rests on which one it is, so it is not deferred; `placeholder` stands in where one that exists
 * matters (an unknown KMS key is still a key).
 */
function optStr(_f: FieldReader, _field: string, v: unknown, placeholder?: string): string | undefined {
  const s = asStr(v);
  if (isUnknown(s)) return placeholder;
  return s;
}

/** One CloudFormation rule (inline or a separate resource) as flattened rules. */
export function cfnRule(f: FieldReader, label: string, r: Record<string, unknown>, direction: 'ingress' | 'egress'): SecurityGroupRule[] {
  const sources: Array<{ kind: RuleSource['kind']; value: unknown; account?: unknown }> = [];
  if (r.CidrIp !== undefined) sources.push({ kind: 'cidr4', value: r.CidrIp });
  if (r.CidrIpv6 !== undefined) sources.push({ kind: 'cidr6', value: r.CidrIpv6 });
  const pl = direction === 'ingress' ? r.SourcePrefixListId : r.DestinationPrefixListId;
  if (pl !== undefined) sources.push({ kind: 'prefixList', value: pl });
  const grp = direction === 'ingress' ? (r.SourceSecurityGroupId ?? r.SourceSecurityGroupName) : r.DestinationSecurityGroupId;
  if (grp !== undefined) sources.push({ kind: 'group', value: grp, account: r.SourceSecurityGroupOwnerId });
  return sgRules(f, label, direction, { protocol: r.IpProtocol, from: r.FromPort, to: r.ToPort, description: r.Description, sources });
}

const securityGroup: Mapper = (m) => {
  const p = m.props;
  const id = m.logicalId;
  const arn = arns.ec2(m.where, 'security-group', id);
  const f = fieldsOf(m, arn);
  const ingress = list(p.SecurityGroupIngress).flatMap((r, i) => cfnRule(f, `ingress rule ${i + 1}`, obj(r), 'ingress'));
  // Without SecurityGroupEgress, AWS keeps its default rule: all traffic to 0.0.0.0/0.
  const egress =
    p.SecurityGroupEgress === undefined
      ? [{ protocol: '-1', source: { kind: 'cidr4' as const, value: '0.0.0.0/0' } }]
      : list(p.SecurityGroupEgress).flatMap((r, i) => cfnRule(f, `egress rule ${i + 1}`, obj(r), 'egress'));
  const vpcId = optStr(f, 'VpcId', p.VpcId);
  const sg: SecurityGroup = {
    ...declared(m),
    id,
    arn,
    name: f.plain('GroupName', p.GroupName, id, isStr, { prop: 'name', value: '' }),
    description: f.plain('GroupDescription', p.GroupDescription, 'deploy-time description', isStr, { prop: 'description', value: '' }),
    ...(vpcId ? { vpcId } : {}),
    ownerId: m.where.account,
    ingress,
    egress,
    tags: asTags(p.Tags),
  };
  m.c.region(m.where.region).securityGroups.push(sg);
};

function ruleResource(direction: 'ingress' | 'egress'): Mapper {
  return (m) => {
    const p = m.props;
    const group = asStr(p.GroupId ?? p.GroupName);
    if (typeof group !== 'string') return; // a group from outside the template
    const f = fieldsOf(m, arns.ec2(m.where, 'security-group', group));
    for (const rule of cfnRule(f, `${direction} rule ${m.logicalId}`, p, direction)) {
      m.c.region(m.where.region).sgRules.push({ groupId: group, direction, rule });
    }
  };
}

const instance: Mapper = (m) => {
  const p = m.props;
  const id = m.logicalId;
  const arn = arns.ec2(m.where, 'instance', id);
  const f = fieldsOf(m, arn);
  const nics = list(p.NetworkInterfaces).map(obj);
  const groups = [
    ...knownStrings(f, 'SecurityGroupIds', p.SecurityGroupIds),
    ...knownStrings(f, 'SecurityGroups', p.SecurityGroups),
    ...nics.flatMap((n) => knownStrings(f, 'NetworkInterfaces.GroupSet', n.GroupSet)),
  ];
  const subnet = optStr(f, 'SubnetId', p.SubnetId ?? nics[0]?.SubnetId);
  const profile = optStr(f, 'IamInstanceProfile', p.IamInstanceProfile);
  const region = m.c.region(m.where.region);
  region.instances.push({
    ...declared(m),
    id,
    arn,
    imageId: f.plain('ImageId', p.ImageId, 'deploy-time image', isStr),
    state: 'running',
    ...(typeof p.InstanceType === 'string' ? { instanceType: p.InstanceType } : {}),
    ...(subnet ? { subnetId: subnet } : {}),
    securityGroupIds: [...new Set(groups)],
    networkInterfaceIds: [],
    ...(profile ? { iamInstanceProfileArn: profile.startsWith('arn:') ? profile : arns.iam(m.where, 'instance-profile', profile) } : {}),
    tags: asTags(p.Tags),
  });
  // The volumes the instance creates from its block device mappings.
  list(p.BlockDeviceMappings).forEach((bdm, i) => {
    const ebs = obj(obj(bdm).Ebs);
    if (!obj(bdm).Ebs) return;
    const device = asStr(obj(bdm).DeviceName);
    const volId = `${id}/${typeof device === 'string' ? device : `volume-${i + 1}`}`;
    const vArn = arns.ec2(m.where, 'volume', volId);
    const vf = fieldsOf(m, vArn);
    const key = optStr(vf, 'KmsKeyId', ebs.KmsKeyId, 'deploy-time key');
    const size = asNum(ebs.VolumeSize);
    region.volumes.push({
      ...declared(m),
      id: volId,
      arn: vArn,
      encrypted: vf.bool('Encrypted', ebs.Encrypted, false, true, 'encrypted'),
      ...(key ? { kmsKeyId: key } : {}),
      state: 'in-use',
      ...(typeof size === 'number' ? { sizeGiB: size } : {}),
      attachedInstanceIds: [id],
      tags: {},
    });
  });
  for (const v of list(p.Volumes)) {
    const vol = asStr(obj(v).VolumeId);
    if (typeof vol === 'string') region.volumeAttachments.push({ volumeId: vol, instanceId: id });
  }
};

const volume: Mapper = (m) => {
  const p = m.props;
  const id = m.logicalId;
  const arn = arns.ec2(m.where, 'volume', id);
  const f = fieldsOf(m, arn);
  const key = optStr(f, 'KmsKeyId', p.KmsKeyId, 'deploy-time key');
  const size = asNum(p.Size);
  m.c.region(m.where.region).volumes.push({
    ...declared(m),
    id,
    arn,
    // Unset, Encrypted is false (encryption by default, a region setting, may still apply).
    encrypted: f.bool('Encrypted', p.Encrypted, false, true, 'encrypted'),
    ...(key ? { kmsKeyId: key } : {}),
    state: 'available',
    ...(typeof size === 'number' ? { sizeGiB: size } : {}),
    attachedInstanceIds: [],
    ...(typeof p.SnapshotId === 'string' ? { snapshotId: p.SnapshotId } : {}),
    tags: asTags(p.Tags),
  });
};

const volumeAttachment: Mapper = (m) => {
  const v = asStr(m.props.VolumeId);
  const i = asStr(m.props.InstanceId);
  if (typeof v === 'string' && typeof i === 'string') m.c.region(m.where.region).volumeAttachments.push({ volumeId: v, instanceId: i });
};

const vpc: Mapper = (m) => {
  const f = fieldsOf(m, arns.ec2(m.where, 'vpc', m.logicalId));
  const cidr = optStr(f, 'CidrBlock', m.props.CidrBlock);
  m.c.region(m.where.region).vpcs.push({
    ...declared(m),
    id: m.logicalId,
    arn: arns.ec2(m.where, 'vpc', m.logicalId),
    ...(cidr ? { cidr } : {}),
    isDefault: false,
    state: 'available',
    tags: asTags(m.props.Tags),
  });
};

const flowLog: Mapper = (m) => {
  const p = m.props;
  const f = fieldsOf(m, m.logicalId);
  const target = optStr(f, 'ResourceId', p.ResourceId);
  if (!target) return;
  const dest = optStr(f, 'LogDestination', p.LogDestination ?? p.LogGroupName);
  m.c.region(m.where.region).flowLogs.push({
    ...declared(m),
    id: m.logicalId,
    resourceId: target,
    status: 'ACTIVE',
    ...(typeof p.TrafficType === 'string' ? { trafficType: p.TrafficType } : {}),
    destinationType: typeof p.LogDestinationType === 'string' ? p.LogDestinationType : 'cloud-watch-logs',
    ...(dest ? { destination: dest } : {}),
  });
};

const networkAcl: Mapper = (m) => {
  const f = fieldsOf(m, m.logicalId);
  m.c.region(m.where.region).networkAcls.push({
    ...declared(m),
    id: m.logicalId,
    vpcId: optStr(f, 'VpcId', m.props.VpcId) ?? '',
    isDefault: false,
    subnetIds: [],
    entries: [],
  });
};

/** The worst a deploy-time network ACL entry can be: allow everything, both ways, first. */
export const OPEN_ENTRIES = [false, true].map((egress) => ({ ruleNumber: 1, protocol: '-1', action: 'allow' as const, egress, cidr: '0.0.0.0/0' }));

const protocolNames: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

const naclEntry: Mapper = (m) => {
  const p = m.props;
  const acl = asStr(p.NetworkAclId);
  if (typeof acl !== 'string') return;
  const f = fieldsOf(m, acl);
  const num = asNum(p.RuleNumber);
  const proto = asStr(p.Protocol);
  const cidr = asStr(p.CidrBlock);
  const cidr6 = asStr(p.Ipv6CidrBlock);
  const range = obj(p.PortRange);
  const from = asNum(range.From);
  const to = asNum(range.To);
  for (const [what, v] of [['rule number', num], ['protocol', proto], ['CIDR', cidr], ['IPv6 CIDR', cidr6], ['from port', from], ['to port', to]] as const) {
    if (isUnknown(v)) return f.defer(`entry ${m.logicalId} ${what}`, v, { prop: 'entries', append: OPEN_ENTRIES });
  }
  m.c.region(m.where.region).naclEntries.push({
    naclId: acl,
    entry: {
      ruleNumber: typeof num === 'number' ? num : 0,
      protocol: protocolNames[String(proto)] ?? (String(proto) === '-1' ? '-1' : String(proto ?? '-1')),
      action: String(p.RuleAction).toLowerCase() === 'allow' ? 'allow' : 'deny',
      egress: asBool(p.Egress) === true,
      ...(typeof cidr === 'string' ? { cidr } : {}),
      ...(typeof cidr6 === 'string' ? { ipv6Cidr: cidr6 } : {}),
      ...(typeof from === 'number' ? { fromPort: from } : {}),
      ...(typeof to === 'number' ? { toPort: to } : {}),
    },
  });
};

const naclAssociation: Mapper = (m) => {
  const acl = asStr(m.props.NetworkAclId);
  const subnet = asStr(m.props.SubnetId);
  if (typeof acl === 'string' && typeof subnet === 'string') m.c.region(m.where.region).naclSubnets.push({ naclId: acl, subnetId: subnet });
};

const vpn: Mapper = (m) => {
  const p = m.props;
  const f = fieldsOf(m, arns.vpnConnection(m.where, m.logicalId));
  const cgw = optStr(f, 'CustomerGatewayId', p.CustomerGatewayId);
  const vgw = optStr(f, 'VpnGatewayId', p.VpnGatewayId);
  const tgw = optStr(f, 'TransitGatewayId', p.TransitGatewayId);
  m.c.region(m.where.region).vpnConnections.push({
    ...declared(m),
    id: m.logicalId,
    arn: arns.vpnConnection(m.where, m.logicalId),
    state: 'pending', // tunnels come up only after deploy
    type: typeof p.Type === 'string' ? p.Type : 'ipsec.1',
    ...(cgw ? { customerGatewayId: cgw } : {}),
    ...(vgw ? { vpnGatewayId: vgw } : {}),
    ...(tgw ? { transitGatewayId: tgw } : {}),
    tunnels: [],
    tags: asTags(p.Tags),
  });
};

export const ec2Mappers: Record<string, Mapper> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': ruleResource('ingress'),
  'AWS::EC2::SecurityGroupEgress': ruleResource('egress'),
  'AWS::EC2::Instance': instance,
  'AWS::EC2::Volume': volume,
  'AWS::EC2::VolumeAttachment': volumeAttachment,
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::FlowLog': flowLog,
  'AWS::EC2::NetworkAcl': networkAcl,
  'AWS::EC2::NetworkAclEntry': naclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': naclAssociation,
  'AWS::EC2::VPNConnection': vpn,
};
