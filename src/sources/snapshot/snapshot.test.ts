import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSnapshot, writeSnapshot, SnapshotError } from './index.js';
import { demoInventory } from '../../demo/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-snap-'));
const put = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('snapshots', () => {
  it('round-trips the demo inventory, plain and gzipped', async () => {
    const inv = demoInventory();
    for (const name of ['demo.json', 'demo.json.gz']) {
      const file = join(dir, name);
      await writeSnapshot(inv, file);
      expect(await readSnapshot(file)).toEqual(inv);
    }
    expect(readFileSync(join(dir, 'demo.json.gz'))[0]).toBe(0x1f);
  });

  it('reads gzip whatever the file is called', async () => {
    const file = put('noext', gzipSync(JSON.stringify(demoInventory())));
    expect((await readSnapshot(file)).meta.accountId).toBe('210987654321');
  });

  it('names the file and the line of a JSON syntax error', async () => {
    const file = put('bad.json', '{\n  "schemaVersion": 1,\n  "meta": {,\n}');
    await expect(readSnapshot(file)).rejects.toThrow(SnapshotError);
    await expect(readSnapshot(file)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON at line 3`));
  });

  it('refuses a .gz file that is not gzip', async () => {
    await expect(readSnapshot(put('fake.json.gz', '{}'))).rejects.toThrow(/not gzip/);
  });

  it('refuses a corrupt gzip stream', async () => {
    const gz = gzipSync('{"schemaVersion":1}');
    await expect(readSnapshot(put('corrupt.gz', gz.subarray(0, gz.length - 6)))).rejects.toThrow(/not a valid gzip file/);
  });

  it('refuses another schema version, saying which', async () => {
    const inv = { ...demoInventory(), schemaVersion: 99 };
    await expect(readSnapshot(put('v99.json', JSON.stringify(inv)))).rejects.toThrow(/schema version 99 is not supported/);
  });

  it('names the JSON path of a malformed resource', async () => {
    const inv = demoInventory() as unknown as { iam: { users: { value: Array<Record<string, unknown>> } } };
    inv.iam.users.value[1]!.arn = 42;
    await expect(readSnapshot(put('badres.json', JSON.stringify(inv)))).rejects.toThrow('$.iam.users.value[1].arn');
  });

  it('refuses something that is not a snapshot at all', async () => {
    await expect(readSnapshot(put('arr.json', '[1,2]'))).rejects.toThrow(/top level is not an object/);
    await expect(readSnapshot(put('obj.json', '{"a":1}'))).rejects.toThrow(/schemaVersion is missing/);
    await expect(readSnapshot(join(dir, 'absent.json'))).rejects.toThrow(/ENOENT/);
  });
});
