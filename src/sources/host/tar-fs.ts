import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { errorCode, FsReadError, HostInputError } from './errors.js';
import { basename, dirname, normalize, RootFs, type ChunkConsumer, type RawEntry } from './rootfs.js';

/** One entry's stream, as the extractor yields it. */
type TarSource = tar.Extract extends AsyncIterable<infer S> ? S : never;

interface TarEntry extends RawEntry {
  /** Position in the archive: when a path appears twice the last one wins, as on extraction. */
  seq: number;
  /** Hard links: the path that holds the content. */
  hardlink?: string;
}

/** Decides, during the first pass, which small files to keep in memory. */
export type Prefetch = (path: string, size: number) => boolean;

const PREFETCH_MAX_FILE = 1024 * 1024;
const PREFETCH_BUDGET = 64 * 1024 * 1024;
const DUPLICATE_MAX = 16 * 1024 * 1024;

/**
 * A root that is a tar or tar.gz (a container export, an image's file system), read as a stream and
 * never extracted to disk. The first pass indexes every header and keeps the small files the loader
 * asks for; any other content is streamed by a further pass, all requested files in one go.
 */
export class TarFs extends RootFs {
  readonly kind = 'tar' as const;
  private readonly byPath = new Map<string, TarEntry>();
  private readonly children = new Map<string, Set<string>>();
  private readonly cache = new Map<string, Buffer>();
  /** Passes over the archive so far, for tests and the curious. */
  passes = 0;

  private constructor(
    readonly label: string,
    private readonly gzip: boolean,
  ) {
    super();
    this.children.set('/', new Set());
  }

  static async open(file: string, gzip: boolean, prefetch: Prefetch = () => false): Promise<TarFs> {
    const fs = new TarFs(file, gzip);
    await fs.index(prefetch);
    return fs;
  }

  /** Every entry of the archive in order, with its normalised path and ordinal. */
  private async each(visit: (path: string, header: tar.Header, seq: number, entry: TarSource) => Promise<void>): Promise<void> {
    this.passes++;
    const extract = tar.extract();
    const source = createReadStream(this.label);
    const done = this.gzip ? pipeline(source, createGunzip(), extract) : pipeline(source, extract);
    // Observe the pipeline's failure here; the loop below sees it too.
    done.catch(() => undefined);
    let seq = 0;
    try {
      for await (const entry of extract) {
        const path = normalize(entry.header.name);
        await visit(path, entry.header, seq++, entry);
        entry.resume(); // drain what the visitor left
      }
      await done;
    } catch (e) {
      throw new HostInputError(`${this.label}: not a readable tar archive (${errorCode(e)})`);
    }
  }

  private async index(prefetch: Prefetch): Promise<void> {
    let budget = PREFETCH_BUDGET;
    await this.each(async (path, h, seq, entry) => {
      if (path === '/') return;
      const size = h.size ?? 0;
      const type = h.type ?? 'file';
      let e: TarEntry;
      if (type === 'directory') e = { type: 'dir', size: 0, seq };
      else if (type === 'symlink') e = { type: 'symlink', size: 0, linkname: h.linkname ?? '', seq };
      else if (type === 'link') e = { type: 'file', size: 0, seq, hardlink: normalize(h.linkname ?? '') };
      else if (type === 'file' || type === 'contiguous-file') e = { type: 'file', size, seq };
      else e = { type: 'other', size: 0, seq };
      if (e.hardlink) e.size = this.byPath.get(e.hardlink)?.size ?? 0;
      this.byPath.set(path, e);
      this.cache.delete(path);
      this.addToParents(path);
      if (e.type === 'file' && !e.hardlink && size <= PREFETCH_MAX_FILE && size <= budget && prefetch(path, size)) {
        const chunks: Buffer[] = [];
        for await (const c of entry) chunks.push(c as Buffer);
        this.cache.set(path, Buffer.concat(chunks));
        budget -= size;
      }
    });
  }

