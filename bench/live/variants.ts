import type { CollectorKnobs } from './run-collection.js';

/**
 * Collector settings a run can be measured with. `current` is the collector as shipped; the
 * others are candidate changes to src/sources/aws/limits.ts, applied through LiveOptions.limits so
 * that their effect is measured before anyone edits the real table.
 */
export const VARIANTS: Readonly<Record<string, CollectorKnobs>> = {
  current: {},
};
