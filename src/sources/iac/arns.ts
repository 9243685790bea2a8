/**
 * ARNs of declared resources, built as AWS builds them. Where AWS generates the id at deploy time
 * (security groups, instances, keys...), the template's own address stands in for it, so that
 * references between resources of one template still meet.
 */
export interface Where {
  partition: string;
  region: string;
  account: string;
}

const base = (w: Where, service: string, regional = true) =>
  `arn:${w.partition}:${service}:${regional ? w.region : ''}:${w.account}:`;

/** IAM paths start and end with a slash: '/' or '/division/'. */
export function iamPath(p: unknown): string {
  if (typeof p !== 'string' || p === '') return '/';
  return `${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;
}

export const arns = {
  bucket: (w: Where, name: string) => `arn:${w.partition}:s3:::${name}`,
  iam: (w: Where, kind: 'user' | 'group' | 'role' | 'policy' | 'instance-profile', name: string, path = '/') =>
    `${base(w, 'iam', false)}${kind}${iamPath(path)}${name}`,
  ec2: (w: Where, kind: string, id: string) => `${base(w, 'ec2')}${kind}/${id}`,
  rdsDb: (w: Where, id: string) => `${base(w, 'rds')}db:${id}`,
  rdsCluster: (w: Where, id: string) => `${base(w, 'rds')}cluster:${id}`,
  trail: (w: Where, name: string) => `${base(w, 'cloudtrail')}trail/${name}`,
  alarm: (w: Where, name: string) => `${base(w, 'cloudwatch')}alarm:${name}`,
  classicLb: (w: Where, name: string) => `${base(w, 'elasticloadbalancing')}loadbalancer/${name}`,
  lbV2: (w: Where, type: string, name: string, id: string) =>
    `${base(w, 'elasticloadbalancing')}loadbalancer/${type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app'}/${name}/${id}`,
  listener: (w: Where, id: string) => `${base(w, 'elasticloadbalancing')}listener/${id}`,
  targetGroup: (w: Where, name: string) => `${base(w, 'elasticloadbalancing')}targetgroup/${name}`,
  distribution: (w: Where, id: string) => `arn:${w.partition}:cloudfront::${w.account}:distribution/${id}`,
  webAcl: (w: Where, scope: 'REGIONAL' | 'CLOUDFRONT', name: string, id: string) =>
    `arn:${w.partition}:wafv2:${scope === 'CLOUDFRONT' ? 'us-east-1' : w.region}:${w.account}:${scope === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/${name}/${id}`,
  hostedZone: (w: Where, id: string) => `arn:${w.partition}:route53:::hostedzone/${id}`,
  detector: (w: Where, id: string) => `${base(w, 'guardduty')}detector/${id}`,
  firewall: (w: Where, name: string) => `${base(w, 'network-firewall')}firewall/${name}`,
  firewallPolicy: (w: Where, name: string) => `${base(w, 'network-firewall')}firewall-policy/${name}`,
  topic: (w: Where, name: string) => `${base(w, 'sns')}${name}`,
  subscription: (w: Where, topic: string, id: string) => `${base(w, 'sns')}${topic}:${id}`,
  kmsKey: (w: Where, id: string) => `${base(w, 'kms')}key/${id}`,
  kmsAlias: (w: Where, name: string) => `${base(w, 'kms')}${name.startsWith('alias/') ? name : `alias/${name}`}`,
  logGroup: (w: Where, name: string) => `${base(w, 'logs')}log-group:${name}:*`,
  vpnConnection: (w: Where, id: string) => `${base(w, 'ec2')}vpn-connection/${id}`,
};
