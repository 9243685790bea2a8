import { arns, iamPath, type Where } from '../iac/arns.js';
import { Unknown, isUnknown } from '../iac/value.js';
import type { TfValue } from './eval/values.js';

const known = (v: TfValue): v is string => typeof v === 'string' && v !== '';

/**
 * The attributes a provider computes for a resource that its configuration does not set, as far
 * as they can be known before apply: names from the configuration, ARNs built from them, and,
 * for ids AWS generates, the resource's address, so that references between resources meet.
 * Anything else reads as Unknown (see openObject).
 */
export function computedAttributes(type: string, address: string, cfg: Record<string, TfValue>, w: Where): Record<string, TfValue> {
  const name = (key: string) => (known(cfg[key]) ? (cfg[key] as string) : isUnknown(cfg[key]) ? (cfg[key] as Unknown) : address);
  const str = (v: TfValue) => (isUnknown(v) ? v : String(v));
  const lift = (v: TfValue, f: (s: string) => TfValue) => (isUnknown(v) ? v : f(String(v)));
  switch (type) {
    case 'aws_s3_bucket': {
      const n = name('bucket');
      return {
        id: n,
        bucket: n,
        arn: lift(n, (s) => arns.bucket(w, s)),
        bucket_domain_name: lift(n, (s) => `${s}.s3.amazonaws.com`),
        bucket_regional_domain_name: lift(n, (s) => `${s}.s3.${w.region}.amazonaws.com`),
        region: w.region,
      };
    }
    case 'aws_iam_role':
    case 'aws_iam_user':
    case 'aws_iam_group':
    case 'aws_iam_instance_profile': {
      const n = name('name');
      const kind = type === 'aws_iam_instance_profile' ? 'instance-profile' : (type.slice(8) as 'role' | 'user' | 'group');
      return { id: n, name: n, arn: lift(n, (s) => arns.iam(w, kind, s, iamPath(cfg.path))) };
    }
    case 'aws_iam_policy': {
      const n = name('name');
      const arn = lift(n, (s) => arns.iam(w, 'policy', s, iamPath(cfg.path)));
      return { id: arn, name: n, arn };
    }
    case 'aws_security_group':
    case 'aws_default_security_group':
      return { id: address, arn: arns.ec2(w, 'security-group', address), owner_id: w.account, name: type === 'aws_default_security_group' ? 'default' : name('name') };
    case 'aws_instance':
      return { id: address, arn: arns.ec2(w, 'instance', address) };
    case 'aws_ebs_volume':
      return { id: address, arn: arns.ec2(w, 'volume', address) };
    case 'aws_vpc':
    case 'aws_default_vpc':
      return { id: address, arn: arns.ec2(w, 'vpc', address), owner_id: w.account };
    case 'aws_subnet':
      return { id: address, arn: arns.ec2(w, 'subnet', address) };
    case 'aws_db_instance':
    case 'aws_rds_cluster_instance': {
      const n = name('identifier');
      return { id: n, identifier: n, arn: lift(n, (s) => arns.rdsDb(w, s)) };
    }
    case 'aws_rds_cluster': {
      const n = name('cluster_identifier');
      return { id: n, cluster_identifier: n, arn: lift(n, (s) => arns.rdsCluster(w, s)) };
    }
    case 'aws_cloudtrail': {
      const n = name('name');
      return { id: n, name: n, arn: lift(n, (s) => arns.trail(w, s)), home_region: w.region };
    }
    case 'aws_cloudwatch_metric_alarm': {
      const n = name('alarm_name');
      return { id: n, alarm_name: n, arn: lift(n, (s) => arns.alarm(w, s)) };
    }
    case 'aws_sns_topic': {
      const n = name('name');
      const arn = lift(n, (s) => arns.topic(w, s));
      return { id: arn, name: n, arn };
    }
    case 'aws_kms_key':
      return { id: address, key_id: address, arn: arns.kmsKey(w, address) };
    case 'aws_kms_alias':
      return { id: str(cfg.name ?? address), arn: lift(cfg.name ?? address, (s) => arns.kmsAlias(w, s)) };
    case 'aws_lb':
    case 'aws_alb': {
      const n = name('name');
      const arn = lift(n, (s) => arns.lbV2(w, known(cfg.load_balancer_type) ? (cfg.load_balancer_type as string) : 'application', s, address));
      return { id: arn, arn, name: n };
    }
    case 'aws_lb_listener':
    case 'aws_alb_listener':
      return { id: arns.listener(w, address), arn: arns.listener(w, address) };
    case 'aws_lb_target_group':
    case 'aws_alb_target_group': {
      const arn = lift(name('name'), (s) => arns.targetGroup(w, s));
      return { id: arn, arn };
    }
    case 'aws_elb': {
      const n = name('name');
      return { id: n, name: n, arn: lift(n, (s) => arns.classicLb(w, s)) };
    }
    case 'aws_wafv2_web_acl':
      return { id: address, arn: lift(name('name'), (s) => arns.webAcl(w, cfg.scope === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL', s, address)) };
    case 'aws_cloudfront_distribution':
      return { id: address, arn: arns.distribution(w, address) };
    case 'aws_cloudfront_origin_access_identity':
      return { id: address, cloudfront_access_identity_path: `origin-access-identity/cloudfront/${address}`, iam_arn: `arn:${w.partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${address}` };
    case 'aws_route53_zone':
      return { id: address, zone_id: address, arn: arns.hostedZone(w, address) };
    case 'aws_guardduty_detector':
      return { id: address, arn: arns.detector(w, address), account_id: w.account };
    case 'aws_networkfirewall_firewall': {
      const arn = lift(name('name'), (s) => arns.firewall(w, s));
      return { id: arn, arn };
    }
    case 'aws_networkfirewall_firewall_policy': {
      const arn = lift(name('name'), (s) => arns.firewallPolicy(w, s));
      return { id: arn, arn };
    }
    case 'aws_cloudwatch_log_group': {
      const n = name('name');
      return { id: n, name: n, arn: lift(n, (s) => arns.logGroup(w, s).replace(/:\*$/, '')) };
    }
    case 'aws_vpn_connection':
      return { id: address, arn: arns.vpnConnection(w, address) };
    default:
      if (type.startsWith('aws_s3_bucket_') && cfg.bucket !== undefined) return { id: cfg.bucket };
      return { id: address };
  }
}
