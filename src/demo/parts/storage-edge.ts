import type { InventoryPart } from '../../inventory/index.js';

export const storageParts: InventoryPart[] = [];
