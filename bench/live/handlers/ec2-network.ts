import { groupsOfInstance, vpcOfInstance } from './ec2-compute.js';
import type { HandlerContext, HandlerTable } from './types.js';

const PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 3389, 9200, 27017];

function securityGroup(ctx: HandlerContext, region: string, g: number) {
  const a = ctx.account;
  const vpcs = a.vpcs(region);
  const n = a.count('securityGroups', region);
  const isDefault = g < vpcs;
  const rules = isDefault ? 1 : 1 + (a.hash('rules', region, g) % 5);
  const ingress = Array.from({ length: rules }, (_, k) => {
    const port = PORTS[a.hash('port', region, g, k) % PORTS.length] ?? 443;
    const r = a.roll('src', region, g, k);
    if (isDefault || r < 0.2) {
      return { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: a.rid('sg', region, isDefault ? g : (g + 7) % n), UserId: a.id }] };
    }
    const open = r > 0.93;
    return {
      IpProtocol: 'tcp',
      FromPort: port,
      ToPort: port,
      IpRanges: [{ CidrIp: open ? '0.0.0.0/0' : `10.${g % 256}.0.0/16`, ...(a.roll('desc', region, g, k) < 0.5 ? { Description: `from ${open ? 'anywhere' : 'office'}` } : {}) }],
      ...(open && a.roll('v6', g) < 0.3 ? { Ipv6Ranges: [{ CidrIpv6: '::/0' }] } : {}),
    };
  });
  return {
    GroupId: a.rid('sg', region, g),
    GroupName: isDefault ? 'default' : `app-${g}`,
    Description: isDefault ? 'default VPC security group' : `application tier ${g}`,
    VpcId: a.rid('vpc', region, g % vpcs),
    OwnerId: a.id,
    IpPermissions: ingress,
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    Tags: isDefault ? [] : [{ Key: 'team', Value: `team-${g % 12}` }],
  };
}

function networkInterface(ctx: HandlerContext, region: string, e: number) {
  const a = ctx.account;
  const instances = a.count('instances', region);
  const lbEnis = 2 * (a.count('classicLoadBalancers', region) + a.count('loadBalancersV2', region));
  const dbs = a.count('dbInstances', region);
  const base = { NetworkInterfaceId: a.rid('eni', region, e), Status: 'in-use' };
  if (e < instances) {
    const vpc = vpcOfInstance(a, region, e);
    return {
      ...base,
      VpcId: a.rid('vpc', region, vpc),
      SubnetId: a.rid('subnet', region, vpc * 8 + (e % 3)),
      Groups: groupsOfInstance(a, region, e).map((GroupId) => ({ GroupId })),
      InterfaceType: 'interface',
      Attachment: { InstanceId: a.rid('i', region, e), DeviceIndex: 0 },
      RequesterManaged: false,
    };
  }
  const sg = a.rid('sg', region, a.hash('esg', region, e) % Math.max(1, a.count('securityGroups', region)));
  const kind = e < instances + lbEnis ? 'ELB app/lb' : e < instances + lbEnis + dbs ? 'RDSNetworkInterface' : 'VPC Endpoint Interface';
  return {
    ...base,
    VpcId: a.rid('vpc', region, 0),
    SubnetId: a.rid('subnet', region, e % 3),
    Groups: [{ GroupId: sg }],
    InterfaceType: 'interface',
    Description: kind,
    RequesterManaged: kind !== 'VPC Endpoint Interface',
  };
}

function networkAcl(ctx: HandlerContext, region: string, n: number) {
  const a = ctx.account;
  const vpcs = a.vpcs(region);
  const isDefault = n < vpcs;
  const entries: Array<Record<string, unknown>> = [
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
  ];
  if (!isDefault) entries.unshift({ RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } });
  return {
    NetworkAclId: a.rid('acl', region, n),
    VpcId: a.rid('vpc', region, n % vpcs),
    IsDefault: isDefault,
    Associations: [{ SubnetId: a.rid('subnet', region, (n % vpcs) * 8) }],
    Entries: entries,
  };
}

