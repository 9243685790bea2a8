import { describe, expect, it } from 'vitest';
import { distribute, SyntheticAccount } from '../account.js';
import { FULL, QUICK, scaled } from '../spec.js';

describe('distribute', () => {
  it('splits the total exactly, by weight, the rest evenly', () => {
    const d = distribute(1000, ['a', 'b', 'c', 'd'], { a: 0.5 });
    expect([...d.values()].reduce((s, n) => s + n, 0)).toBe(1000);
    expect(d.get('a')).toBe(500);
    expect([d.get('b'), d.get('c'), d.get('d')].sort()).toEqual([166, 167, 167]);
  });
});

describe('SyntheticAccount', () => {
  const a = new SyntheticAccount(FULL);

  it("has the issue's headline counts", () => {
    const total = (k: Parameters<SyntheticAccount['count']>[0]) => a.regions.reduce((s, r) => s + a.count(k, r), 0);
    expect(a.regions).toHaveLength(17);
    expect(a.bucketCount()).toBe(2000);
    expect(total('instances')).toBe(5000);
    expect(total('securityGroups')).toBe(10_000);
    expect(total('volumes')).toBe(20_000);
    expect(total('classicLoadBalancers') + total('loadBalancersV2')).toBe(300);
    expect(total('dbInstances')).toBe(200);
    expect(a.zoneCount()).toBe(50);
  });

  it('keeps most resources in three regions', () => {
    const top3 = ['us-east-1', 'eu-west-1', 'us-west-2'].reduce((s, r) => s + a.count('instances', r), 0);
    expect(top3 / 5000).toBeGreaterThan(0.8);
    expect(a.regions.every((r) => a.count('instances', r) > 0)).toBe(true);
  });

  it('is the same account for the same seed, another for another seed', () => {
    const again = new SyntheticAccount(FULL);
    const other = new SyntheticAccount({ ...FULL, seed: FULL.seed + 1 });
    expect(again.bucketName(7)).toBe(a.bucketName(7));
    expect(again.rid('i', 'us-east-1', 3)).toBe(a.rid('i', 'us-east-1', 3));
    expect(other.bucketName(7)).not.toBe(a.bucketName(7));
  });

  it('reads a bucket name back to its index, and rejects look-alikes', () => {
    for (const i of [0, 1, 999, 1999]) expect(a.bucketIndex(a.bucketName(i))).toBe(i);
    expect(a.bucketIndex(a.bucketName(5).replace(/-5$/, '-6'))).toBeUndefined();
    expect(a.bucketIndex('northwind-000000-2000')).toBeUndefined();
  });

  it('sizes zones unevenly, about to the total', () => {
    const sizes = Array.from({ length: a.zoneCount() }, (_, z) => a.zoneSize(z));
    const sum = sizes.reduce((s, n) => s + n, 0);
    expect(Math.abs(sum - FULL.global.recordSets) / FULL.global.recordSets).toBeLessThan(0.01);
    expect(Math.max(...sizes)).toBeGreaterThan(10 * Math.min(...sizes));
  });

  it('scales every count, keeping at least one of each kind', () => {
    const tiny = scaled(FULL, 0.0001, 'tiny');
    expect(tiny.regional.instances).toBe(1);
    expect(tiny.global.buckets).toBe(1);
    expect(QUICK.regional.volumes).toBe(1000);
  });
});
