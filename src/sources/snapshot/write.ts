import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Inventory } from '../../inventory/index.js';

/** Writes a snapshot; gzipped when the name ends in .gz. The inventory holds no secrets by construction. */
export async function writeSnapshot(inv: Inventory, file: string): Promise<void> {
  const json = JSON.stringify(inv);
  await writeFile(file, file.endsWith('.gz') ? gzipSync(json) : json + '\n');
}
