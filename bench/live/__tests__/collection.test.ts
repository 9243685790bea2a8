import { describe, expect, it } from 'vitest';
import { SyntheticAccount } from '../account.js';
import { compareCalls } from '../compare.js';
import { needs } from '../minimum.js';
import { runCollection } from '../run-collection.js';
import { FULL, scaled } from '../spec.js';

// A 1 % account, answered at once: the whole collectLive path in a few seconds.
const spec = scaled(FULL, 0.01, 'tiny', { reportGenerationMs: 0, latencyMs: [0, 1] });
const account = new SyntheticAccount(spec);
const total = (k: Parameters<SyntheticAccount['count']>[0]) => account.regions.reduce((s, r) => s + account.count(k, r), 0);
const fast = { tuning: { reportPollMs: 0, throttleBackoffMs: 10 } };

describe('the benchmark harness on collectLive', () => {
  it('serves the whole account: every resource arrives, no read fails', async () => {
    const { measure } = await runCollection(spec, fast);
    expect(measure.otherErrors).toEqual([]);
    expect(measure.throttleErrors).toBe(0);
    expect(measure.resources).toMatchObject({
      buckets: spec.global.buckets,
      iamUsers: spec.global.users,
      credentialReportRows: spec.global.users + 1,
      instances: total('instances'),
      volumes: total('volumes'),
      snapshots: total('snapshots'),
      securityGroups: total('securityGroups'),
      loadBalancers: total('classicLoadBalancers') + total('loadBalancersV2'),
      dbInstances: total('dbInstances'),
      recordSets: Array.from({ length: account.zoneCount() }, (_, z) => account.zoneSize(z)).reduce((s, n) => s + n, 0),
    });
  });

  it('never counts a call the collector made fewer times than the minimum', async () => {
    // A minimum above what the collector needed would mean the model asks for data it never reads.
    const { measure } = await runCollection(spec, fast);
    const rows = compareCalls(measure.perCall, needs(account));
    expect(rows.filter((r) => r.made < r.minimum)).toEqual([]);
    expect(rows.filter((r) => r.minimum === 0)).toEqual([]);
  });

  it('keeps throttles from reaching the inventory when AWS throttles hard', async () => {
    const { measure } = await runCollection(
      spec,
      { ...fast, limits: { ec2: { concurrency: 50, perInterval: 1000 } } },
      {
        throttle: (call) =>
          call.startsWith('ec2:') ? { key: call, capacity: 2, refillPerSec: 40, scope: 'region', code: 'RequestLimitExceeded', status: 503, source: 'test' } : undefined,
      },
    );
    expect(measure.throttledAttempts).toBeGreaterThan(0);
    expect(measure.throttleErrors).toBe(0);
    expect(measure.recordedThrottles).toBeGreaterThan(0);
    expect(measure.resources.volumes).toBe(total('volumes'));
  });
});
