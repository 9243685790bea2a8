import type { Distribution, Origin } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { behaviorLabel, behaviorsOf, distributionName, distributionResource, forEachDistribution } from './distributions.js';

const HTTPS_VIEWER = new Set(['redirect-to-https', 'https-only']);
/** S3 website endpoints are custom origins that only speak HTTP. */
const S3_WEBSITE = /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$/i;

type Msg =
  | 'viewerHttps'
  | 'viewerHttp'
  | 'viewerOdd'
  | 'originHttps'
  | 'originHttpOnly'
  | 'originWebsite'
  | 'originMatchViewer'
  | 'originSslv3'
  | 'originOdd'
  | 'missing';

const list = (xs: string[]) => xs.join(', ');

function viewerResult(d: Distribution): CheckResult<Msg> {
  const resource = distributionResource(d);
  const base = { resource, detail: 'viewer', data: { distribution: distributionName(d) } };
  const behaviors = behaviorsOf(d);
  const open = behaviors.filter((b) => b.viewerProtocolPolicy === 'allow-all');
  if (open.length > 0) {
    return { ...base, status: 'fail', message: 'viewerHttp', data: { ...base.data, behaviors: list(open.map((b) => behaviorLabel(b.pathPattern))) } };
  }
  const odd = behaviors.filter((b) => !HTTPS_VIEWER.has(b.viewerProtocolPolicy));
  if (odd.length > 0) {
    const shown = odd.map((b) => `${behaviorLabel(b.pathPattern)}: "${b.viewerProtocolPolicy}"`);
    return { ...base, status: 'unknown', message: 'viewerOdd', data: { ...base.data, behaviors: list(shown) } };
  }
  return { ...base, status: 'pass', message: 'viewerHttps', data: { ...base.data, count: behaviors.length } };
}

/**
 * Behaviours whose requests may reach this origin: those that target it, and those that target an
 * id that is no origin (an origin group, which the inventory does not resolve), to stay on the safe side.
 */
function behaviorsReaching(d: Distribution, o: Origin) {
  const ids = new Set(d.origins.map((x) => x.id));
  return behaviorsOf(d).filter((b) => b.targetOriginId === o.id || !ids.has(b.targetOriginId));
}

function originResult(d: Distribution, o: Origin): CheckResult<Msg> | undefined {
  if (!o.custom) return undefined; // S3 REST origins follow the viewer's protocol; the viewer result covers them
  const data = { distribution: distributionName(d), origin: o.id, domain: o.domainName, policy: o.custom.originProtocolPolicy };
  const base = { resource: distributionResource(d), detail: `origin:${o.id}`, data };
  switch (o.custom.originProtocolPolicy) {
    case 'http-only':
      return S3_WEBSITE.test(o.domainName)
        ? { ...base, status: 'fail', message: 'originWebsite' }
        : { ...base, status: 'fail', message: 'originHttpOnly' };
    case 'match-viewer': {
      const open = behaviorsReaching(d, o).filter((b) => b.viewerProtocolPolicy === 'allow-all');
      if (open.length > 0) {
        return { ...base, status: 'fail', message: 'originMatchViewer', data: { ...data, behaviors: list(open.map((b) => behaviorLabel(b.pathPattern))) } };
      }
      break;
    }
    case 'https-only':
      break;
    default:
      return { ...base, status: 'unknown', message: 'originOdd' };
  }
  // HTTPS to the origin: SSLv3 still allowed is the remaining weakness (FSBP CloudFront.10).
  if (o.custom.originSslProtocols.some((p) => p.toUpperCase() === 'SSLV3')) {
    return { ...base, status: 'fail', message: 'originSslv3', data: { ...data, protocols: list(o.custom.originSslProtocols) } };
  }
  return { ...base, status: 'pass', message: 'originHttps' };
}

