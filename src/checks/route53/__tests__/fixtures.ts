import type { z } from 'zod';
import type { HostedZoneSchema, InventoryPart } from '../../../inventory/index.js';
import { ok } from '../../../inventory/index.js';

type ZoneInput = z.input<typeof HostedZoneSchema>;

export const rr = (name: string, type: string, values: string[]) => ({ name, type, ttl: 300, values });
export const zoneArn = (id: string) => `arn:aws:route53:::hostedzone/${id}`;

/** A hosted zone with its SOA and NS, plus the records given (names relative to the apex, '@' for it). */
export function zone(id: string, name: string, records: Array<[string, string, string[]]>, isPrivate = false): ZoneInput {
  const fq = (n: string) => (n === '@' ? name : `${n}.${name}`);
  return {
    id,
    arn: zoneArn(id),
    name,
    private: isPrivate,
    records: ok([
      rr(name, 'SOA', ['ns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400']),
      rr(name, 'NS', ['ns-1.awsdns-01.com.', 'ns-2.awsdns-02.org.']),
      ...records.map(([n, type, values]) => rr(fq(n), type, values)),
    ]),
  };
}

export const zones = (...zs: ZoneInput[]): InventoryPart => ({ route53: { hostedZones: ok(zs) } });
