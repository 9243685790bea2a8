import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Limiter } from './limits.js';

/** Counts how many of the given calls have started, after letting pending work run. */
async function started(calls: Array<{ started: boolean }>): Promise<number> {
  await vi.advanceTimersByTimeAsync(0);
  return calls.filter((c) => c.started).length;
}

function fire(limiter: Limiter, service: string, region: string, n: number, action?: string) {
  return Array.from({ length: n }, () => {
    const c = { started: false };
    void limiter.run(service, region, async () => void (c.started = true), action);
    return c;
  });
}

describe('Limiter: token buckets shaped like AWS throttles', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('lets the burst through at once, then waits for the refill instead of failing', async () => {
    const limiter = new Limiter({ rds: { concurrency: 100, perInterval: 10, intervalMs: 1000, burst: 5 } });
    const calls = fire(limiter, 'rds', 'us-east-1', 8);
    expect(await started(calls)).toBe(5);
    // 90 % of 10/s: one token every ~111 ms.
    await vi.advanceTimersByTimeAsync(120);
    expect(await started(calls)).toBe(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await started(calls)).toBe(8);
  });

  it('keeps one bucket per action where AWS does (EC2): a busy action does not hold the others', async () => {
    const limiter = new Limiter({ ec2: { concurrency: 100, burst: 2 } });
    const snapshots = fire(limiter, 'ec2', 'us-east-1', 5, 'ec2:DescribeSnapshotAttribute');
    const volumes = fire(limiter, 'ec2', 'us-east-1', 2, 'ec2:DescribeVolumes');
    expect(await started(snapshots)).toBe(2);
    expect(await started(volumes)).toBe(2);
  });

  it('keeps one bucket per service where AWS does (RDS), and per region', async () => {
    const limiter = new Limiter({ rds: { concurrency: 100, burst: 2 } });
    const a = fire(limiter, 'rds', 'us-east-1', 2, 'rds:DescribeDBInstances');
    const b = fire(limiter, 'rds', 'us-east-1', 2, 'rds:DescribeDBClusters');
    const other = fire(limiter, 'rds', 'eu-west-1', 2, 'rds:DescribeDBClusters');
    expect((await started(a)) + (await started(b))).toBe(2);
    expect(await started(other)).toBe(2);
  });

  it("gives WAF's ListResourcesForWebACL its own 1/s bucket", async () => {
    const limiter = new Limiter();
    const assoc = fire(limiter, 'wafv2', 'us-east-1', 3, 'wafv2:ListResourcesForWebACL');
    const acls = fire(limiter, 'wafv2', 'us-east-1', 3, 'wafv2:GetWebACL');
    expect(await started(assoc)).toBe(1);
    expect(await started(acls)).toBe(3);
    await vi.advanceTimersByTimeAsync(1200);
    expect(await started(assoc)).toBe(2);
  });
});
