/**
 * Child process of bench/iac.ts: loads the generated templates once and prints the time and the
 * process's peak memory as JSON. A process of its own, so the peak is this load's alone.
 *   node --import tsx bench/iac-load.ts <what> <dir>...   (what: load | scan)
 */
import { performance } from 'node:perf_hooks';
import { loadIac, PLACEHOLDER_ACCOUNT } from '../src/sources/iac/load.js';
import { scanIac } from '../src/sources/iac/scan.js';
import { ALL_CHECKS } from '../src/checks/index.js';

const [what, ...paths] = process.argv.slice(2);
const start = performance.now();
const load = loadIac(paths, {
  region: 'us-east-1',
  accountId: PLACEHOLDER_ACCOUNT,
  partition: 'aws',
  parameters: new Map(),
  vars: [],
  varFiles: [],
  collectedAt: new Date().toISOString(),
});
const loadedMs = performance.now() - start;
let findings = 0;
if (what === 'scan') findings = scanIac(load, { checks: ALL_CHECKS, now: new Date() }).runResults.reduce((n, r) => n + r.findings.length, 0);
const totalMs = performance.now() - start;
const resources = load.sources.reduce((n, s) => {
  const inv = s.scenarios[0]!.inventory;
  const count = (a: { state: string; value?: unknown }) => (a.state === 'ok' && Array.isArray(a.value) ? a.value.length : 0);
  return n + count(inv.s3.buckets) + count(inv.iam.roles) + Object.values(inv.regions).reduce((m, r) => m + count(r.ec2.securityGroups), 0);
}, 0);
process.stdout.write(
  JSON.stringify({
    loadMs: Math.round(loadedMs),
    totalMs: Math.round(totalMs),
    peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    heapUsedMiB: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10,
    errors: load.errors.length,
    scenarios: load.sources.reduce((n, s) => n + s.scenarios.length, 0),
    resources,
    findings,
  }),
);
