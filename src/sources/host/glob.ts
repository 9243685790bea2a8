import { minimatch } from 'minimatch';
import type { RootFs } from './rootfs.js';
import { join } from './rootfs.js';

const MAGIC = /[*?[]/;

/**
 * glob(3) inside the root, as sshd's Include uses it: *, ? and [...] within one path component, a
 * leading dot matched only literally, results sorted in byte order. Symlinked folders are followed
 * (inside the root).
 */
export async function globRoot(fs: RootFs, pattern: string): Promise<string[]> {
  const parts = pattern.split('/').filter((p) => p !== '' && p !== '.');
  let current = ['/'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!MAGIC.test(part)) {
        const p = join(dir, part);
        const e = await fs.stat(p).catch(() => (last ? { type: 'file' } : null)); // unreadable: the reader says why
        if (e && (last || e.type === 'dir')) next.push(p);
        continue;
      }
      const names = (await fs.list(dir)) ?? [];
      for (const name of names) {
        if (!minimatch(name, part, { dot: false, nocomment: true, nonegate: true, noext: true, nobrace: true })) continue;
        const p = join(dir, name);
        if (!last) {
          const e = await fs.stat(p).catch(() => null);
          if (!e || e.type !== 'dir') continue;
        }
        next.push(p);
      }
    }
    current = next;
  }
  return parts.length === 0 ? [] : current.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
