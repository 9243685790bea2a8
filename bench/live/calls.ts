/**
 * The IAM action name of an SDK command, as the collectors record it in inventory.meta.calls
 * ('ec2:DescribeInstances'). Most are the service prefix and the command name; S3 renames some.
 */
const PREFIX: Readonly<Record<string, string>> = {
  AccountClient: 'account',
  CloudFrontClient: 'cloudfront',
  CloudTrailClient: 'cloudtrail',
  CloudWatchClient: 'cloudwatch',
  EC2Client: 'ec2',
  ElasticLoadBalancingClient: 'elasticloadbalancing',
  ElasticLoadBalancingV2Client: 'elasticloadbalancing',
  GuardDutyClient: 'guardduty',
  IAMClient: 'iam',
  Inspector2Client: 'inspector2',
  KMSClient: 'kms',
  NetworkFirewallClient: 'network-firewall',
  RDSClient: 'rds',
  Route53Client: 'route53',
  S3Client: 's3',
  S3ControlClient: 's3',
  SNSClient: 'sns',
  STSClient: 'sts',
  WAFV2Client: 'wafv2',
};

const RENAMED: Readonly<Record<string, string>> = {
  'S3Client:ListBuckets': 'ListAllMyBuckets',
  'S3Client:GetBucketEncryption': 'GetEncryptionConfiguration',
  'S3Client:GetPublicAccessBlock': 'GetBucketPublicAccessBlock',
  'S3Client:GetBucketLifecycleConfiguration': 'GetLifecycleConfiguration',
  'S3ControlClient:GetPublicAccessBlock': 'GetAccountPublicAccessBlock',
};

/** Clients whose calls the collectors record under region 'global'. */
export const GLOBAL_CLIENTS: ReadonlySet<string> = new Set(['IAMClient', 'AccountClient', 'Route53Client', 'CloudFrontClient', 'STSClient', 'S3ControlClient']);

export function callName(clientName: string, commandName: string): string {
  const op = commandName.replace(/Command$/, '');
  const prefix = PREFIX[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
  return `${prefix}:${RENAMED[`${clientName}:${op}`] ?? op}`;
}
