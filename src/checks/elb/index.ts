import type { AnyCheck } from '../types.js';

export const elbChecks: AnyCheck[] = [];
