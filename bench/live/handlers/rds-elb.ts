import { awsError } from '../aws-errors.js';
import { indexIn, isNetworkLb, lbV2Arn } from './ids.js';
import { pastDate, str, strings, type HandlerContext, type HandlerTable } from './types.js';

const ENGINES = ['mysql', 'postgres', 'mariadb', 'sqlserver-se'];

function dbInstance(ctx: HandlerContext, region: string, d: number) {
  const a = ctx.account;
  const clusters = a.count('dbClusters', region);
  const member = d < 2 * clusters;
  const sgs = Math.max(1, a.count('securityGroups', region));
  return {
    DBInstanceIdentifier: `db-${d}`,
    DBInstanceArn: `arn:aws:rds:${region}:${a.id}:db:db-${d}`,
    Engine: member ? 'aurora-mysql' : (ENGINES[d % ENGINES.length] ?? 'mysql'),
    EngineVersion: member ? '8.0.mysql_aurora.3.05.2' : '15.4',
    DBInstanceClass: 'db.r6g.large',
    DBInstanceStatus: 'available',
    PubliclyAccessible: a.roll('dbpub', region, d) < 0.03,
    StorageEncrypted: a.roll('dbenc', region, d) < 0.85,
    KmsKeyId: `arn:aws:kms:${region}:${a.id}:key/aws-rds`,
    DBSubnetGroup: { VpcId: a.rid('vpc', region, a.count('vpcs', region) > 0 ? 1 : 0) },
    VpcSecurityGroups: [{ VpcSecurityGroupId: a.rid('sg', region, a.hash('dbsg', d) % sgs), Status: 'active' }],
    Endpoint: { Address: `db-${d}.abc.${region}.rds.amazonaws.com`, Port: 3306 },
    ...(member ? { DBClusterIdentifier: `cluster-${Math.floor(d / 2)}` } : {}),
    TagList: [{ Key: 'team', Value: `team-${d % 12}` }],
  };
}

/** Half the snapshots are manual (named manual-N), half automated (rds:db-N-...). */
const manual = (s: number) => s % 2 === 0;

function dbSnapshot(ctx: HandlerContext, region: string, s: number, cluster: boolean) {
  const a = ctx.account;
  const source = cluster ? `cluster-${s % Math.max(1, a.count('dbClusters', region))}` : `db-${s % Math.max(1, a.count('dbInstances', region))}`;
  const id = manual(s) ? `manual-${s}` : `rds:${source}-2025-01-${(s % 28) + 1}`;
  const arn = `arn:aws:rds:${region}:${a.id}:${cluster ? 'cluster-snapshot' : 'snapshot'}:${id}`;
  const common = { SnapshotCreateTime: pastDate(a, 'dbs', region, s), SnapshotType: manual(s) ? 'manual' : 'automated', TagList: [] };
  return cluster
    ? { DBClusterSnapshotIdentifier: id, DBClusterSnapshotArn: arn, DBClusterIdentifier: source, StorageEncrypted: a.roll('cse', region, s) < 0.9, ...common }
    : { DBSnapshotIdentifier: id, DBSnapshotArn: arn, DBInstanceIdentifier: source, Encrypted: a.roll('dse', region, s) < 0.85, ...common };
}

function snapshotIndex(ctx: HandlerContext, region: string, id: string, kind: 'dbSnapshots' | 'dbClusterSnapshots'): number {
  const s = /^manual-(\d+)$/.exec(id) ? Number(id.slice(7)) : NaN;
  if (!Number.isInteger(s) || s >= ctx.account.count(kind, region)) {
    throw awsError(kind === 'dbSnapshots' ? 'DBSnapshotNotFound' : 'DBClusterSnapshotNotFoundFault', `${id} not found`, 404);
  }
  return s;
}

function restoreAttributes(ctx: HandlerContext, region: string, s: number) {
  const r = ctx.account.roll('restore', region, s);
  return [{ AttributeName: 'restore', AttributeValues: r < 0.02 ? ['all'] : r < 0.1 ? ['111122223333'] : [] }];
}

