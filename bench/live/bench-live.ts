import { spawn } from 'node:child_process';
import { SyntheticAccount } from './account.js';
import { childCommand, type ChildCommand } from './child-build.js';
import { compareCalls, latestLanes, median, type CallComparison } from './compare.js';
import { lowerBound, needs } from './minimum.js';
import type { CollectionMeasure } from './run-collection.js';
import { FULL, QUICK, type AccountSpec } from './spec.js';

export interface LiveBenchResult {
  name: string;
  account: string;
  variant: string;
  runs: number;
  /** How the collection ran: compiled ('node', as the CLI runs) or under tsx (RSS inflated). */
  runtime: 'node' | 'tsx';
  /** Medians over the runs. */
  wallMs: number;
  apiCalls: number;
  throttledAttempts: number;
  throttleErrors: number;
  peakRssMiB: number;
  /** RSS once the code is loaded, before the collection starts (median). */
  baselineRssMiB: number;
  /** With --live-heap: the live heap's peak (forced GC every second, which slows the run). */
  liveHeapPeakMiB?: number;
  /** SDK clients the collection created (one per class and region). */
  sdkClients: number;
  inventoryMiB: number;
  /** What the account allows. */
  minimumCalls: number;
  lowerBoundMs: number;
  criticalLane: string;
  callRatio: number;
  wallRatio: number;
  targets: { calls: boolean; wall: boolean; throttles: boolean; rss: boolean };
  otherErrors: CollectionMeasure['otherErrors'];
  resources: Record<string, number>;
  /** Per-run figures, to show the spread. */
  perRun: Array<Pick<CollectionMeasure, 'wallMs' | 'apiCalls' | 'throttledAttempts' | 'throttleErrors' | 'peakRssMiB'>>;
  /** The APIs whose call count differs most from the minimum (median run). */
  excessCalls: CallComparison[];
  /** The (service, region) lanes that finished last (median run). */
  lastLanes: Array<{ lane: string; lastMs: number; calls: number }>;
  /** The work units that ended last (median run): when each started, and when it ended. */
  lastUnits: Array<{ unit: string; startMs: number; endMs: number; calls: number }>;
  /** The slowest lanes of the lower bound. */
  boundLanes: Array<{ name: string; ms: number }>;
}

const MEAN_LATENCY = (spec: AccountSpec) => (spec.latencyMs[0] + spec.latencyMs[1]) / 2;

/** Runs one collection in a child process (its own peak RSS) and parses its JSON line. */
function runChild(command: ChildCommand, spec: string, variant: string, seed: number, liveHeap: boolean): Promise<CollectionMeasure> {
  return new Promise((resolve, reject) => {
    const args = liveHeap ? ['--expose-gc', ...command.args, spec, variant, String(seed), 'heap'] : [...command.args, spec, variant, String(seed)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`collection run failed (exit ${code}): ${err.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      resolve(JSON.parse(line) as CollectionMeasure);
    });
  });
}

/** The issue's benchmark: live collection of the synthetic account, `runs` times, medians. */
export async function benchLive(
  opts: { quick?: boolean; runs?: number; variant?: string; log?: (s: string) => void; command?: ChildCommand; liveHeap?: boolean } = {},
): Promise<LiveBenchResult> {
  const command = opts.command ?? childCommand();
  const spec = opts.quick ? QUICK : FULL;
  const variant = opts.variant ?? 'current';
  const runs = opts.runs ?? 3;
  const account = new SyntheticAccount(spec);
  const minimum = needs(account);
  const minimumCalls = minimum.reduce((s, n) => s + n.calls, 0);
  const bound = lowerBound(account, MEAN_LATENCY(spec));
  const measures: CollectionMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    const m = await runChild(command, spec.name, variant, i + 1, opts.liveHeap === true);
    opts.log?.(`  ${spec.name}/${variant} run ${i + 1}/${runs}: ${(m.wallMs / 1000).toFixed(1)} s, ${m.apiCalls} calls, ${m.throttledAttempts} throttled, ${Math.round(m.peakRssMiB)} MiB`);
    measures.push(m);
  }
  const med = (f: (m: CollectionMeasure) => number) => median(measures.map(f));
  const wallMs = med((m) => m.wallMs);
  const apiCalls = med((m) => m.apiCalls);
  const typical = [...measures].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(measures.length / 2)] ?? measures[0];
  if (!typical) throw new Error('no run');
  const throttleErrors = med((m) => m.throttleErrors);
  const peakRssMiB = med((m) => m.peakRssMiB);
  const callRatio = apiCalls / minimumCalls;
  const wallRatio = wallMs / bound.ms;
  return {
    name: `live collection (${spec.name} account${variant === 'current' ? '' : `, ${variant} limits`})`,
    account: spec.name,
    variant,
    runs,
    runtime: command.runtime,
    wallMs: Math.round(wallMs),
    apiCalls,
    throttledAttempts: med((m) => m.throttledAttempts),
    throttleErrors,
    peakRssMiB: Math.round(peakRssMiB),
    baselineRssMiB: Math.round(med((m) => m.baselineRssMiB)),
    ...(opts.liveHeap ? { liveHeapPeakMiB: Math.round(med((m) => m.liveHeapPeakMiB ?? NaN)) } : {}),
    sdkClients: typical.sdkClients,
    inventoryMiB: Math.round((med((m) => m.inventoryBytes) / 2 ** 20) * 10) / 10,
    minimumCalls,
    lowerBoundMs: Math.round(bound.ms),
    criticalLane: bound.critical.name,
    callRatio: Math.round(callRatio * 1000) / 1000,
    wallRatio: Math.round(wallRatio * 100) / 100,
    targets: { calls: callRatio <= 1.05, wall: wallRatio <= 1.5, throttles: throttleErrors === 0, rss: peakRssMiB < 1024 },
    otherErrors: typical.otherErrors,
    resources: typical.resources,
    perRun: measures.map((m) => ({
      wallMs: Math.round(m.wallMs),
      apiCalls: m.apiCalls,
      throttledAttempts: m.throttledAttempts,
      throttleErrors: m.throttleErrors,
      peakRssMiB: Math.round(m.peakRssMiB),
    })),
    excessCalls: compareCalls(typical.perCall, minimum)
      .filter((c) => c.excess !== 0 || c.throttled > 0 || c.overMax > 0)
      .slice(0, 12),
    lastLanes: latestLanes(typical.perCall),
    lastUnits: [...typical.units]
      .sort((a, b) => b.endMs - a.endMs)
      .slice(0, 8)
      .map((u) => ({ unit: u.unit, startMs: Math.round(u.startMs), endMs: Math.round(u.endMs), calls: u.calls })),
    boundLanes: bound.lanes.slice(0, 6).map((l) => ({ name: l.name, ms: Math.round(l.ms) })),
  };
}
