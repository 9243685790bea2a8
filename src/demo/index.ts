import { buildInventory, type Inventory } from '../inventory/index.js';
import { DEMO_ACCOUNT, DEMO_COLLECTED_AT, DEMO_REGIONS } from './ids.js';
import { accountParts } from './parts/account.js';
import { trailParts } from './parts/trail-monitoring-dns.js';
import { storageParts } from './parts/storage-edge.js';
import { computeParts } from './parts/compute-network.js';

/**
 * The bundled demo account, built from parts (one per area, each owned by the checks that use it)
 * and validated by the snapshot schema like any snapshot.
 */
export function demoInventory(): Inventory {
  const inv = buildInventory([...accountParts, ...trailParts, ...storageParts, ...computeParts], {
    accountId: DEMO_ACCOUNT,
    regions: DEMO_REGIONS,
    source: 'aws',
    why: 'the demo account does not include it',
  });
  inv.meta.origin = 'demo';
  inv.meta.collectedAt = DEMO_COLLECTED_AT;
  inv.meta.identityArn = `arn:aws:iam::${DEMO_ACCOUNT}:role/RampartAudit`;
  inv.meta.description = 'Northwind Analytics (demo): a small SaaS company, two regions, some parts hardened and some not.';
  return inv;
}

/** The demo's scan time, so that its report is the same every day. */
export const DEMO_NOW = new Date('2026-11-20T09:35:00.000Z');
