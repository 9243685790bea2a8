import { GetLoggingConfigurationCommand, GetWebACLCommand, ListResourcesForWebACLCommand, ListWebACLsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { wafv2GlobalCollector, wafv2RegionalCollector } from './wafv2.js';

const mocks = mockAll();
const waf = mocks.get(WAFV2Client);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
const ACL = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/a1';

beforeEach(() => {
  mocks.reset();
  waf.on(ListWebACLsCommand, { NextMarker: undefined }).resolves({ WebACLs: [{ Name: 'api', Id: 'a1', ARN: ACL }], NextMarker: 'n2' })
    .on(ListWebACLsCommand, { NextMarker: 'n2' }).resolves({ WebACLs: [], NextMarker: 'n3' });
  waf.on(GetWebACLCommand).resolves({
    WebACL: {
      Name: 'api', Id: 'a1', ARN: ACL, DefaultAction: { Allow: {} }, VisibilityConfig: undefined,
      Rules: [{ Name: 'common', Priority: 0, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } }, VisibilityConfig: undefined }],
    },
  } as never);
  waf.on(GetLoggingConfigurationCommand).rejects(awsError('WAFNonexistentItemException', 'no logging', 400));
  waf.on(ListResourcesForWebACLCommand).rejects(awsError('WAFInvalidParameterException', 'not supported in this region', 400));
  waf.on(ListResourcesForWebACLCommand, { ResourceType: 'APPLICATION_LOAD_BALANCER' }).resolves({ ResourceArns: ['arn:alb'] });
  waf.on(ListResourcesForWebACLCommand, { ResourceType: 'API_GATEWAY' }).resolves({ ResourceArns: ['arn:stage'] });
});

describe('wafv2 collectors', () => {
  it('reads regional ACLs until an empty page, with rules, associations of every type and logging', async () => {
    const { part } = await collect(wafv2RegionalCollector);
    const [acl] = okValue(part.wafv2?.webAcls);
    expect(acl).toEqual({
      arn: ACL,
      id: 'a1',
      name: 'api',
      scope: 'REGIONAL',
      defaultAction: 'allow',
      rules: [{ name: 'common', priority: 0, kind: 'ManagedRuleGroupStatement' }],
      logging: { state: 'absent' },
      associatedResources: { state: 'ok', value: ['arn:alb', 'arn:stage'] },
    });
    expect(waf.commandCalls(ListWebACLsCommand)).toHaveLength(2);
  });

  it('fails the associations when a type is denied (not merely unsupported)', async () => {
    waf.on(ListResourcesForWebACLCommand, { ResourceType: 'APPSYNC' }).rejects(awsError('AccessDeniedException', 'no', 400));
    const { part } = await collect(wafv2RegionalCollector);
    expect(okValue(part.wafv2?.webAcls)[0]?.associatedResources).toMatchObject({ state: 'error', call: 'wafv2:ListResourcesForWebACL' });
  });

  it('fails the whole list when an ACL cannot be read: no rules would otherwise look like "no rules"', async () => {
    waf.on(GetWebACLCommand).rejects(awsError('AccessDeniedException', 'no', 400));
    const { part } = await collect(wafv2RegionalCollector);
    expect(part.wafv2?.webAcls).toEqual({ state: 'error', call: 'wafv2:GetWebACL', error: 'AccessDeniedException: no' });
  });

  it('reads CLOUDFRONT ACLs in us-east-1 and leaves their links to the distributions', async () => {
    const { part } = await collect(wafv2GlobalCollector);
    const [acl] = okValue(part.wafGlobal?.webAcls);
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', associatedResources: { state: 'absent' } });
    expect(waf.commandCalls(ListWebACLsCommand)[0]?.args[0].input.Scope).toBe('CLOUDFRONT');
    expect(waf.commandCalls(ListResourcesForWebACLCommand)).toHaveLength(0);
  });
});
