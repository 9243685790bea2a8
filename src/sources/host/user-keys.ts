import {
  failed,
  ok,
  type Attr,
  type AuthorizedKeysFile,
  type AwsCredentialsFile,
  type PasswdEntry,
  type PrivateKey,
  type SshdConfig,
  type UserKeys,
} from '../../inventory/index.js';
import { errorCode } from './errors.js';
import type { Home } from './homes.js';
import { parseAuthorizedKeys, parseAwsCredentials, privateKeyBlocks } from './key-files.js';
import { lines } from './lines.js';
import { basename, join, type RootFs } from './rootfs.js';

type Gap = UserKeys['gaps'][number];

const DEFAULT_AUTHORIZED_KEYS = ['.ssh/authorized_keys', '.ssh/authorized_keys2'];
const MAX_DEPTH = 24;
const MAX_ENTRIES = 200_000;
const KEY_READ_MAX = 1024 * 1024;

/** Files worth opening as possible private keys: id_* (not .pub) and *.pem. */
export function isKeyCandidate(name: string): boolean {
  return (name.startsWith('id_') && !name.endsWith('.pub')) || name.toLowerCase().endsWith('.pem');
}

/** Every AuthorizedKeysFile pattern sshd_config names (global and in Match blocks); the default when none. */
function authorizedKeysPatterns(sshd: Attr<SshdConfig>): string[] {
  if (sshd.state !== 'ok') return DEFAULT_AUTHORIZED_KEYS;
  const globalFirst = sshd.value.directives.find((d) => d.keyword === 'authorizedkeysfile' && d.match === null);
  const inMatch = sshd.value.directives.filter((d) => d.keyword === 'authorizedkeysfile' && d.match !== null);
  const patterns = [...(globalFirst ? globalFirst.args : DEFAULT_AUTHORIZED_KEYS), ...inMatch.flatMap((d) => d.args)];
  return [...new Set([...patterns.filter((p) => p.toLowerCase() !== 'none'), ...DEFAULT_AUTHORIZED_KEYS])];
}

/** sshd's %-tokens: %% %h %u %U. */
function expand(pattern: string, home: string, user: string, uid: number): string {
  const p = pattern.replace(/%([%huU])/g, (_, t: string) => (t === '%' ? '%' : t === 'h' ? home : t === 'u' ? user : String(uid)));
  return p.startsWith('/') ? p : join(home, p);
}

/**
 * Keys and credentials left in the homes: authorized_keys (where sshd_config says they live), private
 * keys (id_*, *.pem with a PRIVATE KEY block) anywhere under people's homes, and ~/.aws credentials.
 */
