import type { AnyCheck } from '../types.js';

export const route53Checks: AnyCheck[] = [];
