import type { SecurityGroup, SecurityGroupRule } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStr, asTags, isStr, type FieldReader } from '../../iac/fields.js';
import { OPEN_RULES, sgRules, type RuleSource } from '../../iac/shapes.js';
import { OPEN_ENTRIES } from '../../cloudformation/map/ec2.js';
import { isUnknown } from '../../iac/value.js';
import { blocks, declared, fieldsOf, knownStrings, optStr, rec, str, type TfMapContext, type TfMapper } from './context.js';

type Src = { kind: RuleSource['kind']; value: unknown };

/** Sources of a rule given as lists (cidr_blocks...) : each item a source; a deploy-time list is one unknown source. */
function listSources(kind: RuleSource['kind'], v: unknown): Src[] {
  if (v === undefined || v === null) return [];
  if (isUnknown(v)) return [{ kind, value: v }];
  return (Array.isArray(v) ? v : [v]).map((value) => ({ kind, value }));
}

/** A rule of aws_security_group (inline block) or aws_security_group_rule. */
function tfRule(f: FieldReader, label: string, direction: 'ingress' | 'egress', r: Record<string, unknown>, selfId: string | undefined, groupKey: string): SecurityGroupRule[] {
  const sources: Src[] = [
    ...listSources('cidr4', r.cidr_blocks),
    ...listSources('cidr6', r.ipv6_cidr_blocks),
    ...listSources('prefixList', r.prefix_list_ids),
    ...listSources('group', r[groupKey]),
  ];
  if (asBool(r.self) === true && selfId) sources.push({ kind: 'group', value: selfId });
  return sgRules(f, label, direction, { protocol: r.protocol, from: r.from_port, to: r.to_port, description: r.description, sources });
}

/** Rules that read a whole list of blocks: an Unknown item (a dynamic block) is deferred. */
function ruleBlocks(f: FieldReader, v: unknown, direction: 'ingress' | 'egress', selfId: string): SecurityGroupRule[] {
  return blocks(v).flatMap((r, i) => {
    if (isUnknown(r)) {
      f.defer(`${direction} rules`, r, { prop: direction, append: OPEN_RULES });
      return [];
    }
    return tfRule(f, `${direction} rule ${i + 1}`, direction, r, selfId, 'security_groups');
  });
}

function securityGroup(isDefault: boolean): TfMapper {
  return (m) => {
    const c = m.cfg;
    const id = String(c.id ?? m.address);
    const arn = arns.ec2(m.where, 'security-group', id);
    const f = fieldsOf(m, arn);
    if (isUnknown(c.ingress)) f.defer('ingress', c.ingress, { prop: 'ingress', append: OPEN_RULES });
    if (isUnknown(c.egress)) f.defer('egress', c.egress, { prop: 'egress', append: OPEN_RULES });
    const vpc = optStr(f, 'vpc_id', c.vpc_id);
    const sg: SecurityGroup = {
      ...declared(m),
      id,
      arn,
      name: isDefault ? 'default' : f.plain('name', c.name, m.address, isStr, { prop: 'name', value: '' }),
      // Terraform's default description.
      description: isDefault ? 'default VPC security group' : f.plain('description', c.description ?? 'Managed by Terraform', 'deploy-time description', isStr, { prop: 'description', value: '' }),
      ...(vpc ? { vpcId: vpc } : {}),
      ownerId: m.where.account,
      ingress: ruleBlocks(f, c.ingress, 'ingress', id),
      // Terraform removes AWS's default egress rule: only declared egress exists.
      egress: ruleBlocks(f, c.egress, 'egress', id),
      tags: asTags(c.tags),
    };
    m.c.region(m.where.region).securityGroups.push(sg);
  };
}

const sgRule: TfMapper = (m) => {
  const c = m.cfg;
  const group = str(c.security_group_id);
  if (!group) return;
  const direction = c.type === 'egress' ? 'egress' : 'ingress';
  const f = fieldsOf(m, arns.ec2(m.where, 'security-group', group));
  for (const rule of tfRule(f, `${direction} rule ${m.address}`, direction, c, group, 'source_security_group_id')) {
    m.c.region(m.where.region).sgRules.push({ groupId: group, direction, rule });
  }
};

/** aws_vpc_security_group_ingress_rule / _egress_rule: one source per resource. */
function vpcRule(direction: 'ingress' | 'egress'): TfMapper {
  return (m) => {
    const c = m.cfg;
    const group = str(c.security_group_id);
    if (!group) return;
    const f = fieldsOf(m, arns.ec2(m.where, 'security-group', group));
    const sources: Src[] = [];
    if (c.cidr_ipv4 != null) sources.push({ kind: 'cidr4', value: c.cidr_ipv4 });
    if (c.cidr_ipv6 != null) sources.push({ kind: 'cidr6', value: c.cidr_ipv6 });
    if (c.prefix_list_id != null) sources.push({ kind: 'prefixList', value: c.prefix_list_id });
    if (c.referenced_security_group_id != null) sources.push({ kind: 'group', value: c.referenced_security_group_id });
    for (const rule of sgRules(f, `${direction} rule ${m.address}`, direction, { protocol: c.ip_protocol, from: c.from_port, to: c.to_port, description: c.description, sources })) {
      m.c.region(m.where.region).sgRules.push({ groupId: group, direction, rule });
    }
  };
}

