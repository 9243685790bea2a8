import type { Bucket, Distribution, Inventory, Origin } from '../../inventory/index.js';
import { missing } from '../helpers.js';
import { defineCheck, type CheckResult } from '../types.js';
import { behaviorsOf, distributionName, distributionResource, forEachDistribution } from '../cloudfront/distributions.js';
import { bucketsByName } from './buckets.js';
import { bucketExposure } from './exposure.js';
import { s3OriginKind } from './s3-origins.js';

type Msg = 'private' | 'bucketPublic' | 'noAccessControl' | 'website' | 'foreignBucket' | 'unknownBucket' | 'missing';

/** How CloudFront signs its requests to the bucket, if it does. */
function accessControl(o: Origin): string | undefined {
  if (o.originAccessControlId) return `origin access control ${o.originAccessControlId}`;
  if (o.s3OriginAccessIdentity) return `origin access identity ${o.s3OriginAccessIdentity.split('/').pop()} (legacy: origin access control is its successor)`;
  return undefined;
}

/** " Viewers need signed URLs or cookies (...)" when the behaviours serving this origin require them. */
function signing(d: Distribution, o: Origin): string {
  const behaviors = behaviorsOf(d).filter((b) => b.targetOriginId === o.id);
  const groups = [...new Set(behaviors.flatMap((b) => b.trustedKeyGroups))];
  const signers = [...new Set(behaviors.flatMap((b) => b.trustedSigners))];
  if (groups.length > 0) return ` Viewers need signed URLs or cookies (trusted key groups: ${groups.join(', ')}).`;
  if (signers.length > 0) return ` Viewers need signed URLs or cookies (trusted signers: ${signers.join(', ')}; trusted key groups are their successor).`;
  return '';
}

function judgeOrigin(inv: Inventory, buckets: Map<string, Bucket>, d: Distribution, o: Origin): CheckResult<Msg>[] {
  const kind = s3OriginKind(o);
  if (kind.kind === 'other') return [];
  const resource = distributionResource(d);
  const detail = `origin:${o.id}`;
  const data = { distribution: distributionName(d), origin: o.id, domain: o.domainName, bucket: kind.bucket ?? o.domainName, signing: signing(d, o) };
  if (kind.kind === 'website') return [{ status: 'fail', resource, detail, message: 'website', data }];
  const via = accessControl(o);
  if (!via) return [{ status: 'fail', resource, detail, message: 'noAccessControl', data }];
  const d2 = { ...data, via };
  if (!kind.bucket) return [{ status: 'unknown', resource, detail, message: 'unknownBucket', data: d2 }];
  const bucket = buckets.get(kind.bucket);
  if (!bucket) {
    const list = inv.s3.buckets;
    if (list.state !== 'ok' && list.state !== 'absent') return [missing(resource, list, `whether bucket ${kind.bucket} is public`, detail)];
    return [{ status: 'unknown', resource, detail, message: 'foreignBucket', data: d2 }];
  }
  const exposure = bucketExposure(inv, bucket);
  if (exposure.public === true) return [{ status: 'fail', resource, detail, message: 'bucketPublic', data: { ...d2, how: exposure.how } }];
  if (exposure.public === undefined) return [{ status: 'unknown', resource, detail, message: 'missing', data: { what: exposure.what, why: exposure.why } }];
  return [{ status: 'pass', resource, detail, message: 'private', data: d2 }];
}

