import { createColors } from 'picocolors';
import { GLOBAL_REGION } from '../../inventory/index.js';
import type { LiveCoverage } from './coverage.js';
import type { CallOutcome } from './recorder.js';
import type { WorkUnit } from './unit.js';

/** What collectLive tells its caller while it runs. Plain data: it can be logged as JSON. */
export type ProgressEvent =
  | { type: 'start'; account: string; identityArn: string; regions: string[]; disabledRegions: string[]; services: string[]; units: number }
  | { type: 'unit-start'; unit: WorkUnit }
  | { type: 'call'; unit: WorkUnit; call: string; region: string; outcome: CallOutcome }
  | { type: 'unit-end'; unit: WorkUnit; calls: number; errors: number; throttles: number; durationMs: number; crashed?: string }
  | { type: 'warning'; message: string }
  | { type: 'done'; coverage: LiveCoverage; durationMs: number };

type Cell = 'pending' | 'running' | 'ok' | 'errors' | 'crashed';

const useColor = (stream: NodeJS.WriteStream) =>
  !process.env.NO_COLOR && (stream.isTTY === true || Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0'));

/** Column labels of the live grid. */
const SHORT: Record<string, string> = {
  account: 'acct',
  route53: 'r53',
  cloudfront: 'cf',
  cloudtrail: 'trail',
  cloudwatch: 'cw',
  inspector: 'insp',
  guardduty: 'gd',
  'network-firewall': 'nfw',
};

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const MAX_GAPS_SHOWN = 15;

/** The closing coverage summary: what failed, and what is therefore unknown. */
export function coverageSummary(c: LiveCoverage, durationMs: number, color = false): string {
  const pc = createColors(color);
  const failed = c.failedCalls.reduce((n, f) => n + f.errors, 0);
  const lines = [
    `rampart: collected in ${secs(durationMs)}: ${c.calls} API calls, ${c.throttles} throttled, ${failed} failed.`,
  ];
  if (c.gaps.length === 0) {
    lines.push(pc.green('Coverage: every selected part was read.'));
    return lines.join('\n');
  }
  const attrs = c.gaps.reduce((n, g) => n + g.attributes, 0);
  lines.push(pc.yellow(`Coverage: ${attrs} attribute(s) could not be read; checks report them as unknown:`));
  // One line per call and error, with the regions it happened in.
  const grouped = new Map<string, { call: string; error: string; regions: string[]; attributes: number; examples: string[] }>();
  for (const g of c.gaps) {
    const key = `${g.call}\u0000${g.error}`;
    const x = grouped.get(key) ?? { call: g.call, error: g.error, regions: [], attributes: 0, examples: [] };
    if (g.region !== GLOBAL_REGION) x.regions.push(g.region);
    x.attributes += g.attributes;
    x.examples.push(...g.examples.slice(0, 3 - x.examples.length));
    grouped.set(key, x);
  }
  const groups = [...grouped.values()];
  for (const g of groups.slice(0, MAX_GAPS_SHOWN)) {
    const where = g.regions.length ? ` in ${g.regions.length > 3 ? `${g.regions.length} regions` : g.regions.join(', ')}` : '';
    lines.push(`  ${pc.bold(g.call)}${where}: ${g.error}`);
    lines.push(pc.dim(`    ${g.attributes} attribute(s), e.g. ${g.examples.join(', ')}`));
  }
  if (groups.length > MAX_GAPS_SHOWN) lines.push(`  … and ${groups.length - MAX_GAPS_SHOWN} more (see inventory.meta.calls)`);
  return lines.join('\n');
}

/** A live grid on a terminal: one row per region, one column per service, redrawn a few times a second. */
class LiveView {
  private cells = new Map<string, Cell>();
  private regions: string[] = [];
  private services: string[] = [];
  private header = '';
  private calls = 0;
  private throttles = 0;
  private errors = 0;
  private done = 0;
  private total = 0;
  private drawnLines = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly pc;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.pc = createColors(useColor(stream));
  }

  handle(e: ProgressEvent): void {
    switch (e.type) {
      case 'start':
        this.header = `rampart: scanning ${e.account} as ${e.identityArn}`;
        this.regions = [GLOBAL_REGION, ...e.regions];
        this.services = e.services;
        this.total = e.units;
        this.timer = setInterval(() => this.draw(), 120);
        this.timer.unref();
        break;
      case 'unit-start':
        this.cells.set(`${e.unit.region}|${e.unit.service}`, 'running');
        break;
      case 'call':
        if (e.outcome === 'throttle') this.throttles++;
        else {
          this.calls++;
          if (e.outcome === 'error') this.errors++;
        }
        break;
      case 'unit-end':
        this.done++;
        this.cells.set(`${e.unit.region}|${e.unit.service}`, e.crashed ? 'crashed' : e.errors > 0 ? 'errors' : 'ok');
        break;
      case 'warning':
        this.clear();
        this.stream.write(`${this.pc.yellow('warning')} ${e.message}\n`);
        break;
      case 'done':
        if (this.timer) clearInterval(this.timer);
        this.draw();
        this.stream.write(`${coverageSummary(e.coverage, e.durationMs, useColor(this.stream))}\n`);
        break;
    }
  }

  private symbol(c: Cell | undefined): string {
    const pc = this.pc;
    switch (c) {
      case 'running':
        return pc.cyan('…');
      case 'ok':
        return pc.green('✓');
      case 'errors':
        return pc.yellow('!');
      case 'crashed':
        return pc.red('✗');
      default:
        return pc.dim('·');
    }
  }

  private clear(): void {
    if (this.drawnLines > 0) this.stream.write(`\x1b[${this.drawnLines}A\x1b[0J`);
    this.drawnLines = 0;
  }

  private draw(): void {
    const width = Math.max(...this.regions.map((r) => r.length), 6);
    const cols = this.services.map((s) => (SHORT[s] ?? s).slice(0, 5).padEnd(5)).join(' ');
    const lines = [
      this.header,
      `  units ${this.done}/${this.total}  calls ${this.calls}  throttled ${this.throttles}  errors ${this.errors}`,
      `  ${''.padEnd(width)}  ${this.pc.dim(cols)}`,
      ...this.regions
        .filter((r) => this.services.some((s) => this.cells.has(`${r}|${s}`)) || r !== GLOBAL_REGION)
        .map((r) => `  ${r.padEnd(width)}  ${this.services.map((s) => `${this.symbol(this.cells.get(`${r}|${s}`))}    `).join(' ')}`),
    ];
    this.clear();
    this.stream.write(lines.join('\n') + '\n');
    this.drawnLines = lines.length;
  }
}

