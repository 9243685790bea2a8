import { z } from 'zod';
import type { Distribution } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { distributionName, distributionResource, forEachDistribution } from './distributions.js';
import { meetsMinimum, tlsPolicyRank } from './tls-policy.js';

const Options = z.object({
  /** The weakest viewer security policy accepted. */
  minimumProtocolVersion: z
    .string()
    .refine((v) => tlsPolicyRank(v) !== undefined, 'a CloudFront security policy such as TLSv1.2_2021')
    .default('TLSv1.2_2021'),
});
type Options = z.infer<typeof Options>;

type Msg = 'good' | 'bad' | 'noPolicy' | 'oddPolicy' | 'missing';

function shownAliases(d: Distribution): string {
  const [first, second, ...rest] = d.aliases;
  return [first, second].filter(Boolean).join(', ') + (rest.length ? ` and ${rest.length} more` : '');
}

function judge(d: Distribution, opts: Options): CheckResult<Msg>[] {
  if (d.aliases.length === 0) return []; // the *.cloudfront.net name needs no certificate of its own
  const vc = d.viewerCertificate;
  const resource = distributionResource(d);
  const data = { distribution: distributionName(d), aliases: shownAliases(d), minimum: opts.minimumProtocolVersion };
  const problems: string[] = [];
  const cert = vc.acmCertificateArn ? 'an ACM certificate' : vc.iamCertificateId ? 'an IAM server certificate' : undefined;
  if (!cert || vc.cloudFrontDefaultCertificate) problems.push('it uses the default *.cloudfront.net certificate, which does not match its alternate domain names');
  if (cert && vc.sslSupportMethod !== 'sni-only') {
    problems.push(`it serves HTTPS with SSL support method "${vc.sslSupportMethod ?? 'not set'}" instead of sni-only (dedicated IP addresses are legacy and billed monthly)`);
  }
  const policy = vc.minimumProtocolVersion;
  const meets = policy === undefined ? undefined : meetsMinimum(policy, opts.minimumProtocolVersion);
  if (meets === false) problems.push(`its minimum protocol version ${policy} is below ${opts.minimumProtocolVersion}`);
  if (problems.length > 0) return [{ status: 'fail', resource, message: 'bad', data: { ...data, problems: problems.join('; ') } }];
  // Everything else is right, but the TLS floor could not be judged: never a pass.
  if (policy === undefined) return [{ status: 'unknown', resource, message: 'noPolicy', data }];
  if (meets === undefined) return [{ status: 'unknown', resource, message: 'oddPolicy', data: { ...data, policy } }];
  return [{ status: 'pass', resource, message: 'good', data: { ...data, cert: cert ?? 'a certificate', policy } }];
}

export default defineCheck<Options, Msg>({
  id: 'cloudfront.custom-certificate',
  title: 'Distributions with their own host names use a custom certificate with SNI and a current minimum TLS version',
  description:
    'A distribution that answers for its own domain names needs a certificate for them (from ACM, or uploaded to IAM), served with SNI, and a viewer security policy that refuses old TLS versions and weak ciphers. The default *.cloudfront.net certificate does not match alternate domain names, and a policy below TLSv1.2_2021 still accepts TLS 1.0/1.1 or weak ciphers.',
  severity: 'medium',
  guideIds: ['cloudfront.custom-certificate'],
  needs: ['cloudfront.distributions'],
  permissions: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['CloudFront.7', 'CloudFront.8', 'CloudFront.15'] },
  remediation: {
    text: 'Request a certificate for the alternate domain names in ACM in us-east-1, attach it to the distribution with SSL support method sni-only, and set the security policy to TLSv1.2_2021 or later.',
    cli: 'aws acm request-certificate --region us-east-1 --domain-name cdn.example.com --validation-method DNS\naws cloudfront get-distribution-config --id DISTRIBUTION_ID > dist.json\n# In DistributionConfig.ViewerCertificate: ACMCertificateArn = the ARN, SSLSupportMethod = "sni-only",\n# MinimumProtocolVersion = "TLSv1.2_2021", CloudFrontDefaultCertificate = false\naws cloudfront update-distribution --id DISTRIBUTION_ID --if-match ETAG --distribution-config file://config-only.json',
    cloudformation:
      'ViewerCertificate:\n  AcmCertificateArn: !Ref CdnCertificate   # issued in us-east-1\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: TLSv1.2_2021',
    terraform:
      'viewer_certificate {\n  acm_certificate_arn      = aws_acm_certificate.cdn.arn # us-east-1\n  ssl_support_method       = "sni-only"\n  minimum_protocol_version = "TLSv1.2_2021"\n}',
  },
  messages: {
    good: 'Distribution {{distribution}} serves {{aliases}} with {{cert}}, SNI, and minimum protocol version {{policy}} (at least {{minimum}}).',
    bad: 'Distribution {{distribution}} serves {{aliases}}, but {{problems}}.',
    noPolicy: 'Distribution {{distribution}} serves {{aliases}}; its minimum protocol version is not recorded, so it cannot be compared with {{minimum}}.',
    oddPolicy: 'Distribution {{distribution}} serves {{aliases}} with minimum protocol version "{{policy}}", which Rampart cannot compare with {{minimum}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    return forEachDistribution<Msg>(inventory, (d) => judge(d, options));
  },
});
