import { failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './attached.js';
import { distribution, distributions, arnOf } from '../cloudfront/__tests__/fixtures.js';
import { alb, albArn, globalAclArn, globalWebAcl, webAcl } from './__tests__/fixtures.js';

const WEB = albArn('web');
/** Lists a case does not exercise were read and are empty. */
const base = { cloudfront: { distributions: ok([]) }, wafGlobal: { webAcls: ok([]) }, regions: { 'us-east-1': { elb: { v2: ok([]) }, wafv2: { webAcls: ok([]) } } } };

testCheck(check, {
  pass: [
    {
      name: 'an ALB associated with a regional web ACL',
      inventory: [base, { regions: { 'us-east-1': { elb: { v2: ok([alb('web')]) }, wafv2: { webAcls: ok([webAcl('api-acl', { associatedResources: ok([WEB]) })]) } } } }],
      findings: [{ status: 'pass', resourceId: WEB, message: 'Internet-facing load balancer web (us-east-1) is protected by web ACL api-acl.' }],
    },
    {
      name: 'a distribution with a WAFv2 ACL (named) and one with a WAF Classic id; internal ALBs and NLBs are not judged',
      inventory: [
        base,
        distributions(distribution('E1', { webAclId: globalAclArn('cdn-acl') }), distribution('E2', { webAclId: '473e64fd-f30b-4765-81a0-62ad96dd167a' })),
        { wafGlobal: { webAcls: ok([globalWebAcl('cdn-acl')]) } },
        { regions: { 'us-east-1': { elb: { v2: ok([alb('internal', { scheme: 'internal' }), alb('nlb', { type: 'network' })]) }, wafv2: { webAcls: ok([]) } } } },
      ],
      findings: [
        { status: 'pass', resourceId: arnOf('E1'), message: 'Distribution E1 is protected by web ACL cdn-acl.' },
        {
          status: 'pass',
          resourceId: arnOf('E2'),
          message: 'Distribution E2 is protected by WAF Classic web ACL 473e64fd-f30b-4765-81a0-62ad96dd167a; AWS is retiring WAF Classic: migrate it to AWS WAF.',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'a distribution without a web ACL; a disabled one is not judged',
      inventory: [base, distributions(distribution('E1', { aliases: ['www.example.com'] }), distribution('E9', { enabled: false }))],
      findings: [{ status: 'fail', resourceId: arnOf('E1'), message: 'Distribution E1 (www.example.com) has no WAF web ACL.', compliance: { fsbp: ['CloudFront.6'] } }],
    },
    {
      name: 'an internet-facing ALB that no ACL lists, in another region than the ACL that protects a sibling (ELB.16, not CloudFront.6)',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        base,
        {
          regions: {
            'us-east-1': { elb: { v2: ok([alb('web')]) }, wafv2: { webAcls: ok([webAcl('api-acl', { associatedResources: ok([WEB]) })]) } },
            'eu-west-1': { elb: { v2: ok([alb('web-eu', {}, 'eu-west-1')]) }, wafv2: { webAcls: ok([webAcl('eu-acl', {}, 'eu-west-1')]) } },
          },
        },
      ],
      findings: [
        { status: 'pass', resourceId: WEB, message: 'Internet-facing load balancer web (us-east-1) is protected by web ACL api-acl.' },
        {
          status: 'fail',
          resourceId: albArn('web-eu', 'eu-west-1'),
          message: 'Internet-facing load balancer web-eu (eu-west-1) has no AWS WAF web ACL (WAF Classic associations are not read).',
          // An unprotected ALB is no evidence about CloudFront.6.
          compliance: { fsbp: ['ELB.16'] },
        },
      ],
    },
  ],
  unknown: [
    {
      name: "an ACL's associations could not be read: the ALB is not failed on a guess",
      inventory: [
        base,
        {
          regions: {
            'us-east-1': {
              elb: { v2: ok([alb('web')]) },
              wafv2: { webAcls: ok([webAcl('api-acl', { associatedResources: failed('wafv2:ListResourcesForWebACL', 'WAFNonexistentItemException') })]) },
            },
          },
        },
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: WEB,
          message: 'Could not read the resources web ACL api-acl protects: wafv2:ListResourcesForWebACL failed: WAFNonexistentItemException.',
        },
      ],
    },
    {
      name: 'the web ACLs of the region, and the load balancers of another, could not be read',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        {
          regions: {
            'us-east-1': { elb: { v2: ok([alb('web')]) }, wafv2: { webAcls: failed('wafv2:ListWebACLs', 'AccessDeniedException') } },
            'eu-west-1': { elb: { v2: failed('elasticloadbalancing:DescribeLoadBalancers', 'Throttling') } },
          },
        },
      ],
      findings: [
        { status: 'unknown', resourceId: WEB, message: 'Could not read the web ACLs that could protect load balancer web: wafv2:ListWebACLs failed: AccessDeniedException.' },
        {
          status: 'unknown',
          resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`,
          message: 'Could not read the load balancers: elasticloadbalancing:DescribeLoadBalancers failed: Throttling.',
        },
        {
          status: 'unknown',
          resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`,
          message: 'Could not read the CloudFront distributions: cloudfront:ListDistributions failed: not collected: not part of this inventory.',
        },
      ],
    },
  ],
});
