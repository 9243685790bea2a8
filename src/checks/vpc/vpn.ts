import type { PeeringConnection, VpnConnection } from '../../inventory/index.js';
import { arn } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { labelOf, refOf } from '../ec2/resource-ref.js';

type Message = 'tunnelsUp' | 'tunnelsDown' | 'crossRegionPeering';

// Connections being set up or torn down have no tunnels to judge yet (or anymore).
const JUDGED_STATES = new Set(['available']);

function judgeVpn(c: VpnConnection, region: string): CheckResult<Message> | undefined {
  if (!JUDGED_STATES.has(c.state) || c.tunnels.length === 0) return undefined;
  const resource = refOf(c, c.arn, 'AWS::EC2::VPNConnection', region);
  const vpn = labelOf(c.id, c.tags);
  const down = c.tunnels.filter((t) => t.status.toUpperCase() !== 'UP');
  const target = c.transitGatewayId ? `transit gateway ${c.transitGatewayId}` : c.vpnGatewayId ? `virtual private gateway ${c.vpnGatewayId}` : 'its gateway';
  if (down.length === 0) return { status: 'pass', resource, message: 'tunnelsUp', data: { vpn, count: c.tunnels.length, target } };
  return {
    status: 'fail',
    resource,
    message: 'tunnelsDown',
    // With every tunnel down the link is cut; with one down it has lost its redundancy.
    severity: down.length === c.tunnels.length ? 'high' : 'medium',
    data: { vpn, down: down.length, count: c.tunnels.length, target, tunnels: down.map((t) => `${t.outsideIp ?? 'tunnel'}${t.statusMessage ? ` (${t.statusMessage})` : ''}`).join(', ') },
  };
}

function judgePeering(p: PeeringConnection, region: string, scanned: Set<string>, partition: string, account: string): CheckResult<Message> | undefined {
  const a = p.requester.region;
  const b = p.accepter.region;
  if (p.status.toLowerCase() !== 'active' || !a || !b || a === b) return undefined;
  // Reported once, by the requester's region, or by the accepter's when the requester's was not scanned.
  if (region !== a && !(region === b && !scanned.has(a))) return undefined;
  const resource = refOf(p, arn(partition, 'ec2', a, p.requester.ownerId ?? account, `vpc-peering-connection/${p.id}`), 'AWS::EC2::VPCPeeringConnection', region);
  return {
    status: 'manual',
    resource,
    message: 'crossRegionPeering',
    severity: 'info',
    data: { peering: labelOf(p.id, p.tags), from: `${p.requester.vpcId ?? '?'} (${a})`, to: `${p.accepter.vpcId ?? '?'} (${b})` },
  };
}

export default defineCheck({
  id: 'vpc.vpn',
  title: 'Traffic between regions or to the corporate network goes over site-to-site VPN (tunnels up)',
  description:
    'Each AWS Site-to-Site VPN connection has two tunnels for redundancy; a tunnel that is down means traffic has lost its failover or, with both down, that the link is cut and people may route around it over the internet. Inter-region VPC peering is noted for review: AWS encrypts it, but it joins networks the guide says to keep apart.',
  severity: 'medium',
  guideIds: ['vpc.vpn'],
  needs: ['regions.*.ec2.vpnConnections', 'regions.*.ec2.peeringConnections'],
  permissions: ['ec2:DescribeVpnConnections', 'ec2:DescribeVpcPeeringConnections'],
  sources: ['aws'],
  compliance: { fsbp: ['EC2.20'] },
  remediation: {
    text: "For a tunnel that is down, check the customer gateway device: its configuration (download it from the VPN console), its public IP, the IKE/IPsec parameters and dead-peer detection. Configure both tunnels on the device so that either can carry the traffic. Review inter-region peering: limit its routes to the subnets that must talk, or use VPN/Transit Gateway where the traffic must be inspected.",
    cli: 'aws ec2 describe-vpn-connections --vpn-connection-ids vpn-0123456789abcdef0 --query "VpnConnections[].VgwTelemetry"\n# Download the configuration for your device: VPC console > Site-to-Site VPN connections > Download configuration',
    cloudformation:
      'VpnConnection:\n  Type: AWS::EC2::VPNConnection\n  Properties:\n    Type: ipsec.1\n    CustomerGatewayId: !Ref CustomerGateway\n    VpnGatewayId: !Ref VpnGateway\n    StaticRoutesOnly: false',
    terraform:
      'resource "aws_vpn_connection" "office" {\n  customer_gateway_id = aws_customer_gateway.office.id\n  vpn_gateway_id      = aws_vpn_gateway.main.id\n  type                = "ipsec.1"\n}',
  },
  messages: {
    tunnelsUp: 'VPN connection {{vpn}} to {{target}} has all {{count}} tunnels up.',
    tunnelsDown: 'VPN connection {{vpn}} to {{target}} has {{down}} of {{count}} tunnels down: {{tunnels}}.',
    crossRegionPeering:
      'VPC peering {{peering}} joins {{from}} and {{to}} across regions: verify by hand that it is intended and that its routes reach only the subnets that must talk.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    const scanned = new Set(Object.keys(inventory.regions));
    for (const [region, r] of regionsOf(inventory)) {
      const { vpnConnections: vpns, peeringConnections: peerings } = r.ec2;
      if (vpns.state === 'ok') for (const c of vpns.value) { const x = judgeVpn(c, region); if (x) out.push(x); }
      else if (vpns.state !== 'absent') out.push(missing(accountResource(inventory, region), vpns, 'the VPN connections', 'vpn'));
      if (peerings.state === 'ok') for (const p of peerings.value) { const x = judgePeering(p, region, scanned, inventory.meta.partition, inventory.meta.accountId); if (x) out.push(x); }
      else if (peerings.state !== 'absent') out.push(missing(accountResource(inventory, region), peerings, 'the VPC peering connections', 'peering'));
    }
    return out;
  },
});
