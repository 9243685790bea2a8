import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../token-bucket.js';

describe('TokenBucket', () => {
  it('allows the burst, then one request per refill interval', () => {
    let now = 0;
    const b = new TokenBucket(3, 2, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    now = 400; // 0.8 token: still empty
    expect(b.take()).toBe(false);
    now = 500; // 1 token
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('never holds more than its capacity, however long it idles', () => {
    let now = 0;
    const b = new TokenBucket(2, 10, () => now);
    now = 60_000;
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
  });
});
