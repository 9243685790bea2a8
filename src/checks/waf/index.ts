import type { AnyCheck } from '../types.js';
import attached from './attached.js';
import rules from './rules.js';

export const wafChecks: AnyCheck[] = [attached, rules];
