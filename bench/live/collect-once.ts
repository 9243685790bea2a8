/**
 * One collection in a fresh process, so that its peak RSS is its own: `collect-once <full|quick>
 * <variant> <seed> [heap]` prints one JSON line (CollectionMeasure) on stdout. `heap` samples the
 * live heap (the process must run with --expose-gc).
 */
import { runCollection } from './run-collection.js';
import { FULL, QUICK } from './spec.js';
import { VARIANTS } from './variants.js';

const [specName = 'full', variant = 'current', seedText = '1', diagnostic] = process.argv.slice(2);
const spec = specName === 'quick' ? QUICK : FULL;
const knobs = VARIANTS[variant];
if (!knobs) {
  console.error(`unknown variant ${variant} (one of ${Object.keys(VARIANTS).join(', ')})`);
  process.exit(2);
}
const { measure } = await runCollection(spec, knobs, { seed: spec.seed + Number(seedText) }, { sampleLiveHeap: diagnostic === 'heap' });
process.stdout.write(`${JSON.stringify(measure)}\n`);