function classic(ctx: HandlerContext, region: string, k: number) {
  const a = ctx.account;
  return {
    LoadBalancerName: `classic-${k}`,
    DNSName: `classic-${k}.${region}.elb.amazonaws.com`,
    Scheme: k % 3 ? 'internet-facing' : 'internal',
    VPCId: a.rid('vpc', region, 0),
    SecurityGroups: [a.rid('sg', region, a.hash('clbsg', k) % Math.max(1, a.count('securityGroups', region)))],
    ListenerDescriptions: [
      { Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: `arn:aws:acm:${region}:${a.id}:certificate/${k}` }, PolicyNames: [`tls-${k}`] },
      ...(k % 4 ? [] : [{ Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }, PolicyNames: [] }]),
    ],
  };
}

function v2(ctx: HandlerContext, region: string, k: number) {
  const a = ctx.account;
  const net = isNetworkLb(k);
  return {
    LoadBalancerArn: lbV2Arn(a, region, k),
    LoadBalancerName: net ? `nlb-${k}` : `alb-${k}`,
    Type: net ? 'network' : 'application',
    Scheme: k % 3 ? 'internet-facing' : 'internal',
    DNSName: `${net ? 'nlb' : 'alb'}-${k}.${region}.elb.amazonaws.com`,
    VpcId: a.rid('vpc', region, a.count('vpcs', region) > 0 ? 1 : 0),
    ...(net ? {} : { SecurityGroups: [a.rid('sg', region, a.hash('albsg', k) % Math.max(1, a.count('securityGroups', region)))] }),
    State: { Code: 'active' },
  };
}

function v2Index(ctx: HandlerContext, region: string, arn: string): number {
  const k = indexIn(arn, isNetworkLbArn(arn) ? 'nlb' : 'alb');
  if (k === undefined || k >= ctx.account.count('loadBalancersV2', region) || lbV2Arn(ctx.account, region, k) !== arn) {
    throw awsError('LoadBalancerNotFound', `One or more load balancers not found: ${arn}`);
  }
  return k;
}
const isNetworkLbArn = (arn: string) => arn.includes('loadbalancer/net/');

function classicIndex(ctx: HandlerContext, region: string, name: string): number {
  const k = indexIn(name, 'classic');
  if (k === undefined || k >= ctx.account.count('classicLoadBalancers', region)) throw awsError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${name}'`);
  return k;
}

/** An application load balancer's listener 0 is HTTPS; the others are HTTP (network ones: TLS, TCP). */
export const isHttpListener = (k: number, l: number) => !isNetworkLb(k) && l > 0;

const tooManyTags = () => awsError('ValidationError', 'DescribeTags takes at most 20 load balancers');