function volumeOf(m: TfMapContext, id: string, b: Record<string, unknown>, instanceId?: string) {
  const arn = arns.ec2(m.where, 'volume', id);
  const f = fieldsOf(m, arn);
  const key = optStr(f, 'kms_key_id', b.kms_key_id, 'deploy-time key');
  const size = asNum(b.volume_size ?? b.size);
  return {
    ...declared(m),
    id,
    arn,
    // Unset, volumes are not encrypted (unless the region encrypts by default).
    encrypted: f.bool('encrypted', b.encrypted, false, true, 'encrypted'),
    ...(key ? { kmsKeyId: key } : {}),
    state: instanceId ? 'in-use' : 'available',
    ...(typeof size === 'number' ? { sizeGiB: size } : {}),
    attachedInstanceIds: instanceId ? [instanceId] : [],
    ...(str(b.snapshot_id) ? { snapshotId: str(b.snapshot_id) } : {}),
    tags: asTags(b.tags),
  };
}

const instance: TfMapper = (m) => {
  const c = m.cfg;
  const id = String(c.id ?? m.address);
  const arn = arns.ec2(m.where, 'instance', id);
  const f = fieldsOf(m, arn);
  const region = m.c.region(m.where.region);
  const profile = optStr(f, 'iam_instance_profile', c.iam_instance_profile);
  const subnet = optStr(f, 'subnet_id', c.subnet_id);
  const tokens = rec(blocks(c.metadata_options)[0]).http_tokens;
  region.instances.push({
    ...declared(m),
    id,
    arn,
    imageId: f.plain('ami', c.ami, 'deploy-time image', isStr),
    state: 'running',
    ...(str(c.instance_type) ? { instanceType: str(c.instance_type) } : {}),
    ...(subnet ? { subnetId: subnet } : {}),
    securityGroupIds: [...new Set([...knownStrings(f, 'vpc_security_group_ids', c.vpc_security_group_ids), ...knownStrings(f, 'security_groups', c.security_groups)])],
    networkInterfaceIds: [],
    ...(profile ? { iamInstanceProfileArn: profile.startsWith('arn:') ? profile : arns.iam(m.where, 'instance-profile', profile) } : {}),
    ...(tokens === 'required' || tokens === 'optional' ? { metadataHttpTokens: tokens } : {}),
    tags: asTags(c.tags),
  });
  const root = blocks(c.root_block_device)[0];
  if (root && !isUnknown(root)) region.volumes.push(volumeOf(m, `${id}/root`, root, id));
  blocks(c.ebs_block_device).forEach((b, i) => {
    if (isUnknown(b)) return f.defer('ebs_block_device', b);
    region.volumes.push(volumeOf(m, `${id}/${str(b.device_name) ?? `ebs-${i + 1}`}`, b, id));
  });
};

const volume: TfMapper = (m) => {
  m.c.region(m.where.region).volumes.push(volumeOf(m, String(m.cfg.id ?? m.address), m.cfg));
};

const attachment: TfMapper = (m) => {
  const v = str(m.cfg.volume_id);
  const i = str(m.cfg.instance_id);
  if (v && i) m.c.region(m.where.region).volumeAttachments.push({ volumeId: v, instanceId: i });
};

const ebsDefault: TfMapper = (m) => {
  const r = m.c.region(m.where.region);
  const f = fieldsOf(m, `arn:${m.where.partition}:iam::${m.where.account}:root`);
  r.ebsDefault = { ...r.ebsDefault, enabled: f.attr(m.cfg.enabled ?? true, (v) => asBool(v) !== false) };
};

const ebsDefaultKey: TfMapper = (m) => {
  const r = m.c.region(m.where.region);
  const key = str(m.cfg.key_arn);
  r.ebsDefault = { ...r.ebsDefault, ...(key ? { kmsKeyId: key } : {}) };
};

function vpc(isDefault: boolean): TfMapper {
  return (m) => {
    const id = String(m.cfg.id ?? m.address);
    const f = fieldsOf(m, arns.ec2(m.where, 'vpc', id));
    const cidr = optStr(f, 'cidr_block', m.cfg.cidr_block);
    m.c.region(m.where.region).vpcs.push({
      ...declared(m),
      id,
      arn: arns.ec2(m.where, 'vpc', id),
      ...(cidr ? { cidr } : {}),
      isDefault,
      state: 'available',
      tags: asTags(m.cfg.tags),
    });
  };
}

const flowLog: TfMapper = (m) => {
  const c = m.cfg;
  const f = fieldsOf(m, m.address);
  const target = optStr(f, 'vpc_id', c.vpc_id ?? c.subnet_id ?? c.eni_id ?? c.transit_gateway_id);
  if (!target) return;
  const dest = optStr(f, 'log_destination', c.log_destination ?? c.log_group_name);
  m.c.region(m.where.region).flowLogs.push({
    ...declared(m),
    id: String(c.id ?? m.address),
    resourceId: target,
    status: 'ACTIVE',
    trafficType: str(c.traffic_type) ?? 'ALL',
    destinationType: str(c.log_destination_type) ?? 'cloud-watch-logs',
    ...(dest ? { destination: dest } : {}),
  });
};

