import type { AnyCheck } from '../types.js';

export const wafChecks: AnyCheck[] = [];
