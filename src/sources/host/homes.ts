import type { Attr, PasswdEntry } from '../../inventory/index.js';
import { join, type RootFs } from './rootfs.js';

export interface Home {
  /** The path as resolved inside the root. */
  path: string;
  /** Accounts whose home it is (none for a /home/* folder no account names). */
  users: string[];
  /** Searched recursively for private keys (people's homes); service homes get the fixed names only. */
  deep: boolean;
}

/** Folders that are some service's "home" but hold the system itself: never walked. */
const SYSTEM = new Set(['/', '/bin', '/sbin', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/lib', '/etc', '/dev', '/proc', '/sys', '/run', '/var', '/var/run', '/tmp', '/nonexistent', '/boot']);

/**
 * The homes to search: /root, every home in /etc/passwd, and every folder under /home (a deleted
 * account leaves its home behind). Homes that do not exist are skipped.
 */
export async function findHomes(fs: RootFs, passwd: Attr<PasswdEntry[]>): Promise<Home[]> {
  const byPath = new Map<string, Home>();
  const add = async (path: string, user: string | undefined, deep: boolean) => {
    const real = await fs.realpath(path).catch(() => null);
    if (real === null || SYSTEM.has(real)) return;
    const e = await fs.stat(real).catch(() => null);
    if (!e || e.type !== 'dir') return;
    const h = byPath.get(real) ?? { path: real, users: [], deep: false };
    if (user && !h.users.includes(user)) h.users.push(user);
    h.deep ||= deep;
    byPath.set(real, h);
  };
  await add('/root', 'root', true);
  if (passwd.state === 'ok') {
    for (const p of passwd.value) {
      const person = p.home.startsWith('/home/') || p.home === '/root' || (p.uid >= 1000 && p.uid < 65534);
      await add(p.home, p.user, person);
    }
  }
  for (const name of (await fs.list('/home').catch(() => null)) ?? []) await add(join('/home', name), undefined, true);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
