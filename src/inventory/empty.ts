import { notCollected } from './attr.js';
import type { Inventory, InventoryMeta, RegionalInventory } from './inventory.js';
import { SNAPSHOT_SCHEMA_VERSION } from './inventory.js';

/**
 * A region where nothing was gathered: every attribute says so. Sources start from this and
 * fill what they read, so a part they never reach stays an honest "not collected".
 */
export function emptyRegion(why: string): RegionalInventory {
  const n = (call: string) => notCollected(call, why);
  return {
    ec2: {
      instances: n('ec2:DescribeInstances'),
      images: n('ec2:DescribeImages'),
      securityGroups: n('ec2:DescribeSecurityGroups'),
      networkInterfaces: n('ec2:DescribeNetworkInterfaces'),
      volumes: n('ec2:DescribeVolumes'),
      snapshots: n('ec2:DescribeSnapshots'),
      ebsEncryptionByDefault: n('ec2:GetEbsEncryptionByDefault'),
      vpcs: n('ec2:DescribeVpcs'),
      flowLogs: n('ec2:DescribeFlowLogs'),
      networkAcls: n('ec2:DescribeNetworkAcls'),
      vpnConnections: n('ec2:DescribeVpnConnections'),
      peeringConnections: n('ec2:DescribeVpcPeeringConnections'),
    },
    rds: {
      instances: n('rds:DescribeDBInstances'),
      clusters: n('rds:DescribeDBClusters'),
      snapshots: n('rds:DescribeDBSnapshots'),
    },
    cloudtrail: { trails: n('cloudtrail:DescribeTrails') },
    cloudwatch: { alarms: n('cloudwatch:DescribeAlarms') },
    elb: {
      classic: n('elasticloadbalancing:DescribeLoadBalancers'),
      v2: n('elasticloadbalancing:DescribeLoadBalancers'),
    },
    wafv2: { webAcls: n('wafv2:ListWebACLs') },
    inspector: { status: n('inspector2:BatchGetAccountStatus'), activeFindings: n('inspector2:ListFindingAggregations') },
    guardduty: { detectors: n('guardduty:ListDetectors') },
    networkFirewall: { firewalls: n('network-firewall:ListFirewalls') },
    sns: { topics: n('sns:ListTopics') },
    kms: { keys: n('kms:ListKeys') },
  };
}

/** An inventory where nothing was gathered, for sources that fill only some parts (IaC, host). */
export function emptyInventory(meta: Omit<InventoryMeta, 'calls'> & { calls?: InventoryMeta['calls'] }, why: string): Inventory {
  const n = (call: string) => notCollected(call, why);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    meta: { calls: [], ...meta },
    account: {
      id: meta.accountId,
      partition: meta.partition,
      alternateContacts: {
        billing: n('account:GetAlternateContact'),
        operations: n('account:GetAlternateContact'),
        security: n('account:GetAlternateContact'),
      },
    },
    iam: {
      credentialReport: n('iam:GenerateCredentialReport'),
      summary: n('iam:GetAccountSummary'),
      passwordPolicy: n('iam:GetAccountPasswordPolicy'),
      users: n('iam:GetAccountAuthorizationDetails'),
      groups: n('iam:GetAccountAuthorizationDetails'),
      roles: n('iam:GetAccountAuthorizationDetails'),
      policies: n('iam:GetAccountAuthorizationDetails'),
      mfaDevices: n('iam:ListVirtualMFADevices'),
    },
    s3: { accountPublicAccessBlock: n('s3:GetAccountPublicAccessBlock'), buckets: n('s3:ListAllMyBuckets') },
    cloudfront: { distributions: n('cloudfront:ListDistributions') },
    wafGlobal: { webAcls: n('wafv2:ListWebACLs') },
    route53: { hostedZones: n('route53:ListHostedZones') },
    regions: Object.fromEntries(meta.regions.map((r) => [r, emptyRegion(why)])),
  };
}
