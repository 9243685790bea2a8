/**
 * `npm run bench` — every benchmark, a table, and bench/results.json.
 *   --quick          the live collection on a 5 % account (a sanity run; its ratios are not the targets;
 *                    written to bench/results-quick.json)
 *   --runs N         collections per variant (default 3; medians are reported)
 *   --variant a,b    collector settings to measure (bench/live/variants.ts; default: current)
 *   --only x,y       live, who-can, iac
 *   --live-heap      also sample the live heap (forced GC each second: timings are then not comparable;
 *                    written to bench/results-heap.json)
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchLive, type LiveBenchResult } from './live/bench-live.js';
import { childCommand } from './live/child-build.js';
import { VARIANTS } from './live/variants.js';
import { benchWhoCan } from './policy-who-can.js';

interface Args {
  quick: boolean;
  liveHeap: boolean;
  runs: number;
  variants: string[];
  only: Set<string>;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const variants = (value('--variant') ?? 'current').split(',').filter(Boolean);
  const unknown = variants.filter((v) => !(v in VARIANTS));
  if (unknown.length) throw new Error(`unknown variant ${unknown.join(', ')} (one of ${Object.keys(VARIANTS).join(', ')})`);
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  return { quick: argv.includes('--quick'), liveHeap: argv.includes('--live-heap'), runs, variants, only: new Set((value('--only') ?? 'live,who-can,iac').split(',')) };
}

type Row = [bench: string, figure: string, value: string, target: string];

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

function liveRows(r: LiveBenchResult, quick: boolean): Row[] {
  // The quick account's ratios are dominated by fixed costs (the credential report), and a
  // --live-heap run is slowed by its forced collections: their figures are shown without a verdict.
  const t = (ok: boolean, text: string) => (quick ? `(${text})` : `${text}: ${mark(ok)}`);
  return [
    [r.name, 'API calls (median)', `${r.apiCalls} vs minimum ${r.minimumCalls} = ×${r.callRatio}`, t(r.targets.calls, '≤ ×1.05')],
    [r.name, 'wall time (median)', `${secs(r.wallMs)} vs lower bound ${secs(r.lowerBoundMs)} = ×${r.wallRatio}`, t(r.targets.wall, '≤ ×1.5')],
    [r.name, 'throttling errors reaching the user', `${r.throttleErrors} (${r.throttledAttempts} throttled attempts retried)`, t(r.targets.throttles, '0')],
    [r.name, 'peak RSS (median)', `${r.peakRssMiB} MiB (${r.baselineRssMiB} MiB before collecting, ${r.sdkClients} SDK clients)`, t(r.targets.rss, '< 1024 MiB')],
    [r.name, 'inventory (JSON)', `${r.inventoryMiB} MiB`, ''],
  ];
}

const HEADER: Row = ['bench', 'figure', 'value', 'target'];

function printTable(rows: readonly Row[]): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[...rows, HEADER].map((r) => (r[i] ?? '').length)));
  const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(HEADER));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** The IaC engineer's bench, when it exists: bench/iac.ts exporting benchIac(). */
async function loadIac(): Promise<(() => Promise<Record<string, unknown>>) | string> {
  const path = new URL('./iac.ts', import.meta.url);
  try {
    const mod = (await import(path.href)) as { benchIac?: () => Promise<Record<string, unknown>> };
    return typeof mod.benchIac === 'function' ? mod.benchIac : 'bench/iac.ts has no benchIac export';
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(fileURLToPath(path))) return 'bench/iac.ts does not exist yet';
    throw e;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const git = (...a: string[]) => spawnSync('git', a, { encoding: 'utf8' }).stdout.trim();
  // Which collector is measured: the commit, and whether its sources have uncommitted changes.
  const source = { commit: git('rev-parse', '--short', 'HEAD'), collectorsChanged: git('status', '--porcelain', '--', 'src/sources/aws') !== '' };
  const log = (s: string) => console.error(s);
  const results: Record<string, unknown> = {};
  const rows: Row[] = [];
  const notes: string[] = [];

  if (args.only.has('live')) {
    const live: LiveBenchResult[] = [];
    log('compiling the collection (it runs as plain JavaScript, as the CLI does)...');
    const command = childCommand();
    if (command.note) notes.push(`live: ${command.note}`);
    for (const variant of args.variants) {
      log(`live collection, ${args.quick ? 'quick' : 'full'} account, ${variant} limits, ${args.runs} run(s)...`);
      const r = await benchLive({ quick: args.quick, runs: args.runs, variant, log, command, liveHeap: args.liveHeap });
      live.push(r);
      rows.push(...liveRows(r, args.quick || args.liveHeap));
      if (r.liveHeapPeakMiB !== undefined) rows.push([r.name, 'live heap, peak (forced GC each second)', `${r.liveHeapPeakMiB} MiB`, '']);
      if (r.otherErrors.length) notes.push(`${r.name}: unexpected failed reads: ${r.otherErrors.map((e) => `${e.call} ${e.code} ×${e.count}`).join(', ')}`);
    }
    results.live = live;
  }
  if (args.only.has('who-can')) {
    log('policy: who-can...');
    const w = await benchWhoCan();
    results.whoCan = w;
    rows.push([w.name, 'cold query (parse included)', `${w.ms} ms wall, ${w.cpuMs} ms CPU`, ''], [w.name, 'warm query', `${w.warmMs} ms`, '']);
  }
  if (args.only.has('iac')) {
    const iac = await loadIac();
    if (typeof iac === 'string') {
      notes.push(`iac: skipped (${iac})`);
      results.iac = { skipped: iac };
    } else {
      log('iac...');
      const r = await iac();
      results.iac = r;
      const name = typeof r.name === 'string' ? r.name : 'iac';
      for (const [k, v] of Object.entries(r)) if (k !== 'name' && (typeof v === 'number' || typeof v === 'string')) rows.push([name, k, String(v), '']);
    }
  }

  console.log('');
  printTable(rows);
  for (const n of notes) console.log(`note: ${n}`);
  // Only a full-size run without diagnostics replaces the reference figures.
  const resultsName = args.quick ? 'results-quick.json' : args.liveHeap ? 'results-heap.json' : 'results.json';
  const file = fileURLToPath(new URL(`./${resultsName}`, import.meta.url));
  const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), source, machine, args: { ...args, only: [...args.only] }, results }, null, 2)}\n`);
  console.log(`\nwritten: bench/${resultsName}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
