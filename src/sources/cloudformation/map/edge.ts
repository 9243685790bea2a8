import { absent, ok, type CacheBehavior, type Distribution, type Origin, type WebAcl } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStr, type FieldReader } from '../../iac/fields.js';
import { knownStrings } from './ec2.js';
import { isUnknown } from '../../iac/value.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function behavior(f: FieldReader, o: Record<string, unknown>, path: string, prop: string): CacheBehavior {
  return {
    pathPattern: str(o.PathPattern) ?? path,
    targetOriginId: str(o.TargetOriginId) ?? '',
    // A deploy-time policy is read as https-only (allow-all at worst); the distribution is deferred.
    viewerProtocolPolicy: f.plain(`cache behavior ${path} ViewerProtocolPolicy`, o.ViewerProtocolPolicy, 'https-only', (x): x is string => typeof x === 'string', { prop: `${prop}.viewerProtocolPolicy`, value: 'allow-all' }),
    trustedSigners: knownStrings(f, 'TrustedSigners', o.TrustedSigners),
    trustedKeyGroups: knownStrings(f, 'TrustedKeyGroups', o.TrustedKeyGroups),
  };
}

const distribution: Mapper = (m) => {
  const cfg = obj(m.props.DistributionConfig);
  const id = m.logicalId;
  const arn = arns.distribution(m.where, id);
  const f = fieldsOf(m, arn);
  const vc = obj(cfg.ViewerCertificate);
  const custom = str(vc.AcmCertificateArn) !== undefined || str(vc.IamCertificateId) !== undefined;
  const origins: Origin[] = list(cfg.Origins).map((o, i) => {
    const x = obj(o);
    const s3 = x.S3OriginConfig !== undefined ? obj(x.S3OriginConfig) : undefined;
    const c = x.CustomOriginConfig !== undefined ? obj(x.CustomOriginConfig) : undefined;
    // A deploy-time OAC id still means an OAC is in use; the distribution is deferred.
    const oac = x.OriginAccessControlId === undefined ? undefined : f.plain('OriginAccessControlId', x.OriginAccessControlId, 'deploy-time', (v): v is string => typeof v === 'string', { prop: `origins.${i}.originAccessControlId`, value: undefined });
    return {
      id: str(x.Id) ?? '',
      domainName: f.plain(`origin ${String(x.Id)} DomainName`, x.DomainName, '', (v): v is string => typeof v === 'string'),
      ...(str(x.OriginPath) ? { originPath: str(x.OriginPath) } : {}),
      hasS3OriginConfig: s3 !== undefined,
      ...(s3 ? { s3OriginAccessIdentity: str(s3.OriginAccessIdentity) ?? '' } : {}),
      ...(oac ? { originAccessControlId: oac } : {}),
      ...(c
        ? {
            custom: {
              originProtocolPolicy: f.plain(`origin ${String(x.Id)} OriginProtocolPolicy`, c.OriginProtocolPolicy, 'https-only', (v): v is string => typeof v === 'string', { prop: `origins.${i}.custom.originProtocolPolicy`, value: 'http-only' }),
              originSslProtocols: knownStrings(f, 'OriginSSLProtocols', c.OriginSSLProtocols),
            },
          }
        : {}),
    };
  });
  const log = cfg.Logging !== undefined ? obj(cfg.Logging) : undefined;
  // A deploy-time web ACL is still one.
  const waf = isUnknown(cfg.WebACLId) ? 'deploy-time web ACL' : asStr(cfg.WebACLId);
  const d: Distribution = {
    ...declared(m),
    id,
    arn,
    aliases: knownStrings(f, 'Aliases', cfg.Aliases),
    enabled: f.bool('Enabled', cfg.Enabled, true, true, 'enabled'),
    ...(typeof waf === 'string' && waf !== '' ? { webAclId: waf } : {}),
    viewerCertificate: {
      cloudFrontDefaultCertificate: !custom && asBool(vc.CloudFrontDefaultCertificate) !== false,
      ...(str(vc.AcmCertificateArn) ? { acmCertificateArn: str(vc.AcmCertificateArn) } : {}),
      ...(str(vc.IamCertificateId) ? { iamCertificateId: str(vc.IamCertificateId) } : {}),
      ...(str(vc.SslSupportMethod) ? { sslSupportMethod: str(vc.SslSupportMethod) } : {}),
      // CloudFront's default when unset: TLSv1 (the default certificate always allows TLSv1).
      minimumProtocolVersion: str(vc.MinimumProtocolVersion) ?? 'TLSv1',
    },
    origins,
    defaultCacheBehavior: behavior(f, obj(cfg.DefaultCacheBehavior), '*', 'defaultCacheBehavior'),
    cacheBehaviors: list(cfg.CacheBehaviors).map((b, i) => behavior(f, obj(b), `#${i + 1}`, `cacheBehaviors.${i}`)),
    ...(log ? { logging: { enabled: true, ...(str(log.Bucket) ? { bucket: str(log.Bucket) } : {}), ...(str(log.Prefix) ? { prefix: str(log.Prefix) } : {}) } } : {}),
    tags: {},
  };
  m.c.distributions.push(d);
};

const webAcl: Mapper = (m) => {
  const p = m.props;
  const scope = p.Scope === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL';
  const name = str(p.Name) ?? m.logicalId;
  const arn = arns.webAcl(m.where, scope, name, m.logicalId);
  const rules = list(p.Rules).map((r) => {
    const o = obj(r);
    const priority = asNum(o.Priority);
    const kind = Object.keys(obj(o.Statement))[0];
    return { name: str(o.Name) ?? '', ...(typeof priority === 'number' ? { priority } : {}), ...(kind ? { kind } : {}) };
  });
  const acl: WebAcl = {
    ...declared(m),
    arn,
    id: m.logicalId,
    name,
    scope,
    defaultAction: obj(p.DefaultAction).Block !== undefined ? 'block' : 'allow',
    rules,
    logging: absent(),
    associatedResources: ok([]),
  };
  if (scope === 'CLOUDFRONT') m.c.globalWebAcls.push(acl);
  else m.c.region(m.where.region).webAcls.push(acl);
};

const association: Mapper = (m) => {
  const acl = str(m.props.WebACLArn);
  const res = str(m.props.ResourceArn);
  if (acl && res) m.c.region(m.where.region).wafAssociations.push({ webAclArn: acl, resourceArn: res });
};

const logging: Mapper = (m) => {
  const acl = str(m.props.ResourceArn);
  if (!acl) return;
  const dest = knownStrings(fieldsOf(m, acl), 'LogDestinationConfigs', m.props.LogDestinationConfigs);
  m.c.region(m.where.region).wafLogging.push({ webAclArn: acl, destinations: dest });
};

export const edgeMappers: Record<string, Mapper> = {
  'AWS::CloudFront::Distribution': distribution,
  'AWS::WAFv2::WebACL': webAcl,
  'AWS::WAFv2::WebACLAssociation': association,
  'AWS::WAFv2::LoggingConfiguration': logging,
};
