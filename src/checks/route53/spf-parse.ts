import ipaddr from 'ipaddr.js';

/**
 * An SPF record parser after RFC 7208 (§4.5, §5, §6, §7 and the ABNF of §12). It checks syntax
 * only; counting DNS lookups needs the included records (./spf-lookups.ts).
 */

export type Qualifier = '+' | '-' | '~' | '?';
export const MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'] as const;
export type MechanismName = (typeof MECHANISMS)[number];

export interface Mechanism {
  kind: 'mechanism';
  raw: string;
  qualifier: Qualifier;
  name: MechanismName;
  /** The domain-spec (include, exists, and optionally a, mx, ptr). */
  domain?: string;
  /** ip4 / ip6 network. */
  network?: string;
}

export interface Modifier {
  kind: 'modifier';
  raw: string;
  name: string;
  value: string;
}

export type Term = Mechanism | Modifier;

export type SpfParse = { ok: true; terms: Term[] } | { ok: false; error: string };

/** True when a TXT string is an SPF record: "v=spf1" alone or followed by a space (§4.5). */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1( |$)/i.test(txt);
}

const MACRO_LETTERS = 'slodiphv';
const EXP_ONLY_LETTERS = 'crt';
const DELIMITERS = '.-+,/_=';

/** Checks a macro-string (§7.1); `exp` allows the c, r, t letters. Returns an error or undefined. */
function checkMacroString(s: string, exp = false): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (s[i] !== '%') {
      if (c < 0x21 || c > 0x7e) return `invalid character in "${s}"`;
      continue;
    }
    const next = s[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      i++;
      continue;
    }
    if (next !== '{') return `a lone "%" in "${s}" (write %% for a literal percent sign)`;
    const end = s.indexOf('}', i);
    if (end < 0) return `unclosed macro in "${s}"`;
    const body = s.slice(i + 2, end);
    const m = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
    const letter = m?.[1]?.toLowerCase() ?? '';
    if (!m || !(MACRO_LETTERS.includes(letter) || (exp && EXP_ONLY_LETTERS.includes(letter)))) return `invalid macro %{${body}}`;
    if ([...(m[4] ?? '')].some((d) => !DELIMITERS.includes(d))) return `invalid macro delimiter in %{${body}}`;
    i = end;
  }
  return undefined;
}

export const hasMacro = (s: string): boolean => /%\{/.test(s);

/** domain-spec = macro-string domain-end, where domain-end is a top label or a macro (§7.1). */
function checkDomainSpec(spec: string): string | undefined {
  if (spec === '') return 'an empty domain';
  const err = checkMacroString(spec);
  if (err) return err;
  if (/%\{[^}]*\}$/.test(spec)) return undefined;
  const labels = spec.replace(/\.$/, '').split('.');
  const top = labels[labels.length - 1] ?? '';
  if (labels.length < 2) return `"${spec}" is not a fully qualified domain`;
  // toplabel = an alphanumeric label with at least one letter, or one with inner hyphens (§7.1).
  if (!/^(?=.*[a-zA-Z])[a-zA-Z0-9]+$/.test(top) && !/^[a-zA-Z0-9]+-[a-zA-Z0-9-]*[a-zA-Z0-9]$/.test(top)) return `"${spec}" does not end in a valid top-level label`;
  if (labels.slice(0, -1).some((l) => l === '' && !/%/.test(spec))) return `"${spec}" has an empty label`;
  return undefined;
}

const IP4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** A prefix length: no leading zero, at most `max` (§12: ip4-cidr-length, ip6-cidr-length). */
const cidrOk = (n: string, max: number): boolean => /^(0|[1-9]\d{0,2})$/.test(n) && Number(n) <= max;

/** Splits "name:domain/24//64" into its domain-spec and dual CIDR lengths, checking each. */
function splitCidr(arg: string, dual: boolean): { rest: string; error?: string } {
  const m = dual ? /^(.*?)(?:\/([^/]*))?(?:\/\/([^/]*))?$/.exec(arg) : /^(.*?)(?:\/([^/]*))?$/.exec(arg);
  if (!m) return { rest: arg };
  const [, rest = '', v4, v6] = m;
  if (v4 !== undefined && !cidrOk(v4, 32)) return { rest, error: `invalid IPv4 prefix length /${v4}` };
  if (v6 !== undefined && !cidrOk(v6, 128)) return { rest, error: `invalid IPv6 prefix length //${v6}` };
  return { rest };
}

