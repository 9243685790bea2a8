import type { AnyCheck } from '../types.js';

export const cloudtrailChecks: AnyCheck[] = [];
