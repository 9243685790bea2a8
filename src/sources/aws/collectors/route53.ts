import {
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type ListResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import { ok, type Attr, type HostedZone, type RecordSet } from '../../../inventory/index.js';
import { commandTable, type GlobalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { listAll } from '../list.js';
import { compact, failedAttr, type Outcome } from '../outcome.js';

const commands = commandTable([
  [ListHostedZonesCommand, 'route53:ListHostedZones'],
  [ListResourceRecordSetsCommand, 'route53:ListResourceRecordSets'],
]);

const record = (r: ResourceRecordSet): RecordSet =>
  compact({
    name: r.Name ?? '',
    type: r.Type ?? '',
    ttl: r.TTL,
    values: (r.ResourceRecords ?? []).map((v) => v.Value ?? ''),
    aliasTarget: r.AliasTarget ? compact({ dnsName: r.AliasTarget.DNSName ?? '', hostedZoneId: r.AliasTarget.HostedZoneId }) : undefined,
  });

/** Record sets page by (name, type, identifier), not by an opaque token. */
async function records(ctx: CollectContext, r53: Route53Client, zoneId: string): Promise<Attr<RecordSet[]>> {
  const out: RecordSet[] = [];
  let next: { name?: string; type?: string; id?: string } | undefined = {};
  const seen = new Set<string>();
  while (next) {
    const o: Outcome<ListResourceRecordSetsCommandOutput> = await ctx.send(
      r53,
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: next.name,
        StartRecordType: next.type as never,
        StartRecordIdentifier: next.id,
      }),
    );
    if (!o.ok) return failedAttr(o);
    for (const r of o.value.ResourceRecordSets ?? []) out.push(record(r));
    const key = `${o.value.NextRecordName}|${o.value.NextRecordType}|${o.value.NextRecordIdentifier}`;
    next = o.value.IsTruncated && !seen.has(key) ? { name: o.value.NextRecordName, type: o.value.NextRecordType, id: o.value.NextRecordIdentifier } : undefined;
    seen.add(key);
  }
  return ok(out);
}

/** Hosted zones and their record sets (Route 53 is global and allows 5 requests/s per account). */
export const route53Collector: GlobalCollector = {
  service: 'route53',
  scope: 'global',
  fills: ['route53'],
  commands,
  async collect(ctx) {
    const r53 = ctx.client(Route53Client);
    const zones = await listAll(
      ctx,
      r53,
      (Marker) => new ListHostedZonesCommand({ Marker }),
      (o) => (o.IsTruncated ? o.NextMarker : undefined),
      (o) =>
        (o.HostedZones ?? []).map((z) => {
          const id = (z.Id ?? '').replace(/^\/hostedzone\//, '');
          const zone: HostedZone = {
            id,
            arn: `arn:${ctx.partition}:route53:::hostedzone/${id}`,
            name: z.Name ?? '',
            private: z.Config?.PrivateZone === true,
            records: { state: 'absent' },
          };
          return zone;
        }),
    );
    if (zones.state === 'ok') {
      await Promise.all(
        zones.value.map(async (z) => {
          z.records = await records(ctx, r53, z.id);
        }),
      );
    }
    return { route53: { hostedZones: zones } };
  },
};
