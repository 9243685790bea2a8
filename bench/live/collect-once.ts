/**
 * One collection in a fresh process, so that its peak RSS is its own: `tsx bench/live/collect-once.ts
 * <full|quick> <variant> <seed>` prints one JSON line (CollectionMeasure) on stdout.
 */
import { runCollection } from './run-collection.js';
import { FULL, QUICK } from './spec.js';
import { VARIANTS } from './variants.js';

const [specName = 'full', variant = 'current', seedText = '1'] = process.argv.slice(2);
const spec = specName === 'quick' ? QUICK : FULL;
const knobs = VARIANTS[variant];
if (!knobs) {
  console.error(`unknown variant ${variant} (one of ${Object.keys(VARIANTS).join(', ')})`);
  process.exit(2);
}
const { measure } = await runCollection(spec, knobs, { seed: spec.seed + Number(seedText) });
process.stdout.write(`${JSON.stringify(measure)}\n`);
