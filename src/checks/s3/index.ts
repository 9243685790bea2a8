import type { AnyCheck } from '../types.js';

export const s3Checks: AnyCheck[] = [];
