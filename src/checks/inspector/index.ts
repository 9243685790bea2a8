import type { AnyCheck } from '../types.js';

export const inspectorChecks: AnyCheck[] = [];
