import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { failed, ok, type Attr, type HistoryFile, type HistoryLogs, type LogFile, type TextScan } from '../../inventory/index.js';
import { errorCode } from './errors.js';
import type { Home } from './homes.js';
import { join, type RootFs } from './rootfs.js';
import { scanText } from './secrets.js';

/** Shell and tool histories, relative to a home. */
export const HISTORY_FILES = [
  '.bash_history',
  '.zsh_history',
  '.zhistory',
  '.sh_history',
  '.ash_history',
  '.ksh_history',
  '.history',
  '.python_history',
  '.mysql_history',
  '.psql_history',
  '.sqlite_history',
  '.node_repl_history',
  '.rediscli_history',
  '.irb_history',
  '.pry_history',
  '.php_history',
  '.scala_history',
  '.gdb_history',
  '.Rhistory',
  '.dbshell',
  '.mongosh/mongosh_repl_history',
  '.lesshst',
  '.viminfo',
  '.local/share/fish/fish_history',
];

const MAX_LOG_FILES = 20_000;
/** A .gz log is read through gunzip up to this many bytes (a decompression bomb stops here). */
const MAX_GUNZIP_BYTES = 1024 * 1024 * 1024;

type Gap = HistoryLogs['gaps'][number];

/**
 * Histories in every home and the non-empty files under /var/log, each streamed once through the
 * secret scanner (a tar is read in one pass for all of them).
 */
export async function loadHistoryLogs(fs: RootFs, homes: Home[]): Promise<Attr<HistoryLogs>> {
  const gaps: Gap[] = [];
  const histories: HistoryFile[] = [];
  const toScan = new Map<string, { set: (scan: Attr<TextScan>) => void; gzip: boolean }>();

  for (const h of homes) {
    for (const rel of HISTORY_FILES) {
      const path = join(h.path, rel);
      const user = h.users[0];
      let link;
      try {
        link = await fs.lstat(path);
      } catch (e) {
        histories.push({ path, ...(user ? { user } : {}), size: 0, scan: failed(`read ${path}`, errorCode(e)) });
        continue;
      }
      if (!link) continue;
      let target;
      try {
        target = await fs.stat(path);
      } catch (e) {
        histories.push({ path, ...(user ? { user } : {}), size: 0, scan: failed(`read ${path}`, errorCode(e)) });
        continue;
      }
      // A history linked to /dev/null (or a link to nothing) keeps nothing: the hardened setup.
      if (!target || target.type !== 'file') {
        const linked = link.type === 'symlink' ? (link.linkname ?? '') : undefined;
        if (target?.type === 'dir') histories.push({ path, ...(user ? { user } : {}), size: 0, scan: failed(`read ${path}`, 'EISDIR: a folder where a file was expected') });
        else histories.push({ path, ...(user ? { user } : {}), size: 0, linked: linked ?? target?.type ?? 'missing', scan: ok(emptyScan()) });
        continue;
      }
      const entry: HistoryFile = { path, ...(user ? { user } : {}), size: target.size, scan: ok(emptyScan()) };
      histories.push(entry);
      if (target.size > 0) toScan.set(target.path, { set: (s) => (entry.scan = s), gzip: false });
    }
  }

  let logs: Attr<LogFile[]>;
  try {
    const found: LogFile[] = [];
    await walkLogs(fs, '/var/log', found, gaps, 0);
    for (const f of found) toScan.set(f.path, { set: (s) => (f.scan = s), gzip: f.path.endsWith('.gz') });
    logs = ok(found);
  } catch (e) {
    logs = failed('list /var/log', errorCode(e));
  }

  const failures = await fs.readEach([...toScan.keys()], async (path, chunks) => {
    const job = toScan.get(path);
    if (!job) return;
    job.set(ok(job.gzip ? await scanGzip(chunks) : await scanText(chunks)));
  });
  for (const [path, err] of failures) toScan.get(path)?.set(failed(`read ${path}`, err.message));
  return ok({ histories, logs, gaps });
}

function emptyScan(): TextScan {
  return { bytes: 0, lines: 0, secrets: [], secretCount: 0, decompressed: false, truncated: false };
}

/** Regular non-empty files under /var/log, symlinks not followed. */
async function walkLogs(fs: RootFs, dir: string, out: LogFile[], gaps: Gap[], depth: number): Promise<void> {
  const entries = await fs.entries(dir); // the top folder's failure is the caller's
  if (entries === null) return;
  for (const e of entries) {
    if (out.length >= MAX_LOG_FILES) {
      gaps.push({ path: dir, call: `list ${dir}`, error: `more than ${MAX_LOG_FILES} log files: the rest was not read` });
      return;
    }
    if (e.type === 'dir' && depth < 16) {
      try {
        await walkLogs(fs, e.path, out, gaps, depth + 1);
      } catch (err) {
        gaps.push({ path: e.path, call: `list ${e.path}`, error: errorCode(err) });
      }
    } else if (e.type === 'file' && e.size > 0) {
      out.push({ path: e.path, size: e.size, scan: ok(emptyScan()) });
    }
  }
}

/** A rotated .gz log through gunzip, bounded; a corrupt one is scanned as far as it inflates. */
async function scanGzip(chunks: AsyncIterable<Buffer>): Promise<TextScan> {
  let truncated = false;
  let inflated = 0;
  let scan: TextScan | undefined;
  try {
    await pipeline(Readable.from(chunks), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      const bounded = async function* () {
        try {
          for await (const c of source) {
            inflated += c.length;
            if (inflated > MAX_GUNZIP_BYTES) {
              truncated = true; // keep reading to the end, but judge no more
              continue;
            }
            yield c;
          }
        } catch {
          truncated = true; // not gzip after all, or cut short: what inflated was scanned
        }
      };
      scan = await scanText(bounded());
    });
  } catch {
    truncated = true;
  }
  return { ...(scan ?? emptyScan()), decompressed: true, truncated };
}
