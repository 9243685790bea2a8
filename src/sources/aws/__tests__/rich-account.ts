/**
 * One answer for every command: each list a collector reads holds one item, and no answer has a
 * next-page token. Sent to every client, it leads each collector down every path that asks
 * further (per bucket, per snapshot, per key...), so a test can see every command it can send.
 */
const ACCOUNT = '123456789012';
const now = new Date('2026-05-01T00:00:00Z');

export const RICH_ANSWER = {
  // sts, ec2 discovery
  Account: ACCOUNT,
  Arn: `arn:aws:iam::${ACCOUNT}:user/audit`,
  Regions: [{ RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }],
  // iam
  State: 'COMPLETE',
  Content: new TextEncoder().encode('user,arn,password_enabled,mfa_active,access_key_1_active,access_key_2_active\nana,arn:aws:iam::123456789012:user/ana,true,false,false,false\n'),
  SummaryMap: { AccountMFAEnabled: 1 },
  PasswordPolicy: { MinimumPasswordLength: 14 },
  VirtualMFADevices: [{ SerialNumber: 'arn:mfa' }],
  UserDetailList: [{ UserName: 'ana', Arn: `arn:aws:iam::${ACCOUNT}:user/ana` }],
  // account
  AlternateContact: { Name: 'n', EmailAddress: 'e@example.com' },
  // s3 (a bucket with no region in the list: GetBucketLocation is asked too)
  Buckets: [{ Name: 'b1', CreationDate: now }],
  LocationConstraint: 'eu-west-1',
  Policy: '{"Version":"2012-10-17","Statement":[]}',
  // ec2
  Reservations: [{ OwnerId: ACCOUNT, Instances: [{ InstanceId: 'i-1', ImageId: 'ami-other' }] }],
  Images: [{ ImageId: 'ami-own', OwnerId: ACCOUNT }],
  Snapshots: [{ SnapshotId: 'snap-1', OwnerId: ACCOUNT }],
  VpnConnections: [{ VpnConnectionId: 'vpn-1', State: 'available' }],
  // rds (manual snapshots: their restore attribute is asked)
  DBSnapshots: [{ DBSnapshotIdentifier: 's1', DBSnapshotArn: 'arn:s1', SnapshotType: 'manual' }],
  DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'c1', DBClusterSnapshotArn: 'arn:c1', SnapshotType: 'manual' }],
  // cloudtrail
  trailList: [{ Name: 't', TrailARN: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/t', HomeRegion: 'eu-west-1' }],
  // route53
  HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'x' }],
  // elb, elbv2
  LoadBalancerDescriptions: [{ LoadBalancerName: 'classic' }],
  LoadBalancers: [{ LoadBalancerArn: 'arn:alb', LoadBalancerName: 'alb', Type: 'application' }],
  // an HTTP listener: its rules are asked (DescribeRules)
  Listeners: [{ ListenerArn: 'arn:alb-listener', Protocol: 'HTTP', Port: 80 }],
  // cloudfront
  DistributionList: { Items: [{ Id: 'E1', ARN: 'arn:aws:cloudfront::123456789012:distribution/E1' }] },
  // wafv2
  WebACLs: [{ Name: 'acl', Id: 'a1', ARN: 'arn:acl' }],
  WebACL: { Name: 'acl', Id: 'a1', DefaultAction: { Block: {} }, Rules: [] },
  // inspector2
  accounts: [{ accountId: ACCOUNT, state: { status: 'ENABLED' } }],
  // guardduty
  DetectorIds: ['d1'],
  Status: 'ENABLED',
  // network firewall
  Firewalls: [{ FirewallName: 'fw', FirewallArn: 'arn:fw' }],
  // sns
  Topics: [{ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t' }],
  // kms: a rotatable key
  Keys: [{ KeyId: 'k1', KeyArn: 'arn:k1' }],
  KeyMetadata: { KeyId: 'k1', Arn: 'arn:k1', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS' },
};
