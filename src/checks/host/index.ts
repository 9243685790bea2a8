import type { AnyCheck } from '../types.js';

export const hostChecks: AnyCheck[] = [];
