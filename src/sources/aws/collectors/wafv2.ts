import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
  type ResourceType,
  type Scope,
  type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import { ok, type Attr, type WebAcl } from '../../../inventory/index.js';
import { commandTable, type GlobalCollector, type RegionalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { listAll } from '../list.js';
import { attrOf, failedAttr, type Failure } from '../outcome.js';

const commands = commandTable([
  [ListWebACLsCommand, 'wafv2:ListWebACLs'],
  [GetWebACLCommand, 'wafv2:GetWebACL'],
  [GetLoggingConfigurationCommand, 'wafv2:GetLoggingConfiguration'],
  [ListResourcesForWebACLCommand, 'wafv2:ListResourcesForWebACL'],
]);

/** Every regional resource type a web ACL can protect; a region that lacks one says so with this code. */
const REGIONAL_TYPES: ResourceType[] = [
  'APPLICATION_LOAD_BALANCER',
  'API_GATEWAY',
  'APPSYNC',
  'COGNITO_USER_POOL',
  'APP_RUNNER_SERVICE',
  'VERIFIED_ACCESS_INSTANCE',
];
const UNSUPPORTED_HERE = 'WAFInvalidParameterException';

/**
 * ListResourcesForWebACL also checks a permission of the protected service (WAF Developer Guide,
 * "Permissions for ListResourcesForWebACL"); without it that type is denied and the ACL's
 * associations, ALBs included, become unknown. These three exist for this purpose alone and are
 * list-only. API Gateway and AppSync may want theirs too (AWS's read-only WAF console policy has
 * apigateway:GET, which can also read API key values): not granted here, so a denial there still
 * shows as unknown associations, never as "protects nothing".
 */
const DEPENDENT_ACTIONS = [
  'cognito-idp:ListResourcesForWebACL',
  'apprunner:ListAssociatedServicesForWebAcl',
  'ec2:DescribeVerifiedAccessInstanceWebAclAssociations',
];

async function associations(ctx: CollectContext, waf: WAFV2Client, arn: string): Promise<Attr<string[]>> {
  const all: string[] = [];
  for (const type of REGIONAL_TYPES) {
    const o = await ctx.send(waf, new ListResourcesForWebACLCommand({ WebACLArn: arn, ResourceType: type }));
    if (o.ok) all.push(...(o.value.ResourceArns ?? []));
    else if (o.code !== UNSUPPORTED_HERE) return failedAttr(o);
  }
  return ok(all);
}

async function webAcl(ctx: CollectContext, waf: WAFV2Client, s: WebACLSummary, scope: Scope): Promise<WebAcl | Failure> {
  const arn = s.ARN ?? '';
  const [acl, logging, assoc] = await Promise.all([
    ctx.send(waf, new GetWebACLCommand({ Name: s.Name, Id: s.Id, Scope: scope })),
    ctx.send(waf, new GetLoggingConfigurationCommand({ ResourceArn: arn })),
    // CloudFront links are read from the distributions (see assemble.ts), not from WAF.
    scope === 'REGIONAL' ? associations(ctx, waf, arn) : Promise.resolve<Attr<string[]>>({ state: 'absent' }),
  ]);
  // Without GetWebACL the rules and default action are unknown: the caller fails the list.
  if (!acl.ok) return acl;
  const w = acl.value.WebACL;
  return {
    arn,
    id: s.Id ?? '',
    name: s.Name ?? '',
    scope,
    defaultAction: w?.DefaultAction?.Allow ? 'allow' : 'block',
    rules: (w?.Rules ?? []).map((r) => ({
      name: r.Name ?? '',
      priority: r.Priority,
      kind: Object.keys(r.Statement ?? {}).find((k) => (r.Statement as Record<string, unknown>)[k] !== undefined),
    })),
    logging: attrOf(logging, (l) => ({ destinations: l.LoggingConfiguration?.LogDestinationConfigs ?? [] }), ['WAFNonexistentItemException']),
    associatedResources: assoc,
  };
}

async function collectScope(ctx: CollectContext, scope: Scope, region: string): Promise<Attr<WebAcl[]>> {
  const waf = ctx.client(WAFV2Client, region);
  const list = await listAll(
    ctx,
    waf,
    (NextMarker) => new ListWebACLsCommand({ Scope: scope, NextMarker, Limit: 100 }),
    // WAFv2 always returns a NextMarker; an empty page ends the list.
    (o) => ((o.WebACLs ?? []).length > 0 ? o.NextMarker : undefined),
    (o) => o.WebACLs ?? [],
  );
  if (list.state !== 'ok') return list;
  const acls = await Promise.all(list.value.map((s) => webAcl(ctx, waf, s, scope)));
  const failure = acls.find((a): a is Failure => 'ok' in a);
  return failure ? failedAttr(failure) : ok(acls as WebAcl[]);
}

/** REGIONAL web ACLs of one region, with their associated resources and logging. */
export const wafv2RegionalCollector: RegionalCollector = {
  service: 'wafv2',
  scope: 'regional',
  fills: ['wafv2'],
  commands,
  dependentActions: DEPENDENT_ACTIONS,
  async collect(ctx) {
    return { wafv2: { webAcls: await collectScope(ctx, 'REGIONAL', ctx.region) } };
  },
};

/** CLOUDFRONT web ACLs: they live in us-east-1 (the partition's home region). */
export const wafv2GlobalCollector: GlobalCollector = {
  service: 'wafv2',
  scope: 'global',
  fills: ['wafGlobal'],
  commands,
  async collect(ctx) {
    return { wafGlobal: { webAcls: await collectScope(ctx, 'CLOUDFRONT', ctx.homeRegion) } };
  },
};
