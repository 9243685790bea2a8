import type { HostedZone, Inventory, RecordSet } from '../../inventory/index.js';
import { describeMissing } from '../../inventory/index.js';
import { ancestors, isAtOrBelow, normName, txtString } from './dns-text.js';

/** What a TXT query for one name gives. */
export type TxtAnswer =
  | { kind: 'records'; values: string[] }
  /** The name has no TXT record (NXDOMAIN or NODATA), said by a zone we know is authoritative. */
  | { kind: 'none' }
  /** Nobody we can ask knows: a zone outside the inventory, a delegation, an unreadable zone. */
  | { kind: 'unknown'; reason: string };

/**
 * Answers TXT queries. Checks stay pure: the default answers from the inventory's hosted zones
 * (and from records the user lists in the check's options); a live resolver can be plugged in
 * later by prefetching answers into the same shape.
 */
export type TxtResolver = (name: string) => TxtAnswer;

const MAX_CNAME_HOPS = 8;

interface KnownZone {
  name: string;
  zone: HostedZone;
  records: RecordSet[] | undefined;
  why?: string;
}

/** The public zones of the inventory, by normalised name. Private zones are invisible to the Internet. */
export function publicZones(inv: Inventory): HostedZone[] {
  const z = inv.route53.hostedZones;
  return z.state === 'ok' ? z.value.filter((h) => !h.private) : [];
}

/** Records of one zone at one name and type (names compared normalised). */
export function recordsAt(records: RecordSet[], name: string, type: string): RecordSet[] {
  return records.filter((r) => r.type.toUpperCase() === type && normName(r.name) === name);
}

/** A resolver over the inventory's public hosted zones, with the user's extra TXT records first. */
export function inventoryResolver(inv: Inventory, extra: Record<string, string[]> = {}, fallback?: TxtResolver): TxtResolver {
  const extraByName = new Map(Object.entries(extra).map(([k, v]) => [normName(k), v]));
  const zonesByName = new Map<string, KnownZone[]>();
  for (const zone of publicZones(inv)) {
    const name = normName(zone.name);
    const known: KnownZone = { name, zone, records: zone.records.state === 'ok' ? zone.records.value : undefined };
    if (zone.records.state !== 'ok') known.why = `the records of zone ${name} could not be read (${describeMissing(zone.records)})`;
    zonesByName.set(name, [...(zonesByName.get(name) ?? []), known]);
  }

  const resolve = (qname: string, hops: number): TxtAnswer => {
    const name = normName(qname);
    const given = extraByName.get(name);
    if (given) return { kind: 'records', values: given };
    const zoneName = [name, ...ancestors(name)].find((n) => zonesByName.has(n));
    const candidates = zoneName ? (zonesByName.get(zoneName) ?? []) : [];
    if (candidates.length === 0) {
      return fallback ? fallback(name) : { kind: 'unknown', reason: `${name} is outside the hosted zones Rampart read` };
    }
    if (candidates.length > 1) {
      return { kind: 'unknown', reason: `${candidates.length} public hosted zones are named ${zoneName}, and which one the domain is delegated to is not known` };
    }
    const z = candidates[0]!;
    if (!z.records) return { kind: 'unknown', reason: z.why ?? `zone ${z.name} could not be read` };
    // A delegation between the apex and the name hands the answer to other name servers.
    const cut = [name, ...ancestors(name)].find((n) => n !== z.name && isAtOrBelow(n, z.name) && recordsAt(z.records!, n, 'NS').length > 0);
    if (cut) return fallback ? fallback(name) : { kind: 'unknown', reason: `${cut} is delegated to other name servers` };

    const txt = recordsAt(z.records, name, 'TXT');
    if (txt.length > 0) return { kind: 'records', values: txt.flatMap((r) => r.values.map(txtString)) };
    const cname = recordsAt(z.records, name, 'CNAME')[0];
    if (cname?.values[0]) {
      if (hops >= MAX_CNAME_HOPS) return { kind: 'unknown', reason: `too many CNAME hops from ${name}` };
      return resolve(cname.values[0], hops + 1);
    }
    if (z.records.some((r) => isAtOrBelow(normName(r.name), name))) return { kind: 'none' };
    // No such name: a wildcard at the closest existing ancestor answers instead (RFC 4592).
    const encloser = ancestors(name).find((n) => isAtOrBelow(n, z.name) && z.records!.some((r) => isAtOrBelow(normName(r.name), n)));
    if (encloser) {
      const wild = recordsAt(z.records, `*.${encloser}`, 'TXT');
      if (wild.length > 0) return { kind: 'records', values: wild.flatMap((r) => r.values.map(txtString)) };
    }
    return { kind: 'none' };
  };
  return (name) => resolve(name, 0);
}
