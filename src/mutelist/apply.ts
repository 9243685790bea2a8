import type { Finding } from '../engine/finding.js';
import { entryMatches } from './match.js';
import type { ExpiredEntry, MuteEntry, Mutelist } from './types.js';

/** When an entry stops muting: a date alone means through the end of that day (UTC). */
export function expiryTime(expires: string): number {
  const t = Date.parse(expires);
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? t + 24 * 3600 * 1000 : t;
}

export function isExpired(entry: MuteEntry, now: Date): boolean {
  return entry.expires !== undefined && now.getTime() >= expiryTime(entry.expires);
}

/**
 * Mutes the findings that an unexpired entry matches: their status becomes `muted` and the verdict
 * moves to `muted.originalStatus`, so every output still shows them. Passing findings are left as
 * they are (nothing to accept). Expired entries mute nothing and are returned, to be reported.
 */
export function applyMutelist(findings: Finding[], list: Mutelist, now: Date): { findings: Finding[]; expired: ExpiredEntry[] } {
  const live = list.entries.filter((e) => !isExpired(e, now));
  const expired = list.entries
    .filter((e) => isExpired(e, now))
    .map((e) => ({ where: `${list.file}:${e.line}`, reason: e.reason, expires: e.expires as string, check: e.check }));
  const out = findings.map((f) => {
    if (f.status === 'pass' || f.status === 'muted') return f;
    const entry = live.find((e) => entryMatches(e, f));
    if (!entry) return f;
    return {
      ...f,
      status: 'muted' as const,
      muted: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}), originalStatus: f.status },
    };
  });
  return { findings: out, expired };
}
