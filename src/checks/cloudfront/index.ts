import type { AnyCheck } from '../types.js';

export const cloudfrontChecks: AnyCheck[] = [];
