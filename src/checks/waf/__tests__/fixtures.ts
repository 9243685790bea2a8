import type { z } from 'zod';
import type { LoadBalancerV2Schema, WebAclSchema } from '../../../inventory/index.js';
import { absent, ok } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

type WebAclInput = z.input<typeof WebAclSchema>;
type AlbInput = z.input<typeof LoadBalancerV2Schema>;

export const regionalAclArn = (name: string, region = 'us-east-1') => `arn:aws:wafv2:${region}:${TEST_ACCOUNT}:regional/webacl/${name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
export const globalAclArn = (name: string) => `arn:aws:wafv2:us-east-1:${TEST_ACCOUNT}:global/webacl/${name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222`;
export const albArn = (name: string, region = 'us-east-1') => `arn:aws:elasticloadbalancing:${region}:${TEST_ACCOUNT}:loadbalancer/app/${name}/50dc6c495c0c9188`;

/** A regional web ACL with one rule and logging, associated with nothing. */
export function webAcl(name: string, over: Partial<WebAclInput> = {}, region = 'us-east-1'): WebAclInput {
  return {
    arn: regionalAclArn(name, region),
    id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    name,
    scope: 'REGIONAL',
    defaultAction: 'allow',
    rules: [{ name: 'AWS-AWSManagedRulesCommonRuleSet', priority: 0, kind: 'managed' }],
    logging: ok({ destinations: [`arn:aws:logs:${region}:${TEST_ACCOUNT}:log-group:aws-waf-logs-${name}`] }),
    associatedResources: ok([]),
    ...over,
  };
}

export function globalWebAcl(name: string, over: Partial<WebAclInput> = {}): WebAclInput {
  return webAcl(name, { arn: globalAclArn(name), scope: 'CLOUDFRONT', associatedResources: absent(), ...over });
}

export function alb(name: string, over: Partial<AlbInput> = {}, region = 'us-east-1'): AlbInput {
  return {
    arn: albArn(name, region),
    name,
    type: 'application',
    scheme: 'internet-facing',
    securityGroupIds: ['sg-0123456789abcdef0'],
    listeners: ok([]),
    attributes: ok({}),
    ...over,
  };
}