/** Plain lines for logs and CI: one per finished unit, warnings, and the summary. */
function plainLines(stream: NodeJS.WriteStream): (e: ProgressEvent) => void {
  return (e) => {
    switch (e.type) {
      case 'start':
        stream.write(
          `rampart: scanning account ${e.account} as ${e.identityArn}: ${e.regions.length} region(s), ${e.services.length} service(s), ${e.units} unit(s)\n`,
        );
        if (e.disabledRegions.length) stream.write(`rampart: not enabled in this account, reported as unknown: ${e.disabledRegions.join(', ')}\n`);
        break;
      case 'unit-end': {
        const what = `${e.unit.service}@${e.unit.region}`;
        const tail = e.crashed ? `collector failed: ${e.crashed}` : `${e.calls} calls, ${e.errors} failed, ${e.throttles} throttled`;
        stream.write(`rampart: ${what} done in ${secs(e.durationMs)}: ${tail}\n`);
        break;
      }
      case 'warning':
        stream.write(`rampart: warning: ${e.message}\n`);
        break;
      case 'done':
        stream.write(`${coverageSummary(e.coverage, e.durationMs, false)}\n`);
        break;
      default:
        break;
    }
  };
}

/** Progress on `stream`: a live grid on a TTY, plain lines otherwise. */
export function progressReporter(stream: NodeJS.WriteStream): (e: ProgressEvent) => void {
  if (stream.isTTY) {
    const view = new LiveView(stream);
    return (e) => view.handle(e);
  }
  return plainLines(stream);
}
