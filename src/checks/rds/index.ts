import type { AnyCheck } from '../types.js';

export const rdsChecks: AnyCheck[] = [];
