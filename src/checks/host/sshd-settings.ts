import type { SshdConfig, SshdDirective, SshdMatch } from '../../inventory/index.js';
import type { Severity } from '../types.js';

/** A setting the guide requires, with OpenSSH's current default (sshd_config(5), servconf.h). */
export interface Requirement {
  keyword: string;
  /** How the keyword is usually written, for messages about defaults. */
  name: string;
  default: string;
  ok: (value: string) => boolean;
  expected: string;
  /** Severity when it is not met. */
  severity: Severity;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { keyword: 'pubkeyauthentication', name: 'PubkeyAuthentication', default: 'yes', ok: (v) => v === 'yes', expected: 'yes', severity: 'medium' },
  { keyword: 'passwordauthentication', name: 'PasswordAuthentication', default: 'yes', ok: (v) => v === 'no', expected: 'no', severity: 'high' },
  {
    keyword: 'kbdinteractiveauthentication',
    name: 'KbdInteractiveAuthentication',
    default: 'yes',
    ok: (v) => v === 'no',
    expected: 'no',
    severity: 'high',
  },
  {
    keyword: 'permitrootlogin',
    name: 'PermitRootLogin',
    default: 'prohibit-password',
    ok: (v) => ['prohibit-password', 'forced-commands-only', 'no'].includes(v),
    expected: 'prohibit-password, forced-commands-only or no',
    severity: 'high',
  },
  { keyword: 'permitemptypasswords', name: 'PermitEmptyPasswords', default: 'no', ok: (v) => v === 'no', expected: 'no', severity: 'critical' },
];

/** The value as sshd compares it: case-insensitive, deprecated spellings mapped. */
export function normalizeValue(keyword: string, raw: string | undefined): string {
  const v = (raw ?? '').toLowerCase();
  return keyword === 'permitrootlogin' && v === 'without-password' ? 'prohibit-password' : v;
}

/** What decides a setting for a connection no conditional Match block selects. */
export interface Effective {
  value: string;
  /** The line that sets it; undefined when OpenSSH's default applies. */
  directive?: SshdDirective;
  /** Set inside a `Match all` block, which applies to every connection. */
  viaMatchAll?: SshdMatch;
}

/**
 * The value most connections get. sshd keeps the first value it reads (first wins); at connection
 * time the values of matching Match blocks replace the global ones, and `Match all` matches every
 * connection. So: the first value inside a `Match all` block, else the first global value, else the
 * default.
 */
export function effective(cfg: SshdConfig, req: Requirement): Effective {
  const isAll = (d: SshdDirective) => d.match !== null && cfg.matches[d.match]?.all === true;
  const inAll = cfg.directives.find((d) => d.keyword === req.keyword && isAll(d));
  if (inAll) return { value: normalizeValue(req.keyword, inAll.args[0]), directive: inAll, viaMatchAll: cfg.matches[inAll.match as number] };
  const global = cfg.directives.find((d) => d.keyword === req.keyword && d.match === null);
  if (global) return { value: normalizeValue(req.keyword, global.args[0]), directive: global };
  return { value: req.default };
}

/** A conditional Match block's own value for a setting, when one is set and can take effect. */
export interface MatchOverride {
  match: SshdMatch;
  directive: SshdDirective;
  value: string;
}

/**
 * The values conditional Match blocks set. Within a block the first value wins; a block after a
 * `Match all` block that sets the same keyword never takes effect (every connection matched first).
 */
export function matchOverrides(cfg: SshdConfig, req: Requirement): MatchOverride[] {
  const out: MatchOverride[] = [];
  const seen = new Set<number>();
  let shadowedFrom = Infinity; // directive index of the first Match-all setting of this keyword
  cfg.directives.forEach((d, i) => {
    if (d.keyword !== req.keyword || d.match === null) return;
    const m = cfg.matches[d.match];
    if (!m) return;
    if (m.all) {
      shadowedFrom = Math.min(shadowedFrom, i);
      return;
    }
    if (seen.has(d.match) || i > shadowedFrom) return;
    seen.add(d.match);
    out.push({ match: m, directive: d, value: normalizeValue(req.keyword, d.args[0]) });
  });
  return out;
}