export default defineCheck({
  id: 'cloudfront.https',
  title: 'Viewers reach distributions over HTTPS only, and CloudFront reaches custom origins over HTTPS',
  description:
    'A cache behaviour with viewer protocol policy allow-all serves content over plain HTTP, where it can be read and changed in transit. Behind CloudFront, a custom origin reached over HTTP (http-only, or match-viewer while viewers may use HTTP) carries the same traffic unencrypted across the internet.',
  severity: 'medium',
  guideIds: ['cloudfront.https'],
  needs: ['cloudfront.distributions'],
  permissions: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['CloudFront.3', 'CloudFront.9', 'CloudFront.10'] },
  remediation: {
    text: 'Set the viewer protocol policy of every cache behaviour to redirect-to-https (or https-only for APIs), and the origin protocol policy of custom origins to https-only with TLSv1.2 as the only origin SSL protocol. An S3 website endpoint cannot speak HTTPS: use the bucket\'s REST endpoint with origin access control instead.',
    cli: '# Edit the configuration and send it back with its ETag:\naws cloudfront get-distribution-config --id DISTRIBUTION_ID > dist.json\n# In DistributionConfig: DefaultCacheBehavior.ViewerProtocolPolicy = "redirect-to-https" (and every CacheBehaviors item),\n# Origins.Items[].CustomOriginConfig.OriginProtocolPolicy = "https-only", OriginSslProtocols.Items = ["TLSv1.2"]\naws cloudfront update-distribution --id DISTRIBUTION_ID --if-match ETAG --distribution-config file://config-only.json',
    cloudformation:
      'DefaultCacheBehavior:\n  ViewerProtocolPolicy: redirect-to-https\nOrigins:\n  - Id: app\n    DomainName: app.example.com\n    CustomOriginConfig:\n      OriginProtocolPolicy: https-only\n      OriginSSLProtocols: [TLSv1.2]',
    terraform:
      'default_cache_behavior {\n  viewer_protocol_policy = "redirect-to-https"\n  # ...\n}\norigin {\n  origin_id   = "app"\n  domain_name = "app.example.com"\n  custom_origin_config {\n    http_port              = 80\n    https_port             = 443\n    origin_protocol_policy = "https-only"\n    origin_ssl_protocols   = ["TLSv1.2"]\n  }\n}',
  },
  messages: {
    viewerHttps: 'Distribution {{distribution}} redirects or requires HTTPS on all {{count}} cache behaviour(s).',
    viewerHttp: 'Distribution {{distribution}} serves plain HTTP (viewer protocol policy allow-all) on {{behaviors}}.',
    viewerOdd: 'Distribution {{distribution}} has viewer protocol policies Rampart does not know: {{behaviors}}.',
    originHttps: 'Distribution {{distribution}} reaches custom origin {{origin}} ({{domain}}) over HTTPS ({{policy}}).',
    originHttpOnly: 'Distribution {{distribution}} reaches custom origin {{origin}} ({{domain}}) over plain HTTP (origin protocol policy http-only).',
    originWebsite:
      'Distribution {{distribution}} reaches origin {{origin}} ({{domain}}), an S3 website endpoint, over plain HTTP: website endpoints do not support HTTPS. Use the bucket\'s REST endpoint with origin access control.',
    originMatchViewer:
      'Distribution {{distribution}} reaches custom origin {{origin}} ({{domain}}) with match-viewer while {{behaviors}} allow HTTP viewers: those requests travel to the origin unencrypted.',
    originSslv3: 'Distribution {{distribution}} still allows SSLv3 towards custom origin {{origin}} ({{domain}}): origin SSL protocols {{protocols}}.',
    originOdd: 'Distribution {{distribution}} has origin protocol policy "{{policy}}" for custom origin {{origin}}, which Rampart does not know.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachDistribution<Msg>(inventory, (d) => [
      viewerResult(d),
      ...d.origins.map((o) => originResult(d, o)).filter((r): r is CheckResult<Msg> => r !== undefined),
    ]);
  },
});
