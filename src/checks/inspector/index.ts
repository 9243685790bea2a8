import type { AnyCheck } from '../types.js';
import enabled from './enabled.js';

export const inspectorChecks: AnyCheck[] = [enabled];
