import { absent, ok, type CacheBehavior, type Distribution, type Origin, type WebAcl } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, isStr, type FieldReader } from '../../iac/fields.js';
import { isUnknown } from '../../iac/value.js';
import { blocks, declared, fieldsOf, knownStrings, optStr, rec, str, type TfMapper } from './context.js';

function behavior(f: FieldReader, b: Record<string, unknown>, path: string, prop: string): CacheBehavior {
  return {
    pathPattern: str(b.path_pattern) ?? path,
    targetOriginId: str(b.target_origin_id) ?? '',
    // A deploy-time policy is read as https-only (allow-all at worst); the distribution is deferred.
    viewerProtocolPolicy: f.plain(`cache behavior ${path} viewer_protocol_policy`, b.viewer_protocol_policy, 'https-only', isStr, { prop: `${prop}.viewerProtocolPolicy`, value: 'allow-all' }),
    trustedSigners: knownStrings(f, 'trusted_signers', b.trusted_signers),
    trustedKeyGroups: knownStrings(f, 'trusted_key_groups', b.trusted_key_groups),
  };
}

const distribution: TfMapper = (m) => {
  const c = m.cfg;
  const id = String(c.id ?? m.address);
  const arn = arns.distribution(m.where, id);
  const f = fieldsOf(m, arn);
  const vc = rec(blocks(c.viewer_certificate)[0]);
  const custom = str(vc.acm_certificate_arn) !== undefined || str(vc.iam_certificate_id) !== undefined;
  const origins: Origin[] = blocks(c.origin).flatMap((x, i) => {
    if (isUnknown(x)) {
      f.defer('origin', x);
      return [];
    }
    const s3 = blocks(x.s3_origin_config)[0];
    const co = blocks(x.custom_origin_config)[0];
    const oac = str(x.origin_access_control_id);
    return [
      {
        id: str(x.origin_id) ?? '',
        domainName: f.plain(`origin ${String(x.origin_id)} domain_name`, x.domain_name, '', isStr),
        ...(str(x.origin_path) ? { originPath: str(x.origin_path) } : {}),
        hasS3OriginConfig: s3 !== undefined,
        ...(s3 !== undefined ? { s3OriginAccessIdentity: str(rec(s3).origin_access_identity) ?? '' } : {}),
        ...(oac ? { originAccessControlId: oac } : {}),
        ...(co !== undefined
          ? {
              custom: {
                originProtocolPolicy: f.plain(`origin ${String(x.origin_id)} origin_protocol_policy`, rec(co).origin_protocol_policy, 'https-only', isStr, { prop: `origins.${i}.custom.originProtocolPolicy`, value: 'http-only' }),
                originSslProtocols: knownStrings(f, 'origin_ssl_protocols', rec(co).origin_ssl_protocols),
              },
            }
          : {}),
      },
    ];
  });
  const log = blocks(c.logging_config)[0];
  const waf = optStr(f, 'web_acl_id', c.web_acl_id, 'deploy-time web ACL');
  const d: Distribution = {
    ...declared(m),
    id,
    arn,
    aliases: knownStrings(f, 'aliases', c.aliases),
    enabled: f.bool('enabled', c.enabled, true, true, 'enabled'),
    ...(waf ? { webAclId: waf } : {}),
    viewerCertificate: {
      cloudFrontDefaultCertificate: !custom && asBool(vc.cloudfront_default_certificate) !== false,
      ...(str(vc.acm_certificate_arn) ? { acmCertificateArn: str(vc.acm_certificate_arn) } : {}),
      ...(str(vc.iam_certificate_id) ? { iamCertificateId: str(vc.iam_certificate_id) } : {}),
      ...(str(vc.ssl_support_method) ? { sslSupportMethod: str(vc.ssl_support_method) } : {}),
      // The provider's default is TLSv1.
      minimumProtocolVersion: str(vc.minimum_protocol_version) ?? 'TLSv1',
    },
    origins,
    defaultCacheBehavior: behavior(f, rec(blocks(c.default_cache_behavior)[0]), '*', 'defaultCacheBehavior'),
    cacheBehaviors: blocks(c.ordered_cache_behavior).map((b, i) => behavior(f, rec(b), str(rec(b).path_pattern) ?? `#${i + 1}`, `cacheBehaviors.${i}`)),
    ...(log !== undefined ? { logging: { enabled: true, ...(str(rec(log).bucket) ? { bucket: str(rec(log).bucket) } : {}), ...(str(rec(log).prefix) ? { prefix: str(rec(log).prefix) } : {}) } } : {}),
    tags: {},
  };
  m.c.distributions.push(d);
};

const webAcl: TfMapper = (m) => {
  const c = m.cfg;
  const scope = c.scope === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL';
  const name = String(c.name ?? m.address);
  const arn = String(c.arn ?? arns.webAcl(m.where, scope, name, m.address));
  const acl: WebAcl = {
    ...declared(m),
    arn,
    id: String(c.id ?? m.address),
    name,
    scope,
    defaultAction: blocks(rec(blocks(c.default_action)[0]).block).length ? 'block' : 'allow',
    rules: blocks(c.rule).flatMap((r) => {
      if (isUnknown(r)) return [];
      const priority = asNum(r.priority);
      const kind = Object.keys(rec(blocks(r.statement)[0])).find((k) => blocks(rec(blocks(r.statement)[0])[k]).length > 0);
      return [{ name: str(r.name) ?? '', ...(typeof priority === 'number' ? { priority } : {}), ...(kind ? { kind } : {}) }];
    }),
    logging: absent(),
    associatedResources: ok([]),
  };
  if (scope === 'CLOUDFRONT') m.c.globalWebAcls.push(acl);
  else m.c.region(m.where.region).webAcls.push(acl);
};

export const edgeMappers: Record<string, TfMapper> = {
  aws_cloudfront_distribution: distribution,
  aws_wafv2_web_acl: webAcl,
  aws_wafv2_web_acl_association: (m) => {
    const acl = str(m.cfg.web_acl_arn);
    const res = str(m.cfg.resource_arn);
    if (acl && res) m.c.region(m.where.region).wafAssociations.push({ webAclArn: acl, resourceArn: res });
  },
  aws_wafv2_web_acl_logging_configuration: (m) => {
    const acl = str(m.cfg.resource_arn);
    if (acl) m.c.region(m.where.region).wafLogging.push({ webAclArn: acl, destinations: knownStrings(fieldsOf(m, acl), 'log_destination_configs', m.cfg.log_destination_configs) });
  },
};
