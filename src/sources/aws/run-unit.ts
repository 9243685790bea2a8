import { GLOBAL_REGION, type CallRecord } from '../../inventory/index.js';
import type { GlobalPart, RegionalPart } from './collector.js';
import { CollectContext, type Shared } from './context.js';
import { collectorFor } from './collectors/index.js';
import { CallRecorder, type CallOutcome } from './recorder.js';
import { isGlobal, type WorkUnit } from './unit.js';

/** What a unit gives back: plain data, so it could cross a process or a queue. */
export interface UnitResult {
  unit: WorkUnit;
  /** Global units fill top-level parts; regional units fill one region's parts. */
  global?: GlobalPart;
  regional?: RegionalPart;
  calls: CallRecord[];
  /** Set when the collector itself threw (a bug or an answer it could not handle). */
  crashed?: string;
  durationMs: number;
}

/**
 * Runs one unit: its collector against its region, with its own call records. Never throws; a
 * collector that throws is reported in `crashed`, and the assembler marks its parts as failed.
 */
export async function runUnit(
  unit: WorkUnit,
  shared: Shared,
  onCall?: (unit: WorkUnit, call: string, region: string, outcome: CallOutcome) => void,
): Promise<UnitResult> {
  const started = Date.now();
  const recorder = new CallRecorder(onCall ? (call, region, outcome) => onCall(unit, call, region, outcome) : undefined);
  const collector = collectorFor(unit.service, isGlobal(unit));
  if (!collector) {
    return { unit, calls: [], crashed: `no ${unit.region === GLOBAL_REGION ? 'global' : 'regional'} collector for ${unit.service}`, durationMs: 0 };
  }
  const ctx = new CollectContext(unit, collector.commands, recorder, shared);
  try {
    const part = await collector.collect(ctx);
    const base = { unit, calls: recorder.snapshot(), durationMs: Date.now() - started };
    return collector.scope === 'global' ? { ...base, global: part as GlobalPart } : { ...base, regional: part as RegionalPart };
  } catch (e) {
    return { unit, calls: recorder.snapshot(), crashed: e instanceof Error ? e.message : String(e), durationMs: Date.now() - started };
  }
}
