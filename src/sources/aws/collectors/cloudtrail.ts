import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from '@aws-sdk/client-cloudtrail';
import type { Attr, Trail } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { attrOf, compact, iso } from '../outcome.js';

const commands = commandTable([
  [DescribeTrailsCommand, 'cloudtrail:DescribeTrails'],
  [GetTrailStatusCommand, 'cloudtrail:GetTrailStatus'],
  [GetEventSelectorsCommand, 'cloudtrail:GetEventSelectors'],
]);

const READ_WRITE = new Set(['ReadOnly', 'WriteOnly', 'All']);

/**
 * Status and selectors are asked in the trail's home region, by ARN (an organisation trail
 * belongs to another account), once per trail for the whole run: its shadow copies in other
 * regions share the answer.
 */
function status(ctx: CollectContext, t: SdkTrail, home: string): Promise<Trail['status']> {
  return ctx.memo(`cloudtrail:status:${t.TrailARN}`, async () =>
    attrOf(await ctx.send(ctx.client(CloudTrailClient, home), new GetTrailStatusCommand({ Name: t.TrailARN })), (s) =>
      compact({ isLogging: s.IsLogging === true, latestDeliveryError: s.LatestDeliveryError, latestDeliveryTime: iso(s.LatestDeliveryTime) }),
    ),
  );
}

function selectors(ctx: CollectContext, t: SdkTrail, home: string): Promise<Trail['eventSelectors']> {
  return ctx.memo(`cloudtrail:selectors:${t.TrailARN}`, async () =>
    attrOf(await ctx.send(ctx.client(CloudTrailClient, home), new GetEventSelectorsCommand({ TrailName: t.TrailARN })), (s) => ({
      classic: (s.EventSelectors ?? []).map((e) => ({
        readWriteType: (READ_WRITE.has(e.ReadWriteType ?? '') ? e.ReadWriteType : 'All') as 'ReadOnly' | 'WriteOnly' | 'All',
        includeManagementEvents: e.IncludeManagementEvents !== false,
        excludeManagementEventSources: e.ExcludeManagementEventSources ?? [],
      })),
      advanced: (s.AdvancedEventSelectors ?? []).map((a) =>
        compact({
          name: a.Name,
          fieldSelectors: (a.FieldSelectors ?? []).map((f) =>
            compact({
              field: f.Field ?? '',
              equals: f.Equals,
              notEquals: f.NotEquals,
              startsWith: f.StartsWith,
              notStartsWith: f.NotStartsWith,
              endsWith: f.EndsWith,
              notEndsWith: f.NotEndsWith,
            }),
          ),
        }),
      ),
    })),
  );
}

/** The trails visible in a region, shadow copies of multi-region and organisation trails included. */
export const cloudtrailCollector: RegionalCollector = {
  service: 'cloudtrail',
  scope: 'regional',
  fills: ['cloudtrail'],
  commands,
  async collect(ctx) {
    const ct = ctx.client(CloudTrailClient);
    const d = await ctx.send(ct, new DescribeTrailsCommand({ includeShadowTrails: true }));
    if (!d.ok) return { cloudtrail: { trails: attrOf(d, () => []) } };
    const trails = await Promise.all(
      (d.value.trailList ?? []).map(async (t): Promise<Trail> => {
        const home = t.HomeRegion ?? ctx.region;
        const [st, sel] = await Promise.all([status(ctx, t, home), selectors(ctx, t, home)]);
        return compact({
          arn: t.TrailARN ?? '',
          name: t.Name ?? '',
          homeRegion: home,
          isMultiRegion: t.IsMultiRegionTrail === true,
          isOrganizationTrail: t.IsOrganizationTrail === true,
          includeGlobalServiceEvents: t.IncludeGlobalServiceEvents,
          s3BucketName: t.S3BucketName,
          s3KeyPrefix: t.S3KeyPrefix,
          snsTopicArn: t.SnsTopicARN,
          kmsKeyId: t.KmsKeyId,
          logFileValidationEnabled: t.LogFileValidationEnabled === true,
          cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn,
          status: st,
          eventSelectors: sel,
        });
      }),
    );
    const list: Attr<Trail[]> = { state: 'ok', value: trails };
    return { cloudtrail: { trails: list } };
  },
};
