import { constants } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join as joinOs, resolve } from 'node:path';
import { errorCode, FsReadError } from './errors.js';
import { RootFs, type ChunkConsumer, type RawEntry } from './rootfs.js';

const CHUNK = 64 * 1024;
// O_NOFOLLOW: the last component was resolved by us, never let the kernel follow a swapped link.
// O_NONBLOCK: opening a FIFO never waits for a writer.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** A root that is a folder: a mounted AMI volume, a chroot, or '/'. */
export class DirFs extends RootFs {
  readonly kind = 'directory' as const;
  private readonly base: string;

  constructor(readonly label: string) {
    super();
    this.base = resolve(label);
  }

  private os(path: string): string {
    return joinOs(this.base, path);
  }

  protected async rawLstat(path: string): Promise<RawEntry | null> {
    try {
      const s = await lstat(this.os(path));
      if (s.isSymbolicLink()) return { type: 'symlink', size: s.size, linkname: await readlink(this.os(path)) };
      return { type: s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other', size: s.size };
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw new FsReadError(path, code);
    }
  }

  protected async rawList(path: string): Promise<string[]> {
    try {
      return await readdir(this.os(path));
    } catch (e) {
      throw new FsReadError(path, errorCode(e));
    }
  }

  protected async rawRead(path: string, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let total = 0;
    const failures = await this.rawReadEach([path], async (_p, data) => {
      for await (const c of data) {
        total += c.length;
        if (total > maxBytes) throw new FsReadError(path, 'EFBIG', `larger than ${maxBytes} bytes`);
        chunks.push(c);
      }
    });
    const failure = failures.get(path);
    if (failure) throw failure;
    return Buffer.concat(chunks);
  }

  protected async rawReadEach(paths: string[], fn: ChunkConsumer): Promise<Map<string, FsReadError>> {
    const failures = new Map<string, FsReadError>();
    for (const path of paths) {
      let handle;
      try {
        handle = await open(this.os(path), OPEN_FLAGS);
        const s = await handle.stat();
        if (!s.isFile()) throw new FsReadError(path, s.isDirectory() ? 'EISDIR' : 'ENOTREG', 'not a regular file');
        await fn(path, handle.createReadStream({ highWaterMark: CHUNK, autoClose: false }));
      } catch (e) {
        failures.set(path, e instanceof FsReadError ? e : new FsReadError(path, errorCode(e)));
      } finally {
        await handle?.close().catch(() => undefined);
      }
    }
    return failures;
  }

  async close(): Promise<void> {}
}