const PROTOCOLS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

function naclEntry(f: FieldReader, label: string, r: Record<string, unknown>, egress: boolean) {
  const num = asNum(r.rule_no ?? r.rule_number);
  const proto = asStr(r.protocol);
  const from = asNum(r.from_port);
  const to = asNum(r.to_port);
  for (const [what, v] of [['rule number', num], ['protocol', proto], ['from port', from], ['to port', to], ['cidr', r.cidr_block], ['ipv6 cidr', r.ipv6_cidr_block]] as const) {
    if (isUnknown(v)) {
      f.defer(`${label} ${what}`, v, { prop: 'entries', append: OPEN_ENTRIES });
      return undefined;
    }
  }
  const action = String(r.action ?? r.rule_action ?? 'deny').toLowerCase();
  return {
    ruleNumber: typeof num === 'number' ? num : 0,
    protocol: PROTOCOLS[String(proto)] ?? String(proto ?? '-1'),
    action: action === 'allow' ? ('allow' as const) : ('deny' as const),
    egress,
    ...(str(r.cidr_block) ? { cidr: str(r.cidr_block) } : {}),
    ...(str(r.ipv6_cidr_block) ? { ipv6Cidr: str(r.ipv6_cidr_block) } : {}),
    ...(typeof from === 'number' ? { fromPort: from } : {}),
    ...(typeof to === 'number' ? { toPort: to } : {}),
  };
}

function nacl(isDefault: boolean): TfMapper {
  return (m) => {
    const c = m.cfg;
    const id = String(c.id ?? m.address);
    const f = fieldsOf(m, id);
    const entries = [
      ...blocks(c.ingress).map((r, i) => (isUnknown(r) ? (f.defer('ingress', r, { prop: 'entries', append: OPEN_ENTRIES }), undefined) : naclEntry(f, `ingress ${i + 1}`, r, false))),
      ...blocks(c.egress).map((r, i) => (isUnknown(r) ? (f.defer('egress', r, { prop: 'entries', append: OPEN_ENTRIES }), undefined) : naclEntry(f, `egress ${i + 1}`, r, true))),
    ].filter((e): e is NonNullable<typeof e> => e !== undefined);
    m.c.region(m.where.region).networkAcls.push({
      ...declared(m),
      id,
      vpcId: optStr(f, 'vpc_id', c.vpc_id) ?? '',
      isDefault,
      subnetIds: knownStrings(f, 'subnet_ids', c.subnet_ids),
      entries,
    });
  };
}

const naclRule: TfMapper = (m) => {
  const acl = str(m.cfg.network_acl_id);
  if (!acl) return;
  const e = naclEntry(fieldsOf(m, acl), `rule ${m.address}`, m.cfg, asBool(m.cfg.egress) === true);
  if (e) m.c.region(m.where.region).naclEntries.push({ naclId: acl, entry: e });
};

const naclAssociation: TfMapper = (m) => {
  const acl = str(m.cfg.network_acl_id);
  const subnet = str(m.cfg.subnet_id);
  if (acl && subnet) m.c.region(m.where.region).naclSubnets.push({ naclId: acl, subnetId: subnet });
};

const vpn: TfMapper = (m) => {
  const c = m.cfg;
  const id = String(c.id ?? m.address);
  m.c.region(m.where.region).vpnConnections.push({
    ...declared(m),
    id,
    arn: arns.vpnConnection(m.where, id),
    state: 'pending', // tunnels come up only after apply
    type: str(c.type) ?? 'ipsec.1',
    ...(str(c.customer_gateway_id) ? { customerGatewayId: str(c.customer_gateway_id) } : {}),
    ...(str(c.vpn_gateway_id) ? { vpnGatewayId: str(c.vpn_gateway_id) } : {}),
    ...(str(c.transit_gateway_id) ? { transitGatewayId: str(c.transit_gateway_id) } : {}),
    tunnels: [],
    tags: asTags(c.tags),
  });
};

export const ec2Mappers: Record<string, TfMapper> = {
  aws_security_group: securityGroup(false),
  aws_default_security_group: securityGroup(true),
  aws_security_group_rule: sgRule,
  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),
  aws_instance: instance,
  aws_ebs_volume: volume,
  aws_volume_attachment: attachment,
  aws_ebs_encryption_by_default: ebsDefault,
  aws_ebs_default_kms_key: ebsDefaultKey,
  aws_vpc: vpc(false),
  aws_default_vpc: vpc(true),
  aws_flow_log: flowLog,
  aws_network_acl: nacl(false),
  aws_default_network_acl: nacl(true),
  aws_network_acl_rule: naclRule,
  aws_network_acl_association: naclAssociation,
  aws_vpn_connection: vpn,
};
