import { HOME_REGION } from '../account.js';
import { awsError } from '../aws-errors.js';
import { indexOfUuid, isNetworkLb, lbV2Arn, uuidOf } from './ids.js';
import { pastDate, str, type HandlerContext, type HandlerTable } from './types.js';

const zoneId = (ctx: HandlerContext, z: number) => `Z${ctx.account.hash('zone', z).toString(16).toUpperCase().padStart(8, '0')}${z.toString().padStart(5, '0')}`;
const zoneName = (z: number) => `zone${z}.northwind-analytics.com.`;
const zoneIndex = (ctx: HandlerContext, id: string) => {
  const z = Number(id.slice(-5));
  return Number.isInteger(z) && z < ctx.account.zoneCount() && zoneId(ctx, z) === id ? z : undefined;
};

const APEX_TYPES = ['SOA', 'NS', 'MX', 'TXT'];

/** Record j of zone z: the apex's SOA, NS, MX and SPF first, DMARC next, then hosts. */
function record(ctx: HandlerContext, z: number, j: number) {
  const apex = zoneName(z);
  if (j < APEX_TYPES.length) {
    const type = APEX_TYPES[j] ?? 'TXT';
    const values: Record<string, string[]> = {
      SOA: ['ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400'],
      NS: ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.co.uk.', 'ns-3.awsdns-03.com.', 'ns-4.awsdns-04.net.'],
      MX: ['10 inbound-smtp.us-east-1.amazonaws.com.'],
      TXT: ['"v=spf1 include:amazonses.com include:_spf.google.com ~all"'],
    };
    return { Name: apex, Type: type, TTL: 300, ResourceRecords: (values[type] ?? []).map((Value) => ({ Value })) };
  }
  if (j === APEX_TYPES.length) return { Name: `_dmarc.${apex}`, Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"v=DMARC1; p=quarantine"' }] };
  const alias = ctx.account.roll('alias', z, j) < 0.2;
  return alias
    ? { Name: `r${j}.${apex}`, Type: 'A', AliasTarget: { DNSName: `alb-${j % 50}.${HOME_REGION}.elb.amazonaws.com.`, HostedZoneId: 'Z35SXDOTRQ7X7K', EvaluateTargetHealth: false } }
    : { Name: `r${j}.${apex}`, Type: j % 3 ? 'A' : 'CNAME', TTL: 60, ResourceRecords: [{ Value: j % 3 ? `10.0.${j % 256}.${z % 256}` : `host${j}.example.net.` }] };
}

function recordIndex(z: number, name: string | undefined, type: string | undefined): number {
  if (name === undefined) return 0;
  if (name === zoneName(z)) return Math.max(0, APEX_TYPES.indexOf(type ?? 'SOA'));
  if (name.startsWith('_dmarc.')) return APEX_TYPES.length;
  const m = /^r(\d+)\./.exec(name);
  if (!m) throw awsError('InvalidInput', `unexpected StartRecordName ${name}`);
  return Number(m[1]);
}

function distribution(ctx: HandlerContext, d: number) {
  const a = ctx.account;
  const id = `E${a.hash('dist', d).toString(36).toUpperCase().padStart(7, '0')}${d}`;
  const s3Origin = a.roll('s3o', d) < 0.5;
  const acls = a.spec.global.cloudFrontWebAcls;
  const cert = a.roll('cert', d) < 0.7;
  return {
    Id: id,
    ARN: `arn:aws:cloudfront::${a.id}:distribution/${id}`,
    DomainName: `d${id.toLowerCase()}.cloudfront.net`,
    Status: 'Deployed',
    Aliases: { Quantity: cert ? 1 : 0, Items: cert ? [`cdn${d}.northwind-analytics.com`] : [] },
    Enabled: true,
    WebACLId: acls > 0 && a.roll('cfacl', d) < 0.4 ? webAclArn(ctx, 'CLOUDFRONT', HOME_REGION, d % acls) : '',
    ViewerCertificate: cert
      ? { ACMCertificateArn: `arn:aws:acm:us-east-1:${a.id}:certificate/${d}`, SSLSupportMethod: 'sni-only', MinimumProtocolVersion: d % 4 ? 'TLSv1.2_2021' : 'TLSv1' }
      : { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1' },
    Origins: {
      Quantity: 1,
      Items: [
        s3Origin
          ? { Id: 's3', DomainName: `${a.bucketName(d % a.bucketCount())}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: `OAC${d}` }
          : { Id: 'web', DomainName: `origin${d}.northwind-analytics.com`, CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: d % 5 ? 'https-only' : 'http-only', OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } } },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: s3Origin ? 's3' : 'web', ViewerProtocolPolicy: d % 6 ? 'redirect-to-https' : 'allow-all', TrustedSigners: { Enabled: false, Quantity: 0 }, TrustedKeyGroups: { Enabled: false, Quantity: 0 } },
    CacheBehaviors: { Quantity: 0, Items: [] },
  };
}

export function webAclArn(ctx: HandlerContext, scope: 'REGIONAL' | 'CLOUDFRONT', region: string, k: number): string {
  const kind = scope === 'CLOUDFRONT' ? 'global' : 'regional';
  return `arn:aws:wafv2:${region}:${ctx.account.id}:${kind}/webacl/acl-${k}/${uuidOf(ctx.account, `waf-${scope}`, region, k)}`;
}

/** How many web ACLs a scope has where the request is sent (CloudFront's live in us-east-1 only). */
function aclCount(ctx: HandlerContext, scope: string, region: string): number {
  if (scope === 'CLOUDFRONT') {
    if (region !== HOME_REGION) throw awsError('WAFInvalidParameterException', 'CLOUDFRONT scope is only in us-east-1');
    return ctx.account.spec.global.cloudFrontWebAcls;
  }
  return ctx.account.count('webAcls', region);
}

function aclOf(ctx: HandlerContext, scope: string, region: string, idOrArn: string): number {
  const id = idOrArn.split('/').pop() ?? '';
  const k = indexOfUuid(ctx.account, `waf-${scope}`, region, id);
  if (k === undefined || k >= aclCount(ctx, scope, region)) throw awsError('WAFNonexistentItemException', 'The referenced item does not exist.');
  return k;
}

const scopeOfArn = (arn: string) => (arn.includes(':global/') ? 'CLOUDFRONT' : 'REGIONAL');

export const globalHandlers: HandlerTable = {
  'Route53Client:ListHostedZones': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.zoneCount(), req.input.Marker, req.input.MaxItems);
    const zones = [];
    for (let z = p.start; z < p.end; z++) {
      zones.push({
        Id: `/hostedzone/${zoneId(ctx, z)}`,
        Name: zoneName(z),
        CallerReference: `ref-${z}`,
        Config: { PrivateZone: ctx.account.roll('private', z) < 0.2 },
        ResourceRecordSetCount: ctx.account.zoneSize(z),
      });
    }
    return { HostedZones: zones, IsTruncated: p.next !== undefined, MaxItems: 100, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'Route53Client:ListResourceRecordSets': (req, ctx) => {
    const z = zoneIndex(ctx, (str(req.input.HostedZoneId) ?? '').replace(/^\/hostedzone\//, ''));
    if (z === undefined) throw awsError('NoSuchHostedZone', 'No hosted zone found', 404);
    const size = ctx.account.zoneSize(z);
    const start = recordIndex(z, str(req.input.StartRecordName), str(req.input.StartRecordType));
    // Route 53 pages by record name, not by token: ask pageOf for the size only.
    const p = ctx.page(req.call, size - start, undefined, req.input.MaxItems);
    const records = [];
    for (let j = start + p.start; j < start + p.end; j++) records.push(record(ctx, z, j));
    const nextIndex = start + p.end;
    const next = nextIndex < size ? record(ctx, z, nextIndex) : undefined;
    return {
      ResourceRecordSets: records,
      IsTruncated: next !== undefined,
      MaxItems: 300,
      ...(next ? { NextRecordName: next.Name, NextRecordType: next.Type } : {}),
    };
  },
  'CloudFrontClient:ListDistributions': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.spec.global.distributions, req.input.Marker, req.input.MaxItems);
    const items = [];
    for (let d = p.start; d < p.end; d++) items.push({ ...distribution(ctx, d), LastModifiedTime: pastDate(ctx.account, 'cf', d) });
    return {
      DistributionList: { Marker: str(req.input.Marker) ?? '', MaxItems: 100, IsTruncated: p.next !== undefined, Quantity: items.length, Items: items, ...(p.next ? { NextMarker: p.next } : {}) },
    };
  },
  'CloudFrontClient:GetDistributionConfig': (req, ctx) => {
    const id = str(req.input.Id) ?? '';
    const d = Number(/(\d+)$/.exec(id)?.[1] ?? NaN);
    if (!Number.isInteger(d) || d >= ctx.account.spec.global.distributions || distribution(ctx, d).Id !== id) {
      throw awsError('NoSuchDistribution', 'The specified distribution does not exist.', 404);
    }
    const { Id: _id, ARN: _arn, DomainName: _dn, Status: _st, ...config } = distribution(ctx, d);
    const logging = ctx.account.roll('cflog', d) < 0.6;
    return {
      ETag: `E${d}`,
      DistributionConfig: { ...config, CallerReference: `cf-${d}`, Comment: '', Logging: { Enabled: logging, IncludeCookies: false, Bucket: logging ? `${ctx.account.bucketName(0)}.s3.amazonaws.com` : '', Prefix: logging ? `cf/${d}/` : '' } },
    };
  },
  'WAFV2Client:ListWebACLs': (req, ctx) => {
    const scope = str(req.input.Scope) ?? 'REGIONAL';
    const p = ctx.page(req.call, aclCount(ctx, scope, req.region), req.input.NextMarker, req.input.Limit);
    const acls = [];
    for (let k = p.start; k < p.end; k++) {
      const arn = webAclArn(ctx, scope as 'REGIONAL' | 'CLOUDFRONT', req.region, k);
      acls.push({ Name: `acl-${k}`, Id: arn.split('/').pop(), ARN: arn, Description: '', LockToken: `lock-${k}` });
    }
    return { WebACLs: acls, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  'WAFV2Client:GetWebACL': (req, ctx) => {
    const scope = str(req.input.Scope) ?? 'REGIONAL';
    const k = aclOf(ctx, scope, req.region, str(req.input.Id) ?? '');
    const arn = webAclArn(ctx, scope as 'REGIONAL' | 'CLOUDFRONT', req.region, k);
    const rules = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'].slice(0, 1 + (k % 3));
    return {
      LockToken: `lock-${k}`,
      WebACL: {
        Name: `acl-${k}`,
        Id: arn.split('/').pop(),
        ARN: arn,
        DefaultAction: k % 4 ? { Allow: {} } : { Block: {} },
        Rules: rules.map((name, i) => ({
          Name: name,
          Priority: i,
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
          OverrideAction: { None: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name },
        })),
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: `acl-${k}` },
        Capacity: 700,
      },
    };
  },
  'WAFV2Client:GetLoggingConfiguration': (req, ctx) => {
    const arn = str(req.input.ResourceArn) ?? '';
    const k = aclOf(ctx, scopeOfArn(arn), req.region, arn);
    if (k % 2) throw awsError('WAFNonexistentItemException', 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.');
    return { LoggingConfiguration: { ResourceArn: arn, LogDestinationConfigs: [`arn:aws:firehose:${req.region}:${ctx.account.id}:deliverystream/aws-waf-logs-${k}`] } };
  },
  'WAFV2Client:ListResourcesForWebACL': (req, ctx) => {
    const arn = str(req.input.WebACLArn) ?? '';
    const k = aclOf(ctx, 'REGIONAL', req.region, arn);
    const type = str(req.input.ResourceType) ?? 'APPLICATION_LOAD_BALANCER';
    if (type !== 'APPLICATION_LOAD_BALANCER') return { ResourceArns: [] };
    const lbs = ctx.account.count('loadBalancersV2', req.region);
    if (lbs === 0) return { ResourceArns: [] };
    const i = isNetworkLb(k % lbs) ? (k % lbs) - 1 : k % lbs;
    return { ResourceArns: [lbV2Arn(ctx.account, req.region, i)] };
  },
};

