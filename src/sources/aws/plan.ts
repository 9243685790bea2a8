import { GLOBAL_REGION } from '../../inventory/index.js';
import { COLLECTORS, SERVICES } from './collectors/index.js';
import type { WorkUnit } from './unit.js';

export class UnknownServiceError extends Error {}

/** The --services names, checked: a typo must not silently scan less. */
export function selectServices(wanted: readonly string[] | undefined): string[] {
  if (!wanted?.length) return [...SERVICES];
  const names = wanted.map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((s) => !SERVICES.includes(s));
  if (unknown.length) throw new UnknownServiceError(`unknown service${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (one of ${SERVICES.join(', ')})`);
  return SERVICES.filter((s) => names.includes(s));
}

/** Whether any selected service is collected per region (if not, regions need not be listed). */
export const needsRegions = (services: readonly string[]) => COLLECTORS.some((c) => c.scope === 'regional' && services.includes(c.service));

/** Global units first (IAM's credential report takes longest to come), then every region × service. */
export function planUnits(account: string, partition: string, regions: readonly string[], services: readonly string[]): WorkUnit[] {
  const units: WorkUnit[] = [];
  for (const c of COLLECTORS) {
    if (c.scope === 'global' && services.includes(c.service)) units.push({ account, partition, region: GLOBAL_REGION, service: c.service });
  }
  for (const region of regions) {
    for (const c of COLLECTORS) {
      if (c.scope === 'regional' && services.includes(c.service)) units.push({ account, partition, region, service: c.service });
    }
  }
  return units;
}
