import type { Inventory } from '../inventory/index.js';
import { readSnapshot } from '../sources/snapshot/index.js';
import { demoInventory, DEMO_NOW } from '../demo/index.js';
import { UsageError } from './errors.js';

/** Where a command's inventory comes from: the demo, snapshot files, or the live account. */
export interface InventorySourceOptions {
  demo?: boolean;
  snapshot?: string[];
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
  regions?: string[];
  services?: string[];
  progress?: boolean;
}

export interface LoadedInventory {
  inventory: Inventory;
  /** The scan time handed to checks: the collection time for snapshots and the demo, now for live scans. */
  now: Date;
}

export async function loadInventories(opts: InventorySourceOptions): Promise<LoadedInventory[]> {
  if (opts.demo && opts.snapshot?.length) throw new UsageError('--demo and --snapshot cannot be used together');
  if (opts.demo) return [{ inventory: demoInventory(), now: DEMO_NOW }];
  if (opts.snapshot?.length) {
    const out: LoadedInventory[] = [];
    for (const file of opts.snapshot) {
      const inventory = await readSnapshot(file);
      inventory.meta.origin = 'snapshot';
      out.push({ inventory, now: new Date(inventory.meta.collectedAt) });
    }
    return out;
  }
  // Loaded on demand: the SDK is heavy and not needed for snapshots, the demo or IaC.
  const live = await import('../sources/aws/index.js');
  const inventory = await live.collectLive({
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
    ...(opts.externalId ? { externalId: opts.externalId } : {}),
    ...(opts.sessionName ? { sessionName: opts.sessionName } : {}),
    ...(opts.regions?.length ? { regions: opts.regions } : {}),
    ...(opts.services?.length ? { services: opts.services } : {}),
    ...(opts.progress !== false ? { onProgress: live.progressReporter(process.stderr) } : {}),
  });
  return [{ inventory, now: new Date() }];
}