function parseMechanism(raw: string): Mechanism | string {
  const qualifier: Qualifier = '+-~?'.includes(raw[0] ?? '') ? (raw[0] as Qualifier) : '+';
  const body = '+-~?'.includes(raw[0] ?? '') ? raw.slice(1) : raw;
  const m = /^([a-zA-Z0-9]+)(.*)$/.exec(body);
  const name = m?.[1]?.toLowerCase() ?? '';
  const rest = m?.[2] ?? '';
  if (!(MECHANISMS as readonly string[]).includes(name)) return `unknown mechanism "${raw}"`;
  const mech = { kind: 'mechanism' as const, raw, qualifier, name: name as MechanismName };
  switch (mech.name) {
    case 'all':
      return rest === '' ? mech : `"${raw}": all takes no argument`;
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':')) return `"${raw}": ${mech.name} needs ":domain"`;
      const err = checkDomainSpec(rest.slice(1));
      return err ? `"${raw}": ${err}` : { ...mech, domain: rest.slice(1) };
    }
    case 'a':
    case 'mx':
    case 'ptr': {
      if (rest !== '' && !rest.startsWith(':') && !rest.startsWith('/')) return `unknown mechanism "${raw}"`;
      if (mech.name === 'ptr' && rest.startsWith('/')) return `"${raw}": ptr takes no prefix length`;
      const split = mech.name === 'ptr' ? { rest } : splitCidr(rest, true);
      if (split.error) return `"${raw}": ${split.error}`;
      if (split.rest === '') return mech;
      if (!split.rest.startsWith(':')) return `unknown mechanism "${raw}"`;
      const err = checkDomainSpec(split.rest.slice(1));
      return err ? `"${raw}": ${err}` : { ...mech, domain: split.rest.slice(1) };
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) return `"${raw}": ${mech.name} needs ":address"`;
      const arg = rest.slice(1);
      const slash = arg.indexOf('/');
      const addr = slash < 0 ? arg : arg.slice(0, slash);
      const len = slash < 0 ? undefined : arg.slice(slash + 1);
      if (mech.name === 'ip4') {
        if (!IP4.test(addr)) return `"${raw}": invalid IPv4 address`;
        if (len !== undefined && !cidrOk(len, 32)) return `"${raw}": invalid IPv4 prefix length`;
      } else {
        if (!ipaddr.IPv6.isValid(addr)) return `"${raw}": invalid IPv6 address`;
        if (len !== undefined && !cidrOk(len, 128)) return `"${raw}": invalid IPv6 prefix length`;
      }
      return { ...mech, network: arg };
    }
  }
}

/** Parses an SPF record (the joined TXT string). */
export function parseSpf(record: string): SpfParse {
  if (!isSpfRecord(record)) return { ok: false, error: 'it does not start with "v=spf1"' };
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const raw of record.slice(6).split(' ').filter((t) => t !== '')) {
    // A modifier is name "=" value; a mechanism never has "=" before ":" or "/".
    const mod = /^([a-zA-Z][a-zA-Z0-9\-_.]*)=(.*)$/.exec(raw);
    if (mod) {
      const name = (mod[1] ?? '').toLowerCase();
      const value = mod[2] ?? '';
      if ((name === 'redirect' || name === 'exp') && seen.has(name)) return { ok: false, error: `"${name}=" appears more than once` };
      seen.add(name);
      const err = name === 'redirect' || name === 'exp' ? checkDomainSpec(value) : checkMacroString(value);
      if (err) return { ok: false, error: `"${raw}": ${err}` };
      terms.push({ kind: 'modifier', raw, name, value });
      continue;
    }
    const m = parseMechanism(raw);
    if (typeof m === 'string') return { ok: false, error: m };
    terms.push(m);
  }
  return { ok: true, terms };
}

/** The first `all` mechanism: evaluation never goes past it (§5.1). */
export function firstAll(terms: Term[]): Mechanism | undefined {
  return terms.find((t): t is Mechanism => t.kind === 'mechanism' && t.name === 'all');
}

/** The redirect modifier, used only when the record has no `all` (§6.1). */
export function redirectOf(terms: Term[]): string | undefined {
  if (firstAll(terms)) return undefined;
  return terms.find((t): t is Modifier => t.kind === 'modifier' && t.name === 'redirect')?.value;
}
