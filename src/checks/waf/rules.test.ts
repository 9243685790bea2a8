import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './rules.js';
import { globalAclArn, globalWebAcl, regionalAclArn, webAcl } from './__tests__/fixtures.js';

const R = regionalAclArn('api-acl');
/** Lists a case does not exercise were read and are empty. */
const base = { wafGlobal: { webAcls: ok([]) } };
const G = globalAclArn('cdn-acl');
const logged = (arn: string, name: string, scope: string, region = 'us-east-1') => ({
  status: 'pass' as const,
  resourceId: arn,
  detail: 'logging',
  message: `Web ACL ${name} (${scope}) logs to arn:aws:logs:${region}:${TEST_ACCOUNT}:log-group:aws-waf-logs-${name}.`,
});

testCheck(check, {
  pass: [
    {
      name: 'a regional ACL with rules and logging',
      inventory: [base, { regions: { 'us-east-1': { wafv2: { webAcls: ok([webAcl('api-acl')]) } } } }],
      findings: [
        { status: 'pass', resourceId: R, detail: 'rules', message: 'Web ACL api-acl (REGIONAL) has 1 rule(s): AWS-AWSManagedRulesCommonRuleSet.' },
        logged(R, 'api-acl', 'REGIONAL'),
      ],
    },
    {
      name: 'a CloudFront-scope ACL, rule names in priority order and shortened',
      inventory: [
        base,
        {
          regions: { 'us-east-1': { wafv2: { webAcls: ok([]) } } },
          wafGlobal: {
            webAcls: ok([
              globalWebAcl('cdn-acl', {
                rules: [6, 5, 4, 3, 2, 1, 0].map((p) => ({ name: `rule-${p}`, priority: p })),
              }),
            ]),
          },
        },
      ],
      findings: [
        { status: 'pass', resourceId: G, detail: 'rules', message: 'Web ACL cdn-acl (CLOUDFRONT) has 7 rule(s): rule-0, rule-1, rule-2, rule-3, rule-4 and 2 more.' },
        logged(G, 'cdn-acl', 'CLOUDFRONT'),
      ],
    },
  ],
  fail: [
    {
      name: 'a fresh ACL: no rules, no logging',
      inventory: [base, { regions: { 'us-east-1': { wafv2: { webAcls: ok([webAcl('api-acl', { rules: [], logging: absent() })]) } } } }],
      findings: [
        { status: 'fail', resourceId: R, detail: 'rules', message: 'Web ACL api-acl (REGIONAL) has no rules: it applies its default action (allow) to every request and filters nothing.', compliance: { fsbp: ['WAF.10'] } },
        // Missing logging is no evidence about WAF.10 (rules).
        { status: 'fail', resourceId: R, detail: 'logging', severity: 'low', message: 'Web ACL api-acl (REGIONAL) has no logging configured: its decisions leave no trace.', compliance: {} },
      ],
    },
    {
      name: 'an ACL in a second region, with rules but no logging',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        base,
        {
          regions: {
            'us-east-1': { wafv2: { webAcls: ok([]) } },
            'eu-west-1': { wafv2: { webAcls: ok([webAcl('eu-acl', { logging: ok({ destinations: [] }) }, 'eu-west-1')]) } },
          },
        },
      ],
      findings: [
        { status: 'pass', resourceId: regionalAclArn('eu-acl', 'eu-west-1'), detail: 'rules', message: 'Web ACL eu-acl (REGIONAL) has 1 rule(s): AWS-AWSManagedRulesCommonRuleSet.' },
        { status: 'fail', resourceId: regionalAclArn('eu-acl', 'eu-west-1'), detail: 'logging', severity: 'low', message: 'Web ACL eu-acl (REGIONAL) has no logging configured: its decisions leave no trace.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'the logging configuration could not be read',
      inventory: [base, { regions: { 'us-east-1': { wafv2: { webAcls: ok([webAcl('api-acl', { logging: failed('wafv2:GetLoggingConfiguration', 'AccessDeniedException') })]) } } } }],
      findings: [
        { status: 'pass', resourceId: R, detail: 'rules', message: 'Web ACL api-acl (REGIONAL) has 1 rule(s): AWS-AWSManagedRulesCommonRuleSet.' },
        {
          status: 'unknown',
          resourceId: R,
          detail: 'logging',
          message: 'Could not read the logging configuration of web ACL api-acl: wafv2:GetLoggingConfiguration failed: AccessDeniedException.',
        },
      ],
    },
    {
      name: 'the web ACL lists could not be read',
      inventory: [
        {
          regions: { 'us-east-1': { wafv2: { webAcls: failed('wafv2:ListWebACLs', 'AccessDeniedException') } } },
          wafGlobal: { webAcls: failed('wafv2:ListWebACLs', 'ThrottlingException') },
        },
      ],
      findings: [
        { status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, message: 'Could not read the regional WAF web ACLs: wafv2:ListWebACLs failed: AccessDeniedException.' },
        { status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, message: 'Could not read the CloudFront-scope WAF web ACLs: wafv2:ListWebACLs failed: ThrottlingException.' },
      ],
    },
  ],
});