export default defineCheck<Record<string, never>, Msg>({
  id: 's3.cloudfront-oai',
  title: 'S3 origins of CloudFront are reached through origin access control (or identity), and their buckets are not public',
  description:
    'Content in S3 should reach the internet only through CloudFront: the distribution signs its requests with origin access control (or the older origin access identity), the bucket policy lets only that in, and the bucket itself stays private, so viewers cannot bypass CloudFront (its HTTPS, WAF, signed URLs and logs). An S3 website endpoint cannot use either, so a bucket served that way must be public.',
  severity: 'high',
  guideIds: ['s3.cloudfront-oai'],
  needs: ['cloudfront.distributions', 's3.buckets', 's3.accountPublicAccessBlock'],
  permissions: [
    'cloudfront:ListDistributions',
    'cloudfront:GetDistributionConfig',
    's3:ListAllMyBuckets',
    's3:GetBucketPolicy',
    's3:GetBucketPolicyStatus',
    's3:GetBucketAcl',
    's3:GetBucketOwnershipControls',
    's3:GetBucketPublicAccessBlock',
    's3:GetAccountPublicAccessBlock',
  ],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['CloudFront.13'] },
  remediation: {
    text: 'Create an origin access control, attach it to the S3 origin (use the bucket\'s REST endpoint, not its website endpoint), grant s3:GetObject in the bucket policy to the cloudfront.amazonaws.com service principal with AWS:SourceArn set to the distribution, then remove public statements and turn Block Public Access on. For private content, require signed URLs or cookies with a trusted key group.',
    cli: 'aws cloudfront create-origin-access-control --origin-access-control-config Name=site-oac,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3\n# In the distribution config: Origins.Items[].OriginAccessControlId = the new id, S3OriginConfig.OriginAccessIdentity = ""\naws cloudfront update-distribution --id DISTRIBUTION_ID --if-match ETAG --distribution-config file://config-only.json\naws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      'SiteOac:\n  Type: AWS::CloudFront::OriginAccessControl\n  Properties:\n    OriginAccessControlConfig:\n      Name: site-oac\n      OriginAccessControlOriginType: s3\n      SigningBehavior: always\n      SigningProtocol: sigv4\n# In the distribution:\nOrigins:\n  - Id: site\n    DomainName: !GetAtt SiteBucket.RegionalDomainName\n    OriginAccessControlId: !GetAtt SiteOac.Id\n    S3OriginConfig:\n      OriginAccessIdentity: ""',
    terraform:
      'resource "aws_cloudfront_origin_access_control" "site" {\n  name                              = "site-oac"\n  origin_access_control_origin_type = "s3"\n  signing_behavior                  = "always"\n  signing_protocol                  = "sigv4"\n}\n\n# in aws_cloudfront_distribution:\norigin {\n  origin_id                = "site"\n  domain_name              = aws_s3_bucket.site.bucket_regional_domain_name\n  origin_access_control_id = aws_cloudfront_origin_access_control.site.id\n}',
  },
  messages: {
    private: 'Distribution {{distribution}} reaches bucket {{bucket}} (origin {{origin}}) through {{via}}, and the bucket is not public.{{signing}}',
    bucketPublic:
      'Distribution {{distribution}} reaches bucket {{bucket}} (origin {{origin}}) through {{via}}, but the bucket is public through {{how}}: viewers can bypass CloudFront.{{signing}}',
    noAccessControl:
      'Distribution {{distribution}} reaches bucket {{bucket}} (origin {{origin}}, {{domain}}) without origin access control or identity: the bucket must be public for CloudFront to read it.{{signing}}',
    website:
      'Distribution {{distribution}} serves origin {{origin}} from the S3 website endpoint of bucket {{bucket}} ({{domain}}), which cannot use origin access control or identity: the bucket must be public. Use the REST endpoint with origin access control.{{signing}}',
    foreignBucket:
      'Distribution {{distribution}} reaches bucket {{bucket}} (origin {{origin}}) through {{via}}; the bucket is not among this account\'s buckets (another account\'s, or deleted), so whether it is public was not checked.{{signing}}',
    unknownBucket:
      'Distribution {{distribution}} reaches an S3 origin {{origin}} ({{domain}}) through {{via}}; no bucket name can be read from that domain, so whether the bucket is public was not checked.{{signing}}',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const buckets = bucketsByName(inventory);
    return forEachDistribution<Msg>(inventory, (d) => d.origins.flatMap((o) => judgeOrigin(inventory, buckets, d, o)));
  },
});
