import type { AnyCheck } from '../types.js';

export const cloudwatchChecks: AnyCheck[] = [];
