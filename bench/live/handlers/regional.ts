import { AWS_MANAGED_KEY_ALIASES, type SyntheticAccount } from '../account.js';
import { awsError } from '../aws-errors.js';
import { indexIn, indexOfUuid, uuidOf } from './ids.js';
import { pastDate, str, type HandlerContext, type HandlerTable } from './types.js';

function trails(ctx: HandlerContext, region: string) {
  const a = ctx.account;
  const { multi, single } = a.trailRegions();
  const trail = (name: string, home: string, multiRegion: boolean) => ({
    Name: name,
    TrailARN: `arn:aws:cloudtrail:${home}:${a.id}:trail/${name}`,
    HomeRegion: home,
    IsMultiRegionTrail: multiRegion,
    IsOrganizationTrail: false,
    IncludeGlobalServiceEvents: multiRegion,
    S3BucketName: a.bucketName(0),
    S3KeyPrefix: 'cloudtrail',
    LogFileValidationEnabled: multiRegion,
    ...(multiRegion ? { KmsKeyId: `arn:aws:kms:${home}:${a.id}:key/${uuidOf(a, 'kms', home, AWS_MANAGED_KEY_ALIASES.length)}` } : {}),
    CloudWatchLogsLogGroupArn: multiRegion ? `arn:aws:logs:${home}:${a.id}:log-group:cloudtrail:*` : undefined,
    SnsTopicARN: multiRegion ? `arn:aws:sns:${home}:${a.id}:topic-0` : undefined,
  });
  return [trail('organization-audit', multi, true), ...(single === region ? [trail('eu-data-events', single, false)] : [])];
}

function trailByArn(ctx: HandlerContext, arn: string) {
  const { multi, single } = ctx.account.trailRegions();
  const all = [...trails(ctx, multi), ...(single ? trails(ctx, single) : [])];
  const t = all.find((x) => x.TrailARN === arn || x.Name === arn);
  if (!t) throw awsError('TrailNotFoundException', `Unknown trail: ${arn}`);
  return t;
}

const keyId = (ctx: HandlerContext, region: string, k: number) => uuidOf(ctx.account, 'kms', region, k);
const keyArn = (ctx: HandlerContext, region: string, k: number) => `arn:aws:kms:${region}:${ctx.account.id}:key/${keyId(ctx, region, k)}`;

function keyIndex(ctx: HandlerContext, region: string, idOrArn: string): number {
  const id = idOrArn.split('/').pop() ?? '';
  const k = indexOfUuid(ctx.account, 'kms', region, id);
  if (k === undefined || k >= ctx.account.kmsKeys(region)) throw awsError('NotFoundException', `Key '${idOrArn}' does not exist`);
  return k;
}

/** Customer keys: 90 % symmetric, 5 % disabled. AWS managed keys come first. */
export function keyFacts(a: SyntheticAccount, region: string, k: number) {
  const managed = k < AWS_MANAGED_KEY_ALIASES.length;
  return { managed, symmetric: managed || a.roll('keyspec', region, k) < 0.9, enabled: managed || a.roll('keystate', region, k) > 0.05 };
}

const topicArn = (ctx: HandlerContext, region: string, t: number) => `arn:aws:sns:${region}:${ctx.account.id}:topic-${t}`;

function topicIndex(ctx: HandlerContext, region: string, arn: string): number {
  const t = indexIn(arn, 'topic');
  if (t === undefined || t >= ctx.account.count('topics', region) || topicArn(ctx, region, t) !== arn) throw awsError('NotFound', 'Topic does not exist', 404);
  return t;
}

const firewallArn = (ctx: HandlerContext, region: string, f: number) => `arn:aws:network-firewall:${region}:${ctx.account.id}:firewall/fw-${f}`;

