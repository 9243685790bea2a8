import type { Distribution, Inventory, LoadBalancerV2, RegionalInventory, WebAcl } from '../../inventory/index.js';
import { forEachRegional, missing } from '../helpers.js';
import { defineCheck, type CheckResult, type ComplianceRefs, type ResourceRef } from '../types.js';
import { distributionName, distributionResource, forEachDistribution } from '../cloudfront/distributions.js';

type Msg = 'cfProtected' | 'cfClassic' | 'cfUnprotected' | 'albProtected' | 'albUnprotected' | 'missing';

// CloudFront.6 is about distributions only; the ALB half is Security Hub's ELB.16 (outside FSBP's status).
const CLOUDFRONT_REFS: ComplianceRefs = { fsbp: ['CloudFront.6'] };
const ALB_REFS: ComplianceRefs = { fsbp: ['ELB.16'] };
const withRefs = (compliance: ComplianceRefs) => (r: CheckResult<Msg>): CheckResult<Msg> => ({ ...r, compliance });

function albResource(lb: LoadBalancerV2, region: string): ResourceRef {
  return {
    id: lb.arn,
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    region,
    ...(lb.location ? { location: lb.location } : {}),
    ...(lb.condition ? { condition: lb.condition } : {}),
  };
}

function judgeDistribution(inv: Inventory, d: Distribution): CheckResult<Msg>[] {
  if (!d.enabled) return []; // a disabled distribution serves nothing
  const resource = distributionResource(d);
  const data = { distribution: distributionName(d) };
  if (!d.webAclId) return [{ status: 'fail', resource, message: 'cfUnprotected', data }];
  // WAFv2 ACLs are named by ARN; WAF Classic ones by a bare id.
  if (!d.webAclId.startsWith('arn:')) return [{ status: 'pass', resource, message: 'cfClassic', data: { ...data, acl: d.webAclId } }];
  const global = inv.wafGlobal.webAcls;
  const acl = global.state === 'ok' ? global.value.find((a) => a.arn === d.webAclId) : undefined;
  return [{ status: 'pass', resource, message: 'cfProtected', data: { ...data, acl: acl?.name ?? d.webAclId } }];
}

function judgeAlb(lb: LoadBalancerV2, region: string, r: RegionalInventory): CheckResult<Msg>[] {
  if (lb.type !== 'application' || lb.scheme !== 'internet-facing') return [];
  const resource = albResource(lb, region);
  const data = { alb: lb.name, region };
  const acls = r.wafv2.webAcls;
  if (acls.state !== 'ok' && acls.state !== 'absent') return [missing(resource, acls, `the web ACLs that could protect load balancer ${lb.name}`)];
  const list: WebAcl[] = acls.state === 'ok' ? acls.value : [];
  const found = list.find((a) => a.associatedResources.state === 'ok' && a.associatedResources.value.includes(lb.arn));
  if (found) return [{ status: 'pass', resource, message: 'albProtected', data: { ...data, acl: found.name } }];
  // An ACL whose associations could not be read might be the one: never a fail on a guess.
  const unread = list.find((a) => a.associatedResources.state !== 'ok');
  if (unread) return [missing(resource, unread.associatedResources, `the resources web ACL ${unread.name} protects`)];
  return [{ status: 'fail', resource, message: 'albUnprotected', data }];
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'waf.attached',
  title: 'Internet-facing CloudFront distributions and application load balancers have a WAF web ACL',
  description:
    'AWS WAF inspects HTTP requests before they reach the application: managed rules stop common exploits, known bad inputs and abusive clients. A distribution or internet-facing application load balancer without a web ACL passes every request straight through.',
  severity: 'medium',
  guideIds: ['waf.attached'],
  needs: ['cloudfront.distributions', 'wafGlobal.webAcls', 'regions.*.elb.v2', 'regions.*.wafv2.webAcls'],
  permissions: ['cloudfront:ListDistributions', 'elasticloadbalancing:DescribeLoadBalancers', 'wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:ListResourcesForWebACL'],
  sources: ['aws'],
  compliance: { fsbp: ['CloudFront.6', 'ELB.16'] },
  remediation: {
    text: 'Create a web ACL with AWS managed rule groups (scope CLOUDFRONT in us-east-1 for distributions, REGIONAL in the load balancer\'s region for ALBs) and associate it. For an ALB that should only be reached through CloudFront, also restrict its security group to the CloudFront origin-facing prefix list.',
    cli: '# ALB (regional web ACL):\naws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn ALB_ARN --region REGION\n# CloudFront: set DistributionConfig.WebACLId to the CLOUDFRONT-scope web ACL ARN\naws cloudfront get-distribution-config --id DISTRIBUTION_ID > dist.json\naws cloudfront update-distribution --id DISTRIBUTION_ID --if-match ETAG --distribution-config file://config-only.json',
    cloudformation:
      'AlbWafAssociation:\n  Type: AWS::WAFv2::WebACLAssociation\n  Properties:\n    ResourceArn: !Ref LoadBalancer\n    WebACLArn: !GetAtt RegionalWebAcl.Arn\n# CloudFront: DistributionConfig.WebACLId: !GetAtt CloudFrontWebAcl.Arn',
    terraform:
      'resource "aws_wafv2_web_acl_association" "alb" {\n  resource_arn = aws_lb.app.arn\n  web_acl_arn  = aws_wafv2_web_acl.regional.arn\n}\n\n# CloudFront: in aws_cloudfront_distribution, web_acl_id = aws_wafv2_web_acl.cloudfront.arn',
  },
  messages: {
    cfProtected: 'Distribution {{distribution}} is protected by web ACL {{acl}}.',
    cfClassic: 'Distribution {{distribution}} is protected by WAF Classic web ACL {{acl}}; AWS is retiring WAF Classic: migrate it to AWS WAF.',
    cfUnprotected: 'Distribution {{distribution}} has no WAF web ACL.',
    albProtected: 'Internet-facing load balancer {{alb}} ({{region}}) is protected by web ACL {{acl}}.',
    albUnprotected: 'Internet-facing load balancer {{alb}} ({{region}}) has no AWS WAF web ACL (WAF Classic associations are not read).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return [
      ...forEachDistribution<Msg>(inventory, (d) => judgeDistribution(inventory, d)).map(withRefs(CLOUDFRONT_REFS)),
      ...forEachRegional<LoadBalancerV2, Msg>(inventory, (r) => r.elb.v2, 'the load balancers', judgeAlb).map(withRefs(ALB_REFS)),
    ];
  },
});