export const ec2NetworkHandlers: HandlerTable = {
  'EC2Client:DescribeRegions': (req, ctx) => ({
    Regions: [
      ...ctx.account.regions.map((r) => ({ RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: 'opt-in-not-required' })),
      ...(req.input.AllRegions ? ctx.account.spec.notOptedIn.map((r) => ({ RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: 'not-opted-in' })) : []),
    ],
  }),
  'EC2Client:DescribeSecurityGroups': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('securityGroups', req.region), req.input.NextToken, req.input.MaxResults);
    const groups = [];
    for (let g = p.start; g < p.end; g++) groups.push(securityGroup(ctx, req.region, g));
    return { SecurityGroups: groups, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeNetworkInterfaces': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.enis(req.region), req.input.NextToken, req.input.MaxResults);
    const enis = [];
    for (let e = p.start; e < p.end; e++) enis.push(networkInterface(ctx, req.region, e));
    return { NetworkInterfaces: enis, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeVpcs': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.vpcs(req.region), req.input.NextToken, req.input.MaxResults);
    const vpcs = [];
    for (let v = p.start; v < p.end; v++) {
      vpcs.push({
        VpcId: a.rid('vpc', req.region, v),
        OwnerId: a.id,
        CidrBlock: v === 0 ? '172.31.0.0/16' : `10.${v % 256}.0.0/16`,
        IsDefault: v === 0,
        State: 'available',
        Tags: v === 0 ? [] : [{ Key: 'Name', Value: `vpc-${v}` }],
      });
    }
    return { Vpcs: vpcs, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeFlowLogs': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.flowLogs(req.region), req.input.NextToken, req.input.MaxResults);
    const logs = [];
    for (let f = p.start; f < p.end; f++) {
      logs.push({
        FlowLogId: a.rid('fl', req.region, f),
        ResourceId: a.rid('vpc', req.region, f + 1),
        FlowLogStatus: 'ACTIVE',
        TrafficType: 'ALL',
        LogDestinationType: 's3',
        LogDestination: `arn:aws:s3:::${a.bucketName(0)}`,
        DeliverLogsStatus: 'SUCCESS',
      });
    }
    return { FlowLogs: logs, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeNetworkAcls': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.networkAcls(req.region), req.input.NextToken, req.input.MaxResults);
    const acls = [];
    for (let n = p.start; n < p.end; n++) acls.push(networkAcl(ctx, req.region, n));
    return { NetworkAcls: acls, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeVpnConnections': (req, ctx) => {
    const a = ctx.account;
    return {
      VpnConnections: Array.from({ length: a.count('vpnConnections', req.region) }, (_, v) => ({
        VpnConnectionId: a.rid('vpn', req.region, v),
        State: 'available',
        Type: 'ipsec.1',
        CustomerGatewayId: a.rid('cgw', req.region, v),
        VpnGatewayId: a.rid('vgw', req.region, v),
        VgwTelemetry: [
          { OutsideIpAddress: `203.0.113.${v * 2}`, Status: 'UP', StatusMessage: '', LastStatusChange: pastDate0() },
          { OutsideIpAddress: `203.0.113.${v * 2 + 1}`, Status: v % 2 ? 'UP' : 'DOWN', StatusMessage: '', LastStatusChange: pastDate0() },
        ],
        Tags: [],
      })),
    };
  },
  'EC2Client:DescribeVpcPeeringConnections': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.count('peerings', req.region), req.input.NextToken, req.input.MaxResults);
    const list = [];
    for (let k = p.start; k < p.end; k++) {
      list.push({
        VpcPeeringConnectionId: a.rid('pcx', req.region, k),
        Status: { Code: 'active' },
        RequesterVpcInfo: { VpcId: a.rid('vpc', req.region, 1 + (k % Math.max(1, a.vpcs(req.region) - 1))), OwnerId: a.id, Region: req.region, CidrBlock: '10.1.0.0/16' },
        AccepterVpcInfo: { VpcId: `vpc-0partner${k}`, OwnerId: '999988887777', Region: 'us-east-1', CidrBlock: '192.168.0.0/16' },
        Tags: [],
      });
    }
    return { VpcPeeringConnections: list, ...(p.next ? { NextToken: p.next } : {}) };
  },
};

const pastDate0 = () => new Date(Date.UTC(2024, 11, 1));
