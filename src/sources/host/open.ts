import { open, stat } from 'node:fs/promises';
import { DirFs } from './dir-fs.js';
import { errorCode, HostInputError } from './errors.js';
import type { RootFs } from './rootfs.js';
import { TarFs, type Prefetch } from './tar-fs.js';

const HEAD = 1024;

/** What the first bytes of a file say it is. */
export function sniff(head: Buffer): 'tar' | 'gzip' | 'xz' | 'zstd' | 'bzip2' | 'unknown' {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd';
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2';
  // ustar magic at offset 257 ("ustar\0" POSIX, "ustar  " GNU).
  if (head.length >= 263 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  return 'unknown';
}

/**
 * Opens ROOT: a folder, or a tar / tar.gz read in place. Anything else is a HostInputError (exit 2),
 * with a sentence that says what to do.
 */
export async function openRoot(root: string, prefetch?: Prefetch): Promise<RootFs> {
  let s;
  try {
    s = await stat(root);
  } catch (e) {
    throw new HostInputError(`${root}: cannot open (${errorCode(e)}); give a mounted root folder or a tar/tar.gz of one`);
  }
  if (s.isDirectory()) return new DirFs(root);
  if (!s.isFile()) throw new HostInputError(`${root}: neither a folder nor a tar archive`);
  const head = Buffer.alloc(HEAD);
  const fh = await open(root, 'r').catch((e: unknown) => {
    throw new HostInputError(`${root}: cannot read (${errorCode(e)})`);
  });
  let n = 0;
  try {
    n = (await fh.read(head, 0, HEAD, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const kind = sniff(head.subarray(0, n));
  if (kind === 'tar') return TarFs.open(root, false, prefetch);
  // A gzip that holds no tar is refused by the tar reader, with the same kind of message.
  if (kind === 'gzip') return TarFs.open(root, true, prefetch);
  if (kind === 'xz' || kind === 'zstd' || kind === 'bzip2') {
    throw new HostInputError(`${root}: a ${kind}-compressed file; decompress it first (only tar and tar.gz are read in place)`);
  }
  throw new HostInputError(`${root}: neither a folder nor a tar archive (give a mounted root folder, a tar or a tar.gz)`);
}
