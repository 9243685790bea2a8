import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { ok } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { compact, failedAttr } from '../outcome.js';

const commands = commandTable([
  [ListDetectorsCommand, 'guardduty:ListDetectors'],
  [GetDetectorCommand, 'guardduty:GetDetector'],
]);

/** GuardDuty detectors of one region (at most one per region), with their status. */
export const guarddutyCollector: RegionalCollector = {
  service: 'guardduty',
  scope: 'regional',
  fills: ['guardduty'],
  commands,
  async collect(ctx) {
    const gd = ctx.client(GuardDutyClient);
    const ids: string[] = [];
    const listed = await ctx.pages(
      gd,
      (NextToken) => new ListDetectorsCommand({ NextToken }),
      (o) => o.NextToken,
      (o) => ids.push(...(o.DetectorIds ?? [])),
    );
    if (!listed.ok) return { guardduty: { detectors: failedAttr(listed) } };
    const detectors = [];
    for (const id of ids) {
      const d = await ctx.send(gd, new GetDetectorCommand({ DetectorId: id }));
      if (!d.ok) return { guardduty: { detectors: failedAttr(d) } };
      detectors.push(compact({ id, status: d.value.Status ?? 'UNKNOWN', findingPublishingFrequency: d.value.FindingPublishingFrequency }));
    }
    return { guardduty: { detectors: ok(detectors) } };
  },
};
