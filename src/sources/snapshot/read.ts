import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InventorySchema, SNAPSHOT_SCHEMA_VERSION, type Inventory } from '../../inventory/index.js';
import { SnapshotError } from './errors.js';
import { jsonPath, lineAndColumn } from './json-position.js';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Reads a snapshot (JSON, or gzipped JSON whatever its name), checks its version and validates it. */
export async function readSnapshot(file: string): Promise<Inventory> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new SnapshotError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseSnapshot(bytes, file);
}

export function parseSnapshot(bytes: Buffer, file: string): Inventory {
  let text: string;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch (e) {
      throw new SnapshotError(file, `not a valid gzip file (${(e as Error).message})`);
    }
  } else if (file.endsWith('.gz')) {
    throw new SnapshotError(file, 'the name ends in .gz but the file is not gzip');
  } else {
    text = bytes.toString('utf8');
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? lineAndColumn(text, Number(pos[1])) : undefined;
    throw new SnapshotError(file, `not JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${msg}`);
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SnapshotError(file, 'not a Rampart snapshot: the top level is not an object');
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) throw new SnapshotError(file, 'not a Rampart snapshot: $.schemaVersion is missing');
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(
      file,
      `snapshot schema version ${JSON.stringify(version)} is not supported (this Rampart reads version ${SNAPSHOT_SCHEMA_VERSION}); collect it again with this version`,
    );
  }

  const parsed = InventorySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${jsonPath(i.path)}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new SnapshotError(file, `invalid snapshot: ${issues.join('; ')}${more}`);
  }
  return parsed.data;
}
