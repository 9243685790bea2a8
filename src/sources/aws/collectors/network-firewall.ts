import { DescribeFirewallCommand, ListFirewallsCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { ok } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { compact, failedAttr } from '../outcome.js';

const commands = commandTable([
  [ListFirewallsCommand, 'network-firewall:ListFirewalls'],
  [DescribeFirewallCommand, 'network-firewall:DescribeFirewall'],
]);

/** AWS Network Firewall firewalls of one region, with their VPC, subnets and policy. */
export const networkFirewallCollector: RegionalCollector = {
  service: 'network-firewall',
  scope: 'regional',
  fills: ['networkFirewall'],
  commands,
  async collect(ctx) {
    const nf = ctx.client(NetworkFirewallClient);
    const arns: string[] = [];
    const listed = await ctx.pages(
      nf,
      (NextToken) => new ListFirewallsCommand({ NextToken, MaxResults: 100 }),
      (o) => o.NextToken,
      (o) => {
        for (const f of o.Firewalls ?? []) if (f.FirewallArn) arns.push(f.FirewallArn);
      },
    );
    if (!listed.ok) return { networkFirewall: { firewalls: failedAttr(listed) } };
    const described = await Promise.all(arns.map((FirewallArn) => ctx.send(nf, new DescribeFirewallCommand({ FirewallArn }))));
    const firewalls = [];
    for (const [i, d] of described.entries()) {
      if (!d.ok) return { networkFirewall: { firewalls: failedAttr(d) } };
      const f = d.value.Firewall;
      firewalls.push(
        compact({
          arn: f?.FirewallArn ?? arns[i] ?? '',
          name: f?.FirewallName ?? '',
          vpcId: f?.VpcId ?? '',
          subnetIds: (f?.SubnetMappings ?? []).map((s) => s.SubnetId ?? '').filter(Boolean),
          policyArn: f?.FirewallPolicyArn,
        }),
      );
    }
    return { networkFirewall: { firewalls: ok(firewalls) } };
  },
};