export const rdsElbHandlers: HandlerTable = {
  'RDSClient:DescribeDBInstances': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('dbInstances', req.region), req.input.Marker, req.input.MaxRecords);
    const list = [];
    for (let d = p.start; d < p.end; d++) list.push(dbInstance(ctx, req.region, d));
    return { DBInstances: list, ...(p.next ? { Marker: p.next } : {}) };
  },
  'RDSClient:DescribeDBClusters': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.count('dbClusters', req.region), req.input.Marker, req.input.MaxRecords);
    const list = [];
    for (let c = p.start; c < p.end; c++) {
      list.push({
        DBClusterIdentifier: `cluster-${c}`,
        DBClusterArn: `arn:aws:rds:${req.region}:${a.id}:cluster:cluster-${c}`,
        Engine: 'aurora-mysql',
        Status: 'available',
        StorageEncrypted: a.roll('clenc', c) < 0.9,
        PubliclyAccessible: false,
        VpcSecurityGroups: [{ VpcSecurityGroupId: a.rid('sg', req.region, c % Math.max(1, a.count('securityGroups', req.region))) }],
        DBClusterMembers: [{ DBInstanceIdentifier: `db-${2 * c}`, IsClusterWriter: true }, { DBInstanceIdentifier: `db-${2 * c + 1}`, IsClusterWriter: false }],
        Port: 3306,
        TagList: [],
      });
    }
    return { DBClusters: list, ...(p.next ? { Marker: p.next } : {}) };
  },
  'RDSClient:DescribeDBSnapshots': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('dbSnapshots', req.region), req.input.Marker, req.input.MaxRecords);
    const list = [];
    for (let s = p.start; s < p.end; s++) list.push(dbSnapshot(ctx, req.region, s, false));
    return { DBSnapshots: list, ...(p.next ? { Marker: p.next } : {}) };
  },
  'RDSClient:DescribeDBClusterSnapshots': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('dbClusterSnapshots', req.region), req.input.Marker, req.input.MaxRecords);
    const list = [];
    for (let s = p.start; s < p.end; s++) list.push(dbSnapshot(ctx, req.region, s, true));
    return { DBClusterSnapshots: list, ...(p.next ? { Marker: p.next } : {}) };
  },
  'RDSClient:DescribeDBSnapshotAttributes': (req, ctx) => {
    const id = str(req.input.DBSnapshotIdentifier) ?? '';
    const s = snapshotIndex(ctx, req.region, id, 'dbSnapshots');
    return { DBSnapshotAttributesResult: { DBSnapshotIdentifier: id, DBSnapshotAttributes: restoreAttributes(ctx, req.region, s) } };
  },
  'RDSClient:DescribeDBClusterSnapshotAttributes': (req, ctx) => {
    const id = str(req.input.DBClusterSnapshotIdentifier) ?? '';
    const s = snapshotIndex(ctx, req.region, id, 'dbClusterSnapshots');
    return { DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: id, DBClusterSnapshotAttributes: restoreAttributes(ctx, `c${req.region}`, s) } };
  },
  'ElasticLoadBalancingClient:DescribeLoadBalancers': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('classicLoadBalancers', req.region), req.input.Marker, req.input.PageSize);
    const list = [];
    for (let k = p.start; k < p.end; k++) list.push(classic(ctx, req.region, k));
    return { LoadBalancerDescriptions: list, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'ElasticLoadBalancingClient:DescribeTags': (req, ctx) => {
    const names = strings(req.input.LoadBalancerNames);
    if (names.length > 20) throw tooManyTags();
    return { TagDescriptions: names.map((n) => ({ LoadBalancerName: n, Tags: [{ Key: 'team', Value: `team-${classicIndex(ctx, req.region, n) % 12}` }] })) };
  },
  'ElasticLoadBalancingClient:DescribeLoadBalancerPolicies': (req, ctx) => {
    const name = str(req.input.LoadBalancerName) ?? '';
    const k = classicIndex(ctx, req.region, name);
    const old = k % 5 === 0;
    return {
      PolicyDescriptions: [
        {
          PolicyName: `tls-${k}`,
          PolicyTypeName: 'SSLNegotiationPolicyType',
          PolicyAttributeDescriptions: [
            { AttributeName: 'Reference-Security-Policy', AttributeValue: old ? 'ELBSecurityPolicy-2011-08' : 'ELBSecurityPolicy-TLS-1-2-2017-01' },
            { AttributeName: 'Protocol-TLSv1', AttributeValue: String(old) },
            { AttributeName: 'Protocol-TLSv1.2', AttributeValue: 'true' },
          ],
        },
      ],
    };
  },
  'ElasticLoadBalancingClient:DescribeLoadBalancerAttributes': (req, ctx) => {
    const k = classicIndex(ctx, req.region, str(req.input.LoadBalancerName) ?? '');
    const on = k % 2 === 0;
    return { LoadBalancerAttributes: { AccessLog: { Enabled: on, ...(on ? { S3BucketName: ctx.account.bucketName(0), S3BucketPrefix: `elb/${k}` } : {}) } } };
  },
  'ElasticLoadBalancingV2Client:DescribeLoadBalancers': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('loadBalancersV2', req.region), req.input.Marker, req.input.PageSize);
    const list = [];
    for (let k = p.start; k < p.end; k++) list.push(v2(ctx, req.region, k));
    return { LoadBalancers: list, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'ElasticLoadBalancingV2Client:DescribeTags': (req, ctx) => {
    const arns = strings(req.input.ResourceArns);
    if (arns.length > 20) throw tooManyTags();
    return { TagDescriptions: arns.map((arn) => ({ ResourceArn: arn, Tags: [{ Key: 'team', Value: `team-${v2Index(ctx, req.region, arn) % 12}` }] })) };
  },
  'ElasticLoadBalancingV2Client:DescribeListeners': (req, ctx) => {
    const arn = str(req.input.LoadBalancerArn) ?? '';
    const k = v2Index(ctx, req.region, arn);
    const n = ctx.account.listeners(req.region, k);
    const p = ctx.page(req.call, n, req.input.Marker, req.input.PageSize);
    const net = isNetworkLb(k);
    const list = [];
    for (let l = p.start; l < p.end; l++) {
      const https = l === 0;
      list.push({
        ListenerArn: `${arn.replace(':loadbalancer/', ':listener/')}/${l}`,
        LoadBalancerArn: arn,
        Port: https ? 443 : 80 + l,
        Protocol: net ? (https ? 'TLS' : 'TCP') : isHttpListener(k, l) ? 'HTTP' : 'HTTPS',
        ...(https ? { SslPolicy: k % 6 ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : 'ELBSecurityPolicy-2016-08', Certificates: [{ CertificateArn: `arn:aws:acm:${req.region}:${ctx.account.id}:certificate/lb${k}` }] } : {}),
        DefaultActions: https || net ? [{ Type: 'forward', TargetGroupArn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.account.id}:targetgroup/tg-${k}/0` }] : [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
      });
    }
    return { Listeners: list, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'ElasticLoadBalancingV2Client:DescribeRules': (req, ctx) => {
    const listenerArn = str(req.input.ListenerArn) ?? '';
    const m = /^(.*):listener\/(.*)\/(\d+)$/.exec(listenerArn);
    const k = m ? v2Index(ctx, req.region, `${m[1]}:loadbalancer/${m[2]}`) : undefined;
    const l = m ? Number(m[3]) : NaN;
    if (k === undefined || !(l < ctx.account.listeners(req.region, k))) throw awsError('ListenerNotFound', `One or more listeners not found: ${listenerArn}`);
    // A few path rules, then the default rule (which AWS lists too).
    const n = ctx.account.hash('rules', req.region, k, l) % 4;
    const p = ctx.page(req.call, n + 1, req.input.Marker, req.input.PageSize);
    const tg = `arn:aws:elasticloadbalancing:${req.region}:${ctx.account.id}:targetgroup/tg-${k}/0`;
    const rules = [];
    for (let r = p.start; r < p.end; r++) {
      const isDefault = r === n;
      rules.push({
        RuleArn: `${listenerArn.replace(':listener/', ':listener-rule/')}/${r}`,
        Priority: isDefault ? 'default' : String(r + 1),
        IsDefault: isDefault,
        Conditions: isDefault ? [] : [{ Field: 'path-pattern', PathPatternConfig: { Values: [`/api/v${r}/*`] } }],
        Actions:
          isDefault || r % 2 ? [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] : [{ Type: 'forward', TargetGroupArn: tg }],
      });
    }
    return { Rules: rules, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'ElasticLoadBalancingV2Client:DescribeLoadBalancerAttributes': (req, ctx) => {
    const k = v2Index(ctx, req.region, str(req.input.LoadBalancerArn) ?? '');
    return {
      Attributes: [
        { Key: 'access_logs.s3.enabled', Value: String(k % 2 === 0) },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: String(k % 3 === 0) },
        { Key: 'deletion_protection.enabled', Value: 'true' },
      ],
    };
  },
};