export async function loadUserKeys(fs: RootFs, homes: Home[], passwd: Attr<PasswdEntry[]>, sshd: Attr<SshdConfig>): Promise<Attr<UserKeys>> {
  const gaps: Gap[] = [];
  const authorized = new Map<string, string | undefined>(); // path -> user
  const patterns = authorizedKeysPatterns(sshd);
  const users = passwd.state === 'ok' ? passwd.value : [];
  for (const u of users) for (const p of patterns) authorized.set(expand(p, u.home, u.user, u.uid), u.user);
  for (const h of homes) {
    for (const p of DEFAULT_AUTHORIZED_KEYS) {
      const path = join(h.path, p);
      if (!authorized.has(path)) authorized.set(path, h.users[0]);
    }
  }

  const authorizedKeys: AuthorizedKeysFile[] = [];
  const seen = new Set<string>();
  for (const [path, user] of [...authorized].sort(([a], [b]) => a.localeCompare(b))) {
    let real: string | null;
    try {
      real = await fs.realpath(path);
    } catch (e) {
      authorizedKeys.push({ path, ...(user ? { user } : {}), keys: failed(`read ${path}`, errorCode(e)) });
      continue;
    }
    if (real === null || seen.has(real)) continue;
    seen.add(real);
    let keys: AuthorizedKeysFile['keys'];
    try {
      const text = await fs.readText(real, KEY_READ_MAX);
      if (text === null) continue;
      keys = ok(parseAuthorizedKeys(text));
    } catch (e) {
      keys = failed(`read ${path}`, errorCode(e));
    }
    authorizedKeys.push({ path, ...(user ? { user } : {}), keys });
  }

  const candidates: string[] = [];
  for (const h of homes) {
    if (h.deep) await walk(fs, h.path, 0, { entries: 0 }, candidates, gaps);
    else {
      for (const name of (await fs.list(join(h.path, '.ssh')).catch(() => null)) ?? []) {
        if (isKeyCandidate(name)) candidates.push(join(join(h.path, '.ssh'), name));
      }
    }
  }
  const privateKeys = await readPrivateKeys(fs, candidates, gaps);

  const awsCredentials: AwsCredentialsFile[] = [];
  for (const h of homes) {
    for (const name of ['.aws/credentials', '.aws/config']) {
      const path = join(h.path, name);
      try {
        const text = await fs.readText(path, KEY_READ_MAX);
        if (text === null) continue;
        const profiles = parseAwsCredentials(text);
        if (profiles.length > 0) awsCredentials.push({ path, profiles: ok(profiles) });
      } catch (e) {
        awsCredentials.push({ path, profiles: failed(`read ${path}`, errorCode(e)) });
      }
    }
  }
  return ok({ homes: homes.map((h) => h.path), authorizedKeys, privateKeys, awsCredentials, gaps });
}

/** Depth-first, symlinks not followed (a link out of a home is not the home's content). */
async function walk(fs: RootFs, dir: string, depth: number, count: { entries: number }, out: string[], gaps: Gap[]): Promise<void> {
  if (depth > MAX_DEPTH) {
    gaps.push({ path: dir, call: `list ${dir}`, error: `deeper than ${MAX_DEPTH} folders: not searched` });
    return;
  }
  let entries;
  try {
    entries = (await fs.entries(dir)) ?? [];
  } catch (e) {
    gaps.push({ path: dir, call: `list ${dir}`, error: errorCode(e) });
    return;
  }
  for (const e of entries) {
    if (++count.entries > MAX_ENTRIES) {
      if (count.entries === MAX_ENTRIES + 1) gaps.push({ path: dir, call: `list ${dir}`, error: `more than ${MAX_ENTRIES} entries: the rest was not searched` });
      return;
    }
    if (e.type === 'dir') await walk(fs, e.path, depth + 1, count, out, gaps);
    else if (e.type === 'file' && isKeyCandidate(e.name)) out.push(e.path);
  }
}

async function readPrivateKeys(fs: RootFs, candidates: string[], gaps: Gap[]): Promise<PrivateKey[]> {
  const found: PrivateKey[] = [];
  const big: string[] = [];
  for (const path of candidates) {
    try {
      const e = await fs.stat(path);
      if (!e || e.type !== 'file') continue;
      if (e.size > KEY_READ_MAX) {
        big.push(e.path);
        continue;
      }
      const text = await fs.readText(path, KEY_READ_MAX);
      if (text !== null) found.push(...privateKeyBlocks(text, path));
    } catch (e) {
      gaps.push({ path, call: `read ${path}`, error: errorCode(e) });
    }
  }
  // Large .pem bundles: stream them and note the key headers only.
  const failures = await fs.readEach(big, async (path, chunks) => {
    for await (const l of lines(chunks)) {
      const m = /^-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/.exec(l.text.trim());
      if (m) found.push({ path, label: m[1] as string, encrypted: (m[1] as string).startsWith('ENCRYPTED') ? true : null, line: l.no });
    }
  });
  for (const [path, err] of failures) gaps.push({ path, call: `read ${path}`, error: err.message });
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || basename(a.path).localeCompare(basename(b.path)));
}
