import { describe, expect, it } from 'vitest';
import { SyntheticAccount } from '../account.js';
import { lowerBound, needs } from '../minimum.js';
import { FULL, scaled, type AccountSpec } from '../spec.js';

/** An account with nothing but what a test adds, in one region. */
function only(regional: Partial<AccountSpec['regional']>, global: Partial<AccountSpec['global']> = {}): SyntheticAccount {
  const empty = scaled(FULL, 0, 'empty');
  const zero = <T extends object>(o: T): T => Object.fromEntries(Object.keys(o).map((k) => [k, 0])) as T;
  return new SyntheticAccount({
    ...empty,
    regions: ['us-east-1'],
    weights: { 'us-east-1': 1 },
    regional: { ...zero(empty.regional), ...regional },
    global: { ...zero(empty.global), ...global },
    reportGenerationMs: 0,
  });
}

const callsOf = (a: SyntheticAccount, call: string) => needs(a).filter((n) => n.call === call).reduce((s, n) => s + n.calls, 0);

describe('needs', () => {
  it('pages each list at the largest size AWS allows', () => {
    const a = only({ volumes: 1234, securityGroups: 1001 });
    expect(callsOf(a, 'ec2:DescribeVolumes')).toBe(3);
    expect(callsOf(a, 'ec2:DescribeSecurityGroups')).toBe(2);
  });

  it('counts one call per item where AWS has no bulk call', () => {
    const a = only({ snapshots: 321, dbSnapshots: 10 }, { buckets: 7 });
    expect(callsOf(a, 'ec2:DescribeSnapshotAttribute')).toBe(321);
    // Automated RDS snapshots cannot be shared: only the manual half is asked about.
    expect(callsOf(a, 'rds:DescribeDBSnapshotAttributes')).toBe(5);
    expect(callsOf(a, 's3:GetBucketPolicy')).toBe(7);
  });
});

describe('lowerBound', () => {
  it('is the slowest token bucket: calls beyond the burst at the refill rate, plus its round trips', () => {
    const a = only({ snapshots: 900 });
    const lb = lowerBound(a, 50);
    // Discovery (2 round trips), the first page of snapshots (1), the last attribute call (1),
    // and 800 calls beyond EC2's burst of 100 at 20/s.
    expect(lb.ms).toBeCloseTo(4 * 50 + (800 / 20) * 1000, 6);
    expect(lb.critical.name).toContain('ec2:DescribeSnapshotAttribute@us-east-1');
  });

  it('is a chain of round trips when a long list is the slowest thing', () => {
    const a = only({}, { hostedZones: 1, recordSets: 300 * 20 + 1 });
    const lb = lowerBound(a, 50);
    const chain = lb.lanes.find((l) => l.name.startsWith('route53:ListResourceRecordSets'));
    // One round trip for the zone list, then 21 pages of records one after the other.
    expect(chain?.ms).toBe((1 + 21) * 50);
  });
});
