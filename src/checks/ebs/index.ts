import type { AnyCheck } from '../types.js';

export const ebsChecks: AnyCheck[] = [];
