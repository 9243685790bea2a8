import { FsReadError } from './errors.js';

export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

/** What lstat says of one path, without following it. */
export interface RawEntry {
  type: EntryType;
  size: number;
  /** Symlinks: the target as written. */
  linkname?: string;
}

/** Called with each file's content as a stream of chunks; it must consume the stream. */
export type ChunkConsumer = (path: string, chunks: AsyncIterable<Buffer>) => Promise<void>;

/** The absolute, normalised form of a path inside the root: '/etc/ssh/sshd_config'. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(dir: string, name: string): string {
  return normalize(`${dir}/${name}`);
}

const MAX_SYMLINKS = 40; // Linux's limit for one lookup

/**
 * A root file system read as a chroot would see it: every symlink is resolved inside the root (an
 * absolute target starts again at the root, '..' stops at the root), so nothing outside is ever read.
 * Two backends: a directory (a mounted volume, a chroot, '/') and a tar (read without extracting).
 */
export abstract class RootFs {
  abstract readonly kind: 'directory' | 'tar';
  /** The root as the user named it. */
  abstract readonly label: string;

  /** lstat of a path none of whose parents is a symlink; null when it does not exist. */
  protected abstract rawLstat(path: string): Promise<RawEntry | null>;
  /** Names in a resolved directory. */
  protected abstract rawList(path: string): Promise<string[]>;
  /** Names and lstat facts of a resolved directory's entries. */
  protected async rawEntries(path: string): Promise<Array<RawEntry & { name: string; path: string }>> {
    const out: Array<RawEntry & { name: string; path: string }> = [];
    for (const name of await this.rawList(path)) {
      const child = path === '/' ? `/${name}` : `${path}/${name}`;
      const e = await this.rawLstat(child).catch(() => null);
      if (e) out.push({ ...e, name, path: child });
    }
    return out;
  }
  /** A resolved regular file, whole; FsReadError when larger than maxBytes. */
  protected abstract rawRead(path: string, maxBytes: number): Promise<Buffer>;
  /** Streams resolved regular files to `fn`; returns the paths that failed and why. */
  protected abstract rawReadEach(paths: string[], fn: ChunkConsumer): Promise<Map<string, FsReadError>>;

  abstract close(): Promise<void>;

  /**
   * The path with every symlink resolved inside the root; null when it (or a folder on the way) does
   * not exist. `followLast: false` keeps a final symlink as it is, like lstat.
   */
  async realpath(path: string, followLast = true): Promise<string | null> {
    let todo = path.split('/').filter((p) => p !== '' && p !== '.');
    let done: string[] = [];
    let hops = 0;
    while (todo.length > 0) {
      const name = todo.shift() as string;
      if (name === '..') {
        done.pop(); // at the root, '..' is the root, as in a chroot
        continue;
      }
      const candidate = '/' + [...done, name].join('/');
      const entry = await this.rawLstat(candidate);
      if (!entry) return null;
      const last = todo.length === 0;
      if (entry.type === 'symlink' && (!last || followLast)) {
        if (++hops > MAX_SYMLINKS) throw new FsReadError(path, 'ELOOP', 'too many levels of symbolic links');
        const target = entry.linkname ?? '';
        if (target.startsWith('/')) done = [];
        todo = [...target.split('/').filter((p) => p !== '' && p !== '.'), ...todo];
        continue;
      }
      if (!last && entry.type !== 'dir') return null; // ENOTDIR: the path cannot exist
      done.push(name);
    }
    return '/' + done.join('/');
  }

  /** lstat after resolving the parents: a final symlink is reported as one. */
  async lstat(path: string): Promise<(RawEntry & { path: string }) | null> {
    const real = await this.realpath(path, false);
    if (real === null) return null;
    const e = await this.rawLstat(real);
    return e ? { ...e, path: real } : null;
  }

  /** stat: symlinks followed (inside the root). */
  async stat(path: string): Promise<(RawEntry & { path: string }) | null> {
    const real = await this.realpath(path);
    if (real === null) return null;
    const e = await this.rawLstat(real);
    return e ? { ...e, path: real } : null;
  }

  /** Names in a folder, sorted; null when it does not exist or is not a folder. */
  async list(path: string): Promise<string[] | null> {
    const e = await this.stat(path);
    if (!e || e.type !== 'dir') return null;
    return (await this.rawList(e.path)).sort();
  }

  /**
   * A folder's entries with their type and size, symlinks not followed, sorted by name; null when the
   * folder does not exist. One lookup per entry: the way to walk big trees.
   */
  async entries(path: string): Promise<Array<RawEntry & { name: string; path: string }> | null> {
    const e = await this.stat(path);
    if (!e || e.type !== 'dir') return null;
    return (await this.rawEntries(e.path)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * A regular file's content; null when it does not exist. FsReadError when it cannot be read, is
   * not a regular file (a folder where a file is expected: EISDIR) or is larger than maxBytes.
   */
  async readFile(path: string, maxBytes = 4 * 1024 * 1024): Promise<Buffer | null> {
    const e = await this.stat(path);
    if (!e) return null;
    if (e.type === 'dir') throw new FsReadError(path, 'EISDIR', 'a folder where a file was expected');
    if (e.type !== 'file') throw new FsReadError(path, 'ENOTREG', 'not a regular file');
    if (e.size > maxBytes) throw new FsReadError(path, 'EFBIG', `larger than ${maxBytes} bytes`);
    return this.rawRead(e.path, maxBytes);
  }

  /** readFile as text (UTF-8), or null when absent. */
  async readText(path: string, maxBytes?: number): Promise<string | null> {
    const b = await this.readFile(path, maxBytes);
    return b === null ? null : b.toString('utf8');
  }

  /**
   * Streams each regular file to `fn` without holding it whole (logs can be gigabytes). Paths must be
   * resolved (from stat/realpath). For a tar this is one pass over the archive for all of them.
   */
  async readEach(paths: string[], fn: ChunkConsumer): Promise<Map<string, FsReadError>> {
    return this.rawReadEach([...new Set(paths)], fn);
  }
}