export const regionalHandlers: HandlerTable = {
  'CloudTrailClient:DescribeTrails': (req, ctx) => ({ trailList: trails(ctx, req.region) }),
  'CloudTrailClient:GetTrailStatus': (req, ctx) => {
    trailByArn(ctx, str(req.input.Name) ?? '');
    return { IsLogging: true, LatestDeliveryTime: new Date(Date.UTC(2025, 0, 1)) };
  },
  'CloudTrailClient:GetEventSelectors': (req, ctx) => {
    const t = trailByArn(ctx, str(req.input.TrailName) ?? '');
    return t.IsMultiRegionTrail
      ? { TrailARN: t.TrailARN, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] }
      : {
          TrailARN: t.TrailARN,
          AdvancedEventSelectors: [{ Name: 'S3 data events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }],
        };
  },
  'CloudWatchClient:DescribeAlarms': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.count('alarms', req.region), req.input.NextToken, req.input.MaxRecords);
    const alarms = [];
    for (let k = p.start; k < p.end; k++) {
      const billing = k === 0 && req.region === 'us-east-1';
      alarms.push({
        AlarmName: billing ? 'billing-over-budget' : `alarm-${k}`,
        AlarmArn: `arn:aws:cloudwatch:${req.region}:${a.id}:alarm:${billing ? 'billing-over-budget' : `alarm-${k}`}`,
        Namespace: billing ? 'AWS/Billing' : k % 3 ? 'AWS/EC2' : 'AWS/RDS',
        MetricName: billing ? 'EstimatedCharges' : k % 3 ? 'CPUUtilization' : 'DatabaseConnections',
        Dimensions: billing ? [{ Name: 'Currency', Value: 'USD' }] : [{ Name: 'InstanceId', Value: a.rid('i', req.region, k % Math.max(1, a.count('instances', req.region))) }],
        Statistic: 'Average',
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        ActionsEnabled: true,
        AlarmActions: [topicArn(ctx, req.region, 0)],
        OKActions: [],
        InsufficientDataActions: [],
        StateValue: k % 17 ? 'OK' : 'ALARM',
      });
    }
    return { MetricAlarms: alarms, CompositeAlarms: [], ...(p.next ? { NextToken: p.next } : {}) };
  },
  'Inspector2Client:BatchGetAccountStatus': (_req, ctx) => ({
    accounts: [
      {
        accountId: ctx.account.id,
        state: { status: 'ENABLED' },
        resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'ENABLED' }, lambda: { status: 'DISABLED' } },
      },
    ],
    failedAccounts: [],
  }),
  'Inspector2Client:ListFindingAggregations': (req, ctx) => ({
    aggregationType: 'ACCOUNT',
    responses: [{ accountAggregation: { accountId: ctx.account.id, severityCounts: { all: 120, critical: ctx.account.hash('crit', req.region) % 4, high: 17, medium: 100 } } }],
  }),
  'GuardDutyClient:ListDetectors': (req, ctx) => ({ DetectorIds: [uuidOf(ctx.account, 'gd', req.region, 0).replace(/-/g, '')] }),
  'GuardDutyClient:GetDetector': (req, ctx) => {
    if (str(req.input.DetectorId) !== uuidOf(ctx.account, 'gd', req.region, 0).replace(/-/g, '')) throw awsError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.');
    return { Status: req.region === 'sa-east-1' ? 'DISABLED' : 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS', ServiceRole: 'AWSServiceRoleForAmazonGuardDuty', CreatedAt: '2023-01-01T00:00:00Z' };
  },
  'NetworkFirewallClient:ListFirewalls': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('firewalls', req.region), req.input.NextToken, req.input.MaxResults);
    const list = [];
    for (let f = p.start; f < p.end; f++) list.push({ FirewallName: `fw-${f}`, FirewallArn: firewallArn(ctx, req.region, f) });
    return { Firewalls: list, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'NetworkFirewallClient:DescribeFirewall': (req, ctx) => {
    const arn = str(req.input.FirewallArn) ?? '';
    const f = indexIn(arn, 'fw');
    if (f === undefined || f >= ctx.account.count('firewalls', req.region)) throw awsError('ResourceNotFoundException', 'Firewall not found');
    return {
      UpdateToken: 'token',
      Firewall: {
        FirewallName: `fw-${f}`,
        FirewallArn: arn,
        FirewallId: uuidOf(ctx.account, 'nfw', req.region, f),
        FirewallPolicyArn: `arn:aws:network-firewall:${req.region}:${ctx.account.id}:firewall-policy/policy-${f}`,
        VpcId: ctx.account.rid('vpc', req.region, 1),
        SubnetMappings: [{ SubnetId: ctx.account.rid('subnet', req.region, 8 + f) }],
      },
    };
  },
  'SNSClient:ListTopics': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('topics', req.region), req.input.NextToken, undefined);
    const topics = [];
    for (let t = p.start; t < p.end; t++) topics.push({ TopicArn: topicArn(ctx, req.region, t) });
    return { Topics: topics, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'SNSClient:GetTopicAttributes': (req, ctx) => {
    const arn = str(req.input.TopicArn) ?? '';
    const t = topicIndex(ctx, req.region, arn);
    const open = ctx.account.roll('snspub', req.region, t) < 0.03;
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'owner', Effect: 'Allow', Principal: open ? '*' : { AWS: `arn:aws:iam::${ctx.account.id}:root` }, Action: 'SNS:Publish', Resource: arn }],
    };
    const encrypted = ctx.account.roll('snsenc', req.region, t) < 0.5;
    return {
      Attributes: {
        TopicArn: arn,
        Owner: ctx.account.id,
        Policy: JSON.stringify(policy),
        DisplayName: `topic ${t}`,
        SubscriptionsConfirmed: String(ctx.account.subscriptions(req.region, t)),
        ...(encrypted ? { KmsMasterKeyId: 'alias/aws/sns' } : {}),
      },
    };
  },
  'SNSClient:ListSubscriptionsByTopic': (req, ctx) => {
    const arn = str(req.input.TopicArn) ?? '';
    const t = topicIndex(ctx, req.region, arn);
    const p = ctx.page(req.call, ctx.account.subscriptions(req.region, t), req.input.NextToken, undefined);
    const subs = [];
    for (let s = p.start; s < p.end; s++) {
      subs.push({
        SubscriptionArn: s % 9 === 8 ? 'PendingConfirmation' : `${arn}:${ctx.account.rid('sub', req.region, t * 1000 + s).slice(4)}`,
        Protocol: s % 2 ? 'email' : 'https',
        Endpoint: s % 2 ? `oncall+${s}@example.com` : `https://hooks.example.com/${s}?token=secret-${s}`,
        Owner: ctx.account.id,
        TopicArn: arn,
      });
    }
    return { Subscriptions: subs, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'KMSClient:ListKeys': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.kmsKeys(req.region), req.input.Marker, req.input.Limit);
    const keys = [];
    for (let k = p.start; k < p.end; k++) keys.push({ KeyId: keyId(ctx, req.region, k), KeyArn: keyArn(ctx, req.region, k) });
    return { Keys: keys, Truncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'KMSClient:ListAliases': (req, ctx) => {
    // Every key has exactly one alias: aws/... for AWS managed keys, key-N for the customer's.
    const p = ctx.page(req.call, ctx.account.kmsKeys(req.region), req.input.Marker, req.input.Limit);
    const aliases = [];
    for (let k = p.start; k < p.end; k++) {
      const name = `alias/${AWS_MANAGED_KEY_ALIASES[k] ?? `key-${k}`}`;
      aliases.push({ AliasName: name, AliasArn: `arn:aws:kms:${req.region}:${ctx.account.id}:${name}`, TargetKeyId: keyId(ctx, req.region, k) });
    }
    return { Aliases: aliases, Truncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'KMSClient:DescribeKey': (req, ctx) => {
    const k = keyIndex(ctx, req.region, str(req.input.KeyId) ?? '');
    const f = keyFacts(ctx.account, req.region, k);
    return {
      KeyMetadata: {
        KeyId: keyId(ctx, req.region, k),
        Arn: keyArn(ctx, req.region, k),
        AWSAccountId: ctx.account.id,
        KeyManager: f.managed ? 'AWS' : 'CUSTOMER',
        KeyState: f.enabled ? 'Enabled' : 'Disabled',
        KeySpec: f.symmetric ? 'SYMMETRIC_DEFAULT' : 'RSA_2048',
        KeyUsage: f.symmetric ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
        Origin: 'AWS_KMS',
        Enabled: f.enabled,
        CreationDate: pastDate(ctx.account, 'key', req.region, k),
      },
    };
  },
  'KMSClient:GetKeyRotationStatus': (req, ctx) => {
    const k = keyIndex(ctx, req.region, str(req.input.KeyId) ?? '');
    const f = keyFacts(ctx.account, req.region, k);
    if (!f.symmetric) throw awsError('UnsupportedOperationException', 'Rotation is not supported for asymmetric keys');
    if (!f.enabled) throw awsError('KMSInvalidStateException', 'The key is disabled');
    return { KeyRotationEnabled: f.managed || ctx.account.roll('rot', req.region, k) < 0.7 };
  },
};
