import {
  DescribeLoadBalancerAttributesCommand as ClassicAttributes,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand as ClassicDescribe,
  DescribeTagsCommand as ClassicTags,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { elbCollector } from './elb.js';

const mocks = mockAll();
const v1 = mocks.get(ElasticLoadBalancingClient);
const v2 = mocks.get(ElasticLoadBalancingV2Client);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
const ALB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1';

beforeEach(() => {
  mocks.reset();
  v1.on(ClassicDescribe, { Marker: undefined })
    .resolves({ LoadBalancerDescriptions: [{ LoadBalancerName: 'legacy', Scheme: 'internet-facing', SecurityGroups: ['sg-1'], ListenerDescriptions: [{ Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: 'arn:cert' }, PolicyNames: ['tls'] }] }], NextMarker: 'm2' })
    .on(ClassicDescribe, { Marker: 'm2' })
    .resolves({ LoadBalancerDescriptions: [{ LoadBalancerName: 'legacy-2', Scheme: 'internal' }] });
  v1.on(DescribeLoadBalancerPoliciesCommand).resolves({
    PolicyDescriptions: [{ PolicyName: 'tls', PolicyTypeName: 'SSLNegotiationPolicyType', PolicyAttributeDescriptions: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: 'ELBSecurityPolicy-2016-08' }] }],
  });
  v1.on(ClassicAttributes, { LoadBalancerName: 'legacy' }).resolves({ LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: 'elb-logs' } } });
  v1.on(ClassicAttributes, { LoadBalancerName: 'legacy-2' }).rejects(awsError('AccessDenied', 'no', 403));
  v1.on(ClassicTags).resolves({ TagDescriptions: [{ LoadBalancerName: 'legacy', Tags: [{ Key: 'env', Value: 'prod' }] }] });
  v2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: ALB, LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', SecurityGroups: ['sg-2'] }] });
  v2.on(DescribeListenersCommand, { Marker: undefined })
    .resolves({ Listeners: [{ ListenerArn: `${ALB}/l1`, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }], NextMarker: 'l2' })
    .on(DescribeListenersCommand, { Marker: 'l2' })
    .resolves({ Listeners: [{ ListenerArn: `${ALB}/l2`, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', Certificates: [{ CertificateArn: 'arn:acm' }], DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] }] });
  v2.on(DescribeRulesCommand, { ListenerArn: `${ALB}/l1`, Marker: undefined })
    .resolves({
      Rules: [
        { RuleArn: `${ALB}/r0`, Priority: 'default', IsDefault: true, Actions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }] },
        { RuleArn: `${ALB}/r1`, Priority: '10', Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/health', '/api/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] },
      ],
      NextMarker: 'r2',
    })
    .on(DescribeRulesCommand, { ListenerArn: `${ALB}/l1`, Marker: 'r2' })
    .resolves({
      Rules: [
        {
          RuleArn: `${ALB}/r2`,
          Priority: '20',
          Conditions: [
            { Field: 'host-header', Values: ['old.example.com'] },
            { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Env', Values: ['beta'] } },
          ],
          Actions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_302' } }],
        },
      ],
    });
  v2.on(DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }] });
  v2.on(DescribeTagsCommand).resolves({ TagDescriptions: [{ ResourceArn: ALB, Tags: [{ Key: 'team', Value: 'web' }] }] });
});

describe('elb collector', () => {
  it('reads classic load balancers across pages with listeners, policies, access logs and tags', async () => {
    const { part } = await collect(elbCollector);
    const [legacy, legacy2] = okValue(part.elb?.classic);
    expect(legacy).toMatchObject({
      name: 'legacy',
      arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/legacy',
      listeners: [{ protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', instancePort: 80, sslCertificateId: 'arn:cert', policyNames: ['tls'] }],
      accessLog: { state: 'ok', value: { enabled: true, bucket: 'elb-logs' } },
      tags: { env: 'prod' },
    });
    expect(okValue(legacy?.policies)).toEqual([{ name: 'tls', type: 'SSLNegotiationPolicyType', attributes: { 'Reference-Security-Policy': 'ELBSecurityPolicy-2016-08' } }]);
    expect(legacy2?.accessLog).toMatchObject({ state: 'error', call: 'elasticloadbalancing:DescribeLoadBalancerAttributes' });
  });

  it('reads v2 load balancers with every page of listeners and their attributes', async () => {
    const { part } = await collect(elbCollector);
    const [alb] = okValue(part.elb?.v2);
    expect(alb).toMatchObject({ name: 'web', type: 'application', tags: { team: 'web' }, attributes: { state: 'ok', value: { 'routing.http.drop_invalid_header_fields.enabled': 'true' } } });
    expect(okValue(alb?.listeners).map((l) => [l.port, l.protocol, l.sslPolicy, l.defaultActions[0]?.type])).toEqual([
      [80, 'HTTP', undefined, 'redirect'],
      [443, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'forward'],
    ]);
  });

  it("reads every page of an HTTP listener's rules, without the default rule, and asks nothing for HTTPS listeners", async () => {
    const { part } = await collect(elbCollector);
    const [http, https] = okValue(okValue(part.elb?.v2)[0]?.listeners);
    expect(http?.rules).toEqual({
      state: 'ok',
      value: [
        { arn: `${ALB}/r1`, priority: '10', conditions: [{ field: 'path-pattern', values: ['/health', '/api/*'] }], actions: [{ type: 'forward', targetGroupArn: 'arn:tg' }] },
        {
          arn: `${ALB}/r2`,
          priority: '20',
          conditions: [
            { field: 'host-header', values: ['old.example.com'] },
            { field: 'http-header', values: ['X-Env: beta'] },
          ],
          actions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_302' } }],
        },
      ],
    });
    expect(https?.rules).toBeUndefined();
    expect(v2.commandCalls(DescribeRulesCommand).map((c) => [c.args[0].input.ListenerArn, c.args[0].input.Marker])).toEqual([
      [`${ALB}/l1`, undefined],
      [`${ALB}/l1`, 'r2'],
    ]);
  });

  it('leaves network load balancers alone, and names DescribeRules when it is denied', async () => {
    v2.on(DescribeRulesCommand).rejects(awsError('AccessDenied', 'User is not authorized to perform: elasticloadbalancing:DescribeRules', 403));
    const { part } = await collect(elbCollector);
    const [http] = okValue(okValue(part.elb?.v2)[0]?.listeners);
    expect(http?.rules).toMatchObject({ state: 'error', call: 'elasticloadbalancing:DescribeRules' });
    expect(http?.rules?.state === 'error' && http.rules.error).toMatch(/AccessDenied/);

    mocks.reset();
    const NLB = ALB.replace('/app/web/', '/net/tcp/');
    v2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: NLB, LoadBalancerName: 'tcp', Type: 'network' }] });
    v2.on(DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: `${NLB}/l1`, Port: 80, Protocol: 'TCP', DefaultActions: [{ Type: 'forward' }] }] });
    await collect(elbCollector);
    expect(v2.commandCalls(DescribeRulesCommand)).toEqual([]);
  });
});
