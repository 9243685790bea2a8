import type { AnyCheck } from '../types.js';

export const vpcChecks: AnyCheck[] = [];