  private addToParents(path: string): void {
    let child = path;
    while (child !== '/') {
      const parent = dirname(child);
      let set = this.children.get(parent);
      if (!set) {
        set = new Set();
        this.children.set(parent, set);
      }
      if (set.has(basename(child))) return;
      set.add(basename(child));
      child = parent;
    }
  }

  protected async rawLstat(path: string): Promise<RawEntry | null> {
    const e = this.byPath.get(path);
    if (e) return { type: e.type, size: e.size, ...(e.linkname !== undefined ? { linkname: e.linkname } : {}) };
    // Archives may leave out folder entries: a folder is known by its children.
    return this.children.has(path) ? { type: 'dir', size: 0 } : null;
  }

  protected async rawList(path: string): Promise<string[]> {
    return [...(this.children.get(path) ?? [])];
  }

  /** The path whose archive entry holds this file's bytes (hard links point at an earlier entry). */
  private contentPath(path: string): string {
    let p = path;
    for (let i = 0; i < MAX_HARDLINK_HOPS; i++) {
      const next = this.byPath.get(p)?.hardlink;
      if (!next) return p;
      p = next;
    }
    return p;
  }

  protected async rawRead(path: string, maxBytes: number): Promise<Buffer> {
    const cached = this.cache.get(this.contentPath(path));
    if (cached) {
      if (cached.length > maxBytes) throw new FsReadError(path, 'EFBIG', `larger than ${maxBytes} bytes`);
      return cached;
    }
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
    const wanted = new Map<string, string[]>(); // content path -> requested paths
    for (const path of paths) {
      const e = this.byPath.get(path);
      if (!e || e.type !== 'file') {
        failures.set(path, new FsReadError(path, e?.type === 'dir' ? 'EISDIR' : 'ENOTREG', 'not a regular file'));
        continue;
      }
      const content = this.contentPath(path);
      const cached = this.cache.get(content);
      if (cached) {
        await this.feed(path, fn, once(cached), failures);
        continue;
      }
      wanted.set(content, [...(wanted.get(content) ?? []), path]);
    }
    if (wanted.size === 0) return failures;
    await this.each(async (path, _h, seq, entry) => {
      const requesters = wanted.get(path);
      if (!requesters || this.byPath.get(path)?.seq !== seq) return;
      wanted.delete(path);
      if (requesters.length === 1) {
        await this.feed(requesters[0] as string, fn, drained(entry), failures);
        return;
      }
      // The same bytes under several names (hard links): hold them once, if small enough.
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of entry) {
        total += (c as Buffer).length;
        if (total <= DUPLICATE_MAX) chunks.push(c as Buffer);
      }
      for (const r of requesters) {
        if (total > DUPLICATE_MAX) failures.set(r, new FsReadError(r, 'EFBIG', 'hard-linked file too large to read twice'));
        else await this.feed(r, fn, once(Buffer.concat(chunks)), failures);
      }
    });
    for (const rest of wanted.values()) for (const r of rest) failures.set(r, new FsReadError(r, 'ENOENT', 'content not found in the archive'));
    return failures;
  }

  private async feed(path: string, fn: ChunkConsumer, data: AsyncIterable<Buffer>, failures: Map<string, FsReadError>): Promise<void> {
    try {
      await fn(path, data);
    } catch (e) {
      failures.set(path, e instanceof FsReadError ? e : new FsReadError(path, errorCode(e)));
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}

const MAX_HARDLINK_HOPS = 16;

async function* once(b: Buffer): AsyncIterable<Buffer> {
  yield b;
}

/**
 * An entry's chunks for a consumer that may stop early: tar-stream aborts the whole archive when an
 * entry is destroyed, so what the consumer leaves is read and dropped instead.
 */
async function* drained(entry: TarSource): AsyncIterable<Buffer> {
  const it = entry[Symbol.asyncIterator]();
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value as Buffer;
    }
  } finally {
    while (!(await it.next()).done) {
      // drop the rest
    }
  }
}
