import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './vpn.js';
import { ec2Arn, inRegion } from '../ec2/__tests__/fixtures.js';

const vpn = (id: string, tunnels: Array<[string, string]>, over: Record<string, unknown> = {}) => ({
  id,
  arn: ec2Arn('vpn-connection', id),
  state: 'available',
  vpnGatewayId: 'vgw-1',
  tunnels: tunnels.map(([outsideIp, status]) => ({ outsideIp, status })),
  ...over,
});
const peering = (id: string, a: string, b: string, status = 'active') => ({ id, status, requester: { vpcId: 'vpc-a', ownerId: '123456789012', region: a }, accepter: { vpcId: 'vpc-b', ownerId: '123456789012', region: b } });

testCheck(check, {
  pass: [
    {
      name: 'both tunnels up; pending connections and same-region peering are not judged',
      inventory: [
        inRegion({
          ec2: {
            vpnConnections: ok([vpn('vpn-1', [['198.51.100.1', 'UP'], ['198.51.100.2', 'UP']], { tags: { Name: 'office' } }), vpn('vpn-2', [['198.51.100.3', 'DOWN']], { state: 'pending' })]),
            peeringConnections: ok([peering('pcx-1', 'us-east-1', 'us-east-1')]),
          },
        }),
      ],
      findings: [{ status: 'pass', resourceId: ec2Arn('vpn-connection', 'vpn-1'), message: 'VPN connection vpn-1 (office) to virtual private gateway vgw-1 has all 2 tunnels up.' }],
    },
  ],
  fail: [
    {
      name: 'one tunnel down (medium), all down (high), and cross-region peering noted once from two regions',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({
          ec2: {
            vpnConnections: ok([
              vpn('vpn-3', [['198.51.100.5', 'UP'], ['198.51.100.6', 'DOWN']], { transitGatewayId: 'tgw-1', vpnGatewayId: undefined }),
              { ...vpn('vpn-4', []), tunnels: [{ outsideIp: '198.51.100.7', status: 'DOWN', statusMessage: 'IPSEC IS DOWN' }, { outsideIp: '198.51.100.8', status: 'DOWN' }] },
            ]),
            peeringConnections: ok([peering('pcx-2', 'us-east-1', 'eu-west-1')]),
          },
        }),
        inRegion({ ec2: { vpnConnections: ok([]), peeringConnections: ok([peering('pcx-2', 'us-east-1', 'eu-west-1')]) } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'fail', resourceId: ec2Arn('vpn-connection', 'vpn-3'), message: 'VPN connection vpn-3 to transit gateway tgw-1 has 1 of 2 tunnels down: 198.51.100.6.' },
        { status: 'fail', resourceId: ec2Arn('vpn-connection', 'vpn-4'), severity: 'high', message: 'VPN connection vpn-4 to virtual private gateway vgw-1 has 2 of 2 tunnels down: 198.51.100.7 (IPSEC IS DOWN), 198.51.100.8.' },
        {
          status: 'manual',
          resourceId: ec2Arn('vpc-peering-connection', 'pcx-2'),
          severity: 'info',
          message: 'VPC peering pcx-2 joins vpc-a (us-east-1) and vpc-b (eu-west-1) across regions: verify by hand that it is intended and that its routes reach only the subnets that must talk.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'VPN connections could not be read; a peering whose requester region was not scanned is noted by the accepter',
      regions: ['eu-west-1'],
      inventory: [inRegion({ ec2: { vpnConnections: failed('ec2:DescribeVpnConnections', 'UnauthorizedOperation'), peeringConnections: ok([peering('pcx-3', 'us-west-2', 'eu-west-1')]) } }, 'eu-west-1')],
      findings: [
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'vpn', message: 'Could not read the VPN connections: ec2:DescribeVpnConnections failed: UnauthorizedOperation.' },
        {
          status: 'manual',
          resourceId: 'arn:aws:ec2:us-west-2:123456789012:vpc-peering-connection/pcx-3',
          severity: 'info',
          message: 'VPC peering pcx-3 joins vpc-a (us-west-2) and vpc-b (eu-west-1) across regions: verify by hand that it is intended and that its routes reach only the subnets that must talk.',
        },
      ],
    },
  ],
});
