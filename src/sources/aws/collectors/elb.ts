import {
  DescribeLoadBalancerAttributesCommand as ClassicAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand as ClassicDescribeCommand,
  DescribeTagsCommand as ClassicTagsCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type Action,
  type Rule,
  type RuleCondition,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Attr, ClassicLoadBalancer, Listener, ListenerAction, ListenerRule, LoadBalancerV2 } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { chunks, listAll } from '../list.js';
import { attrOf, compact, tagsOf } from '../outcome.js';

const commands = commandTable([
  [ClassicDescribeCommand, 'elasticloadbalancing:DescribeLoadBalancers'],
  [DescribeLoadBalancerPoliciesCommand, 'elasticloadbalancing:DescribeLoadBalancerPolicies'],
  [ClassicAttributesCommand, 'elasticloadbalancing:DescribeLoadBalancerAttributes'],
  [ClassicTagsCommand, 'elasticloadbalancing:DescribeTags'],
  [DescribeLoadBalancersCommand, 'elasticloadbalancing:DescribeLoadBalancers'],
  [DescribeListenersCommand, 'elasticloadbalancing:DescribeListeners'],
  [DescribeRulesCommand, 'elasticloadbalancing:DescribeRules'],
  [DescribeLoadBalancerAttributesCommand, 'elasticloadbalancing:DescribeLoadBalancerAttributes'],
  [DescribeTagsCommand, 'elasticloadbalancing:DescribeTags'],
]);

/** DescribeTags takes at most 20 load balancers per call. */
const TAG_BATCH = 20;
const PAGE = 400;
const TYPES = new Set(['application', 'network', 'gateway']);

/** Tags are not a security fact: a failed read leaves them empty and is counted in the call records. */
async function classicTags(ctx: CollectContext, elb: ElasticLoadBalancingClient, names: string[]) {
  const out = new Map<string, Record<string, string>>();
  for (const batch of chunks(names, TAG_BATCH)) {
    const t = await ctx.send(elb, new ClassicTagsCommand({ LoadBalancerNames: batch }));
    if (t.ok) for (const d of t.value.TagDescriptions ?? []) out.set(d.LoadBalancerName ?? '', tagsOf(d.Tags));
  }
  return out;
}

async function classic(ctx: CollectContext): Promise<Attr<ClassicLoadBalancer[]>> {
  const elb = ctx.client(ElasticLoadBalancingClient);
  const list = await listAll(
    ctx,
    elb,
    (Marker) => new ClassicDescribeCommand({ Marker, PageSize: PAGE }),
    (o) => o.NextMarker,
    (o) =>
      (o.LoadBalancerDescriptions ?? []).map(
        (d): ClassicLoadBalancer =>
          compact({
            name: d.LoadBalancerName ?? '',
            arn: `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.account}:loadbalancer/${d.LoadBalancerName ?? ''}`,
            scheme: d.Scheme ?? 'internet-facing',
            dnsName: d.DNSName,
            vpcId: d.VPCId,
            securityGroupIds: d.SecurityGroups ?? [],
            listeners: (d.ListenerDescriptions ?? []).map((l) =>
              compact({
                protocol: l.Listener?.Protocol ?? '',
                port: l.Listener?.LoadBalancerPort ?? 0,
                instanceProtocol: l.Listener?.InstanceProtocol,
                instancePort: l.Listener?.InstancePort,
                sslCertificateId: l.Listener?.SSLCertificateId,
                policyNames: l.PolicyNames ?? [],
              }),
            ),
            policies: { state: 'absent' },
            accessLog: { state: 'absent' },
            tags: {},
          }),
      ),
  );
  if (list.state !== 'ok') return list;
  const tags = await classicTags(
    ctx,
    elb,
    list.value.map((l) => l.name),
  );
  await Promise.all(
    list.value.map(async (lb) => {
      const [pol, attrs] = await Promise.all([
        ctx.send(elb, new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: lb.name })),
        ctx.send(elb, new ClassicAttributesCommand({ LoadBalancerName: lb.name })),
      ]);
      lb.policies = attrOf(pol, (p) =>
        (p.PolicyDescriptions ?? []).map((d) => ({
          name: d.PolicyName ?? '',
          type: d.PolicyTypeName ?? '',
          attributes: Object.fromEntries((d.PolicyAttributeDescriptions ?? []).map((a) => [a.AttributeName ?? '', a.AttributeValue ?? ''])),
        })),
      );
      lb.accessLog = attrOf(attrs, (a) => {
        const log = a.LoadBalancerAttributes?.AccessLog;
        return compact({ enabled: log?.Enabled === true, bucket: log?.S3BucketName, prefix: log?.S3BucketPrefix });
      });
      lb.tags = tags.get(lb.name) ?? {};
    }),
  );
  return list;
}

function action(a: Action): ListenerAction {
  return compact({
    type: a.Type ?? '',
    redirect: a.RedirectConfig ? compact({ protocol: a.RedirectConfig.Protocol, port: a.RedirectConfig.Port, statusCode: a.RedirectConfig.StatusCode }) : undefined,
    targetGroupArn: a.TargetGroupArn,
  });
}

