import { minimatch } from 'minimatch';
import type { Finding } from '../engine/finding.js';
import type { MuteEntry } from './types.js';

// ARNs and ids use '/' as a plain character: swap it out so that '*' matches across it.
const SLASH = '\u2215';
const OPTS = { dot: true, nocomment: true, nonegate: true, platform: 'linux' as const };

/** A glob over a whole id: `*` any run of characters (including '/'), `?` one, `{a,b}` either, `[..]` a class. */
export function globMatch(value: string, pattern: string): boolean {
  return minimatch(value.replaceAll('/', SLASH), pattern.replaceAll('/', SLASH), OPTS);
}

const anyOf = (value: string, patterns: readonly string[] | undefined) => !patterns || patterns.some((p) => globMatch(value, p));

/** The finding's tags: the Finding field when a source set it, else `evidence.tags` as checks record them. */
export function tagsOf(f: Finding): Record<string, string> | undefined {
  if (f.tags) return f.tags;
  const t = f.evidence?.tags;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** True when every matcher of the entry accepts the finding. Unknown tags never match. */
export function entryMatches(entry: MuteEntry, f: Finding): boolean {
  if (!anyOf(f.checkId, entry.check) || !anyOf(f.resourceId, entry.resource)) return false;
  if (!anyOf(f.account, entry.account) || !anyOf(f.region, entry.region)) return false;
  if (entry.tags) {
    const tags = tagsOf(f);
    if (!tags) return false;
    for (const [k, pattern] of Object.entries(entry.tags)) {
      const v = tags[k];
      if (v === undefined || !globMatch(v, pattern)) return false;
    }
  }
  return true;
}
