import {
  DescribeFlowLogsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  DescribeVpnConnectionsCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type {
  Attr,
  FlowLog,
  NetworkAcl,
  NetworkInterface,
  PeeringConnection,
  SecurityGroup,
  SecurityGroupRule,
  Vpc,
  VpnConnection,
} from '../../../inventory/index.js';
import type { CollectContext } from '../context.js';
import { listAll } from '../list.js';
import { attrOf, compact, iso, tagsOf } from '../outcome.js';

/** One rule per source, as DescribeSecurityGroupRules would give them. */
export function flattenPermissions(perms: IpPermission[] | undefined): SecurityGroupRule[] {
  const out: SecurityGroupRule[] = [];
  for (const p of perms ?? []) {
    const base = compact({ protocol: p.IpProtocol ?? '-1', fromPort: p.FromPort, toPort: p.ToPort });
    const push = (source: SecurityGroupRule['source'], description: string | undefined) =>
      out.push(compact({ ...base, source, description }));
    for (const r of p.IpRanges ?? []) if (r.CidrIp) push({ kind: 'cidr4', value: r.CidrIp }, r.Description);
    for (const r of p.Ipv6Ranges ?? []) if (r.CidrIpv6) push({ kind: 'cidr6', value: r.CidrIpv6 }, r.Description);
    for (const r of p.PrefixListIds ?? []) if (r.PrefixListId) push({ kind: 'prefixList', value: r.PrefixListId }, r.Description);
    for (const g of p.UserIdGroupPairs ?? []) {
      if (g.GroupId) push(compact({ kind: 'group' as const, value: g.GroupId, account: g.UserId }), g.Description);
    }
  }
  return out;
}

const PAGE = 1000;

export async function readNetwork(ctx: CollectContext, ec2: EC2Client) {
  const arn = (type: string, id: string, owner = ctx.account) => `arn:${ctx.partition}:ec2:${ctx.region}:${owner}:${type}/${id}`;
  const [securityGroups, networkInterfaces, vpcs, flowLogs, networkAcls, vpn, peeringConnections] = await Promise.all([
    listAll(
      ctx,
      ec2,
      (NextToken) => new DescribeSecurityGroupsCommand({ NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) =>
        (o.SecurityGroups ?? []).map(
          (g): SecurityGroup =>
            compact({
              id: g.GroupId ?? '',
              arn: arn('security-group', g.GroupId ?? '', g.OwnerId),
              name: g.GroupName ?? '',
              description: g.Description ?? '',
              vpcId: g.VpcId,
              ownerId: g.OwnerId,
              ingress: flattenPermissions(g.IpPermissions),
              egress: flattenPermissions(g.IpPermissionsEgress),
              tags: tagsOf(g.Tags),
            }),
        ),
    ),
    listAll(
      ctx,
      ec2,
      (NextToken) => new DescribeNetworkInterfacesCommand({ NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) =>
        (o.NetworkInterfaces ?? []).map(
          (n): NetworkInterface =>
            compact({
              id: n.NetworkInterfaceId ?? '',
              vpcId: n.VpcId,
              subnetId: n.SubnetId,
              securityGroupIds: (n.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
              interfaceType: n.InterfaceType,
              description: n.Description,
              status: n.Status,
              attachedInstanceId: n.Attachment?.InstanceId,
              requesterManaged: n.RequesterManaged,
              publicIp: n.Association?.PublicIp,
            }),
        ),
    ),
    listAll(
      ctx,
      ec2,
      (NextToken) => new DescribeVpcsCommand({ NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) =>
        (o.Vpcs ?? []).map(
          (v): Vpc =>
            compact({
              id: v.VpcId ?? '',
              arn: arn('vpc', v.VpcId ?? '', v.OwnerId),
              cidr: v.CidrBlock,
              isDefault: v.IsDefault === true,
              state: v.State,
              tags: tagsOf(v.Tags),
            }),
        ),
    ),
    listAll(
      ctx,
      ec2,
      (NextToken) => new DescribeFlowLogsCommand({ NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) =>
        (o.FlowLogs ?? []).map(
          (f): FlowLog =>
            compact({
              id: f.FlowLogId ?? '',
              resourceId: f.ResourceId ?? '',
              status: f.FlowLogStatus,
              trafficType: f.TrafficType,
              destinationType: f.LogDestinationType,
              destination: f.LogDestination ?? f.LogGroupName,
              deliverLogsStatus: f.DeliverLogsStatus,
            }),
        ),
    ),
    listAll(
      ctx,
      ec2,
      // DescribeNetworkAcls takes 5 to 100 results a page, unlike most Describe* calls.
      (NextToken) => new DescribeNetworkAclsCommand({ NextToken, MaxResults: 100 }),
      (o) => o.NextToken,
      (o) =>
        (o.NetworkAcls ?? []).map(
          (n): NetworkAcl => ({
            id: n.NetworkAclId ?? '',
            vpcId: n.VpcId ?? '',
            isDefault: n.IsDefault === true,
            subnetIds: (n.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean),
            entries: (n.Entries ?? []).map((e) =>
              compact({
                ruleNumber: e.RuleNumber ?? 0,
                protocol: e.Protocol ?? '-1',
                action: e.RuleAction === 'allow' ? ('allow' as const) : ('deny' as const),
                egress: e.Egress === true,
                cidr: e.CidrBlock,
                ipv6Cidr: e.Ipv6CidrBlock,
                fromPort: e.PortRange?.From,
                toPort: e.PortRange?.To,
              }),
            ),
          }),
        ),
    ),
    // Not paginated: DescribeVpnConnections returns every connection at once.
    ctx.send(ec2, new DescribeVpnConnectionsCommand({})),
    listAll(
      ctx,
      ec2,
      (NextToken) => new DescribeVpcPeeringConnectionsCommand({ NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) =>
        (o.VpcPeeringConnections ?? []).map(
          (p): PeeringConnection => ({
            id: p.VpcPeeringConnectionId ?? '',
            status: p.Status?.Code ?? 'unknown',
            requester: compact({
              vpcId: p.RequesterVpcInfo?.VpcId,
              ownerId: p.RequesterVpcInfo?.OwnerId,
              region: p.RequesterVpcInfo?.Region,
              cidr: p.RequesterVpcInfo?.CidrBlock,
            }),
            accepter: compact({
              vpcId: p.AccepterVpcInfo?.VpcId,
              ownerId: p.AccepterVpcInfo?.OwnerId,
              region: p.AccepterVpcInfo?.Region,
              cidr: p.AccepterVpcInfo?.CidrBlock,
            }),
            tags: tagsOf(p.Tags),
          }),
        ),
    ),
  ]);
  const vpnConnections: Attr<VpnConnection[]> = attrOf(vpn, (o) =>
    (o.VpnConnections ?? []).map((v) =>
      compact({
        id: v.VpnConnectionId ?? '',
        arn: arn('vpn-connection', v.VpnConnectionId ?? ''),
        state: v.State ?? 'unknown',
        type: v.Type,
        customerGatewayId: v.CustomerGatewayId,
        vpnGatewayId: v.VpnGatewayId,
        transitGatewayId: v.TransitGatewayId,
        tunnels: (v.VgwTelemetry ?? []).map((t) =>
          compact({
            outsideIp: t.OutsideIpAddress,
            status: t.Status ?? 'UNKNOWN',
            statusMessage: t.StatusMessage,
            lastStatusChange: iso(t.LastStatusChange),
          }),
        ),
        tags: tagsOf(v.Tags),
      }),
    ),
  );
  return { securityGroups, networkInterfaces, vpcs, flowLogs, networkAcls, vpnConnections, peeringConnections };
}