/** A condition as field and values; the typed configs replace the legacy Values list. */
function condition(c: RuleCondition): ListenerRule['conditions'][number] {
  const field = c.Field ?? '';
  const values =
    c.PathPatternConfig?.Values ??
    c.HostHeaderConfig?.Values ??
    c.HttpRequestMethodConfig?.Values ??
    c.SourceIpConfig?.Values ??
    (c.HttpHeaderConfig ? (c.HttpHeaderConfig.Values ?? []).map((v) => `${c.HttpHeaderConfig?.HttpHeaderName ?? ''}: ${v}`) : undefined) ??
    (c.QueryStringConfig ? (c.QueryStringConfig.Values ?? []).map((q) => (q.Key ? `${q.Key}=${q.Value ?? ''}` : (q.Value ?? ''))) : undefined) ??
    c.Values ??
    [];
  return { field, values };
}

const rule = (r: Rule): ListenerRule =>
  compact({ arn: r.RuleArn, priority: r.Priority ?? '', conditions: (r.Conditions ?? []).map(condition), actions: (r.Actions ?? []).map(action) });

/** The non-default rules of one listener (the default rule repeats the listener's default actions). */
function rulesOf(ctx: CollectContext, elb: ElasticLoadBalancingV2Client, listenerArn: string): Promise<Attr<ListenerRule[]>> {
  return listAll(
    ctx,
    elb,
    (Marker) => new DescribeRulesCommand({ ListenerArn: listenerArn, Marker, PageSize: PAGE }),
    (o) => o.NextMarker,
    (o) => (o.Rules ?? []).filter((r) => r.IsDefault !== true).map(rule),
  );
}

async function v2(ctx: CollectContext): Promise<Attr<LoadBalancerV2[]>> {
  const elb = ctx.client(ElasticLoadBalancingV2Client);
  const list = await listAll(
    ctx,
    elb,
    (Marker) => new DescribeLoadBalancersCommand({ Marker, PageSize: PAGE }),
    (o) => o.NextMarker,
    (o) =>
      (o.LoadBalancers ?? [])
        .filter((l) => TYPES.has(l.Type ?? ''))
        .map(
          (l): LoadBalancerV2 =>
            compact({
              arn: l.LoadBalancerArn ?? '',
              name: l.LoadBalancerName ?? '',
              type: l.Type as LoadBalancerV2['type'],
              scheme: l.Scheme ?? 'internet-facing',
              dnsName: l.DNSName,
              vpcId: l.VpcId,
              securityGroupIds: l.SecurityGroups ?? [],
              listeners: { state: 'absent' },
              attributes: { state: 'absent' },
              tags: {},
            }),
        ),
  );
  if (list.state !== 'ok') return list;
  const tags = new Map<string, Record<string, string>>();
  for (const batch of chunks(
    list.value.map((l) => l.arn),
    TAG_BATCH,
  )) {
    const t = await ctx.send(elb, new DescribeTagsCommand({ ResourceArns: batch }));
    if (t.ok) for (const d of t.value.TagDescriptions ?? []) tags.set(d.ResourceArn ?? '', tagsOf(d.Tags));
  }
  await Promise.all(
    list.value.map(async (lb) => {
      const [listeners, attrs] = await Promise.all([
        listAll(
          ctx,
          elb,
          (Marker) => new DescribeListenersCommand({ LoadBalancerArn: lb.arn, Marker, PageSize: PAGE }),
          (o) => o.NextMarker,
          (o) =>
            (o.Listeners ?? []).map(
              (l): Listener =>
                compact({
                  arn: l.ListenerArn ?? '',
                  port: l.Port ?? 0,
                  protocol: l.Protocol ?? '',
                  sslPolicy: l.SslPolicy,
                  certificateArns: (l.Certificates ?? []).map((c) => c.CertificateArn ?? '').filter(Boolean),
                  defaultActions: (l.DefaultActions ?? []).map(action),
                }),
            ),
        ),
        ctx.send(elb, new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.arn })),
      ]);
      // Only an HTTP listener's rules decide a verdict (https-listener): one DescribeRules each, no more.
      if (listeners.state === 'ok' && lb.type === 'application') {
        await Promise.all(
          listeners.value
            .filter((l) => l.protocol.toUpperCase() === 'HTTP')
            .map(async (l) => {
              l.rules = await rulesOf(ctx, elb, l.arn);
            }),
        );
      }
      lb.listeners = listeners;
      lb.attributes = attrOf(attrs, (a) => Object.fromEntries((a.Attributes ?? []).map((x) => [x.Key ?? '', x.Value ?? ''])));
      lb.tags = tags.get(lb.arn) ?? {};
    }),
  );
  return list;
}

/** Classic and v2 (application, network, gateway) load balancers of one region. */
export const elbCollector: RegionalCollector = {
  service: 'elb',
  scope: 'regional',
  fills: ['elb'],
  commands,
  async collect(ctx) {
    const [c, v] = await Promise.all([classic(ctx), v2(ctx)]);
    return { elb: { classic: c, v2: v } };
  },
};
