import { collectLive, type LiveOptions, type ProgressEvent } from '../../src/sources/aws/index.js';
import type { Inventory } from '../../src/inventory/index.js';
import { SyntheticAccount } from './account.js';
import { FakeAws, type CallStat, type FakeOptions } from './fake-aws.js';
import { failedReads, isThrottleRead, resourceCounts, type FailedRead } from './inspect.js';
import { Pacer } from './pacer.js';
import type { AccountSpec } from './spec.js';

/** The knobs a bench variant may turn on collectLive (our limiter, unit pool, tuning). */
export type CollectorKnobs = Pick<LiveOptions, 'limits' | 'tuning' | 'unitConcurrency'> & {
  /** Pace every request with AWS-shaped token buckets before the SDK sends it (see pacer.ts). */
  pacePerAction?: boolean;
};

/** What the pacing middleware needs of an SDK client. */
interface InitializeStack {
  add(
    mw: (next: (args: { input?: unknown }) => Promise<unknown>, context: { commandName?: string }) => (args: { input?: unknown }) => Promise<unknown>,
    options: { step: 'initialize'; priority: 'high'; name: string },
  ): void;
}

export interface CollectionMeasure {
  wallMs: number;
  /** Requests AWS received (every attempt, SDK retries included), from the fake's side. */
  apiCalls: number;
  /** Of those, how many AWS throttled (absorbed by retries unless they reach `throttleErrors`). */
  throttledAttempts: number;
  /** Requests as the collector recorded them in inventory.meta.calls. */
  recordedCalls: number;
  recordedThrottles: number;
  /** Failed reads in the inventory whose error is a throttle: what the user would see. */
  throttleErrors: number;
  /** Every other failed read (the fake answers nothing that should fail: these are bugs). */
  otherErrors: FailedRead[];
  peakRssMiB: number;
  /** RSS with the code loaded, just before the collection starts. */
  baselineRssMiB: number;
  /** Live heap at its highest, sampled after a forced GC every second (only with `sampleLiveHeap`). */
  liveHeapPeakMiB?: number;
  /** SDK clients built (one per client class and region). */
  sdkClients: number;
  peakInFlight: number;
  inventoryBytes: number;
  resources: Record<string, number>;
  perCall: CallStat[];
  /** Each work unit's start and end (ms from the start of the collection), in start order. */
  units: UnitSpan[];
}

export interface UnitSpan {
  unit: string;
  startMs: number;
  endMs: number;
  calls: number;
}

const CREDENTIALS = async () => ({ accessKeyId: 'AKIDRAMPARTBENCH', secretAccessKey: 'not-a-secret' });

/**
 * One live collection of the synthetic account, in this process: collectLive as the CLI runs
 * it, with the fake answering every SDK client. Returns the measures and the inventory.
 */
export async function runCollection(
  spec: AccountSpec,
  knobs: CollectorKnobs = {},
  fake: FakeOptions = {},
  diagnostics: { sampleLiveHeap?: boolean } = {},
): Promise<{ measure: CollectionMeasure; inventory: Inventory }> {
  const server = new FakeAws(new SyntheticAccount(spec), fake);
  const { pacePerAction, ...options } = knobs;
  const pacer = pacePerAction ? new Pacer() : undefined;
  let sdkClients = 0;
  const onClient: LiveOptions['onClient'] = (client, info) => {
    sdkClients++;
    server.onClient(client, info);
    // Outside the retry loop, as a limiter in front of client.send would be.
    if (pacer) {
      (client.middlewareStack as InitializeStack).add(
        (next, context) => async (args) => {
          await pacer.wait(info.clientName, info.region, context.commandName ?? '', (args.input ?? {}) as Record<string, unknown>);
          return next(args);
        },
        { step: 'initialize', priority: 'high', name: 'rampartBenchPacer' },
      );
    }
  };
  const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const units = new Map<string, UnitSpan>();
  const onProgress = (e: ProgressEvent) => {
    if (e.type !== 'unit-start' && e.type !== 'unit-end') return;
    const unit = `${e.unit.service}@${e.unit.region}`;
    const now = performance.now() - t0;
    if (e.type === 'unit-start') units.set(unit, { unit, startMs: now, endMs: now, calls: 0 });
    else {
      const u = units.get(unit);
      if (u) Object.assign(u, { endMs: now, calls: e.calls });
    }
  };
  // Diagnostic only (forced collections cost time): what is alive, as opposed to what V8 has not yet freed.
  const gc = (globalThis as { gc?: () => void }).gc;
  let liveHeapPeak = 0;
  const sampler =
    diagnostics.sampleLiveHeap && gc
      ? setInterval(() => {
          gc();
          liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
        }, 1000)
      : undefined;
  const inventory = await collectLive({ credentials: CREDENTIALS, env: {}, onClient, onProgress, ...options }).finally(() => clearInterval(sampler));
  const wallMs = performance.now() - t0;
  // Read the peak before serialising the inventory, which would add a copy of its own.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const perCall = server.calls();
  const reads = failedReads(inventory);
  const measure: CollectionMeasure = {
    wallMs,
    apiCalls: perCall.reduce((s, c) => s + c.attempts, 0),
    throttledAttempts: perCall.reduce((s, c) => s + c.throttled, 0),
    recordedCalls: inventory.meta.calls.reduce((s, c) => s + c.count, 0),
    recordedThrottles: inventory.meta.calls.reduce((s, c) => s + c.throttles, 0),
    throttleErrors: reads.filter(isThrottleRead).reduce((s, r) => s + r.count, 0),
    otherErrors: reads.filter((r) => !isThrottleRead(r)),
    peakRssMiB,
    baselineRssMiB,
    ...(sampler ? { liveHeapPeakMiB: liveHeapPeak / 2 ** 20 } : {}),
    sdkClients,
    peakInFlight: server.peakInFlight,
    inventoryBytes: Buffer.byteLength(JSON.stringify(inventory)),
    resources: resourceCounts(inventory),
    perCall,
    units: [...units.values()],
  };
  return { measure, inventory };
}
