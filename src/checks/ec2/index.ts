import type { AnyCheck } from '../types.js';

export const ec2Checks: AnyCheck[] = [];
