/**
 * Deterministic numbers for the synthetic account: every id, flag and size is a pure function of
 * (seed, kind, region, index), so a page can be generated on demand without holding the account.
 */

/** FNV-1a over the parts, then a final avalanche (so nearby indexes give unrelated values). */
export function hash32(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x7c; // separator, so ('ab','c') and ('a','bc') differ
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A value in [0, 1) for the parts. */
export const unit = (...parts: ReadonlyArray<string | number>): number => hash32(...parts) / 2 ** 32;

/** An integer in [min, max] for the parts. */
export const between = (min: number, max: number, ...parts: ReadonlyArray<string | number>): number =>
  min + Math.floor(unit(...parts) * (max - min + 1));

/** mulberry32: a small seeded generator, for sequences (latencies) rather than addressed values. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * An AWS-style resource id ('i-0a1b...', 17 hex digits): a hashed prefix for realism and the index
 * in the tail, so ids never collide within a (kind, region).
 */
export function resourceId(prefix: string, seed: number, region: string, index: number): string {
  const head = hash32(seed, prefix, region).toString(16).padStart(8, '0');
  return `${prefix}-${head}${index.toString(16).padStart(9, '0')}`;
}

/** The index back from an id made by resourceId, or undefined for anything else. */
export function indexOfId(id: string, prefix: string): number | undefined {
  if (!id.startsWith(`${prefix}-`) || id.length !== prefix.length + 18) return undefined;
  const n = Number.parseInt(id.slice(-9), 16);
  return Number.isNaN(n) ? undefined : n;
}
