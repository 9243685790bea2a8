import type { InventoryPart } from '../../inventory/index.js';

export const computeParts: InventoryPart[] = [];
