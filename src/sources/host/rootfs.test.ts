import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanFixtures, makeRoot, makeTar, type Spec } from './__tests__/fixtures.js';
import { FsReadError } from './errors.js';
import { openRoot } from './open.js';
import type { RootFs } from './rootfs.js';
import { TarFs } from './tar-fs.js';

/** A secret that lives outside every fixture root: no read may ever reach it. */
const outsideDir = await mkdtemp(join(tmpdir(), 'rampart-outside-'));
afterAll(async () => {
  await cleanFixtures();
  await rm(outsideDir, { recursive: true, force: true });
});
await writeFile(join(outsideDir, 'secret'), 'OUTSIDE THE ROOT\n');

const SPEC: Spec = {
  'etc/hostname': 'fixture\n',
  'etc/ssh/sshd_config': 'PasswordAuthentication no\n',
  'etc/alias-abs': { symlink: '/etc/hostname' },
  'etc/alias-rel': { symlink: '../etc/./hostname' },
  // Absolute and relative links that point out of the root: a chroot resolves both inside it.
  'etc/escape-abs': { symlink: join(outsideDir, 'secret') },
  'etc/escape-rel': { symlink: `../../../../../../..${join(outsideDir, 'secret')}` },
  'etc/loop-a': { symlink: '/etc/loop-b' },
  'etc/loop-b': { symlink: '/etc/loop-a' },
  'etc/hard': { hardlink: 'etc/hostname' },
  'usr/sbin/sshd': 'ELF',
  'sbin': { symlink: 'usr/sbin' },
  'var/log/empty': { dir: true },
};

const kinds: Array<[string, () => Promise<RootFs>]> = [
  ['folder', async () => openRoot(await makeRoot(SPEC))],
  ['tar', async () => openRoot(await makeTar(SPEC))],
  ['tar.gz without folder entries', async () => openRoot(await makeTar(SPEC, { gzip: true, withDirs: false }))],
];

describe.each(kinds)('a root read as a %s', (_kind, open) => {
  it('reads files, lists folders, and resolves links inside the root', async () => {
    const fs = await open();
    expect(await fs.readText('/etc/hostname')).toBe('fixture\n');
    expect(await fs.readText('/etc/alias-abs')).toBe('fixture\n');
    expect(await fs.readText('/etc/alias-rel')).toBe('fixture\n');
    expect(await fs.readText('/etc/hard')).toBe('fixture\n');
    expect(await fs.readText('/sbin/sshd')).toBe('ELF');
    expect(await fs.realpath('/sbin/sshd')).toBe('/usr/sbin/sshd');
    expect(await fs.list('/etc/ssh')).toEqual(['sshd_config']);
    expect(await fs.list('/var/log/empty')).toEqual([]);
    expect(await fs.list('/etc/hostname')).toBeNull();
    expect(await fs.readText('/no/such/file')).toBeNull();
    await fs.close();
  });

  it('never follows a symlink out of the root: it resolves inside the root, where nothing is', async () => {
    const fs = await open();
    expect(await fs.readText('/etc/escape-abs')).toBeNull();
    expect(await fs.readText('/etc/escape-rel')).toBeNull();
    expect(await fs.realpath('/etc/escape-rel')).toBeNull();
    // '..' above the root stays at the root.
    expect(await fs.readText('/../../etc/hostname')).toBe('fixture\n');
    await fs.close();
  });

  it('reports a symlink loop as ELOOP and a folder where a file is expected as EISDIR', async () => {
    const fs = await open();
    await expect(fs.readText('/etc/loop-a')).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(fs.readText('/etc/ssh')).rejects.toBeInstanceOf(FsReadError);
    await expect(fs.readText('/etc/ssh')).rejects.toMatchObject({ code: 'EISDIR' });
    await fs.close();
  });

  it('lstat keeps the final symlink, stat follows it', async () => {
    const fs = await open();
    expect(await fs.lstat('/etc/alias-abs')).toMatchObject({ type: 'symlink', linkname: '/etc/hostname' });
    expect(await fs.stat('/etc/alias-abs')).toMatchObject({ type: 'file', path: '/etc/hostname' });
    await fs.close();
  });

  it('streams several files through readEach and reports the ones it cannot read', async () => {
    const fs = await open();
    const got = new Map<string, string>();
    const failures = await fs.readEach(['/etc/hostname', '/etc/ssh/sshd_config', '/etc/ssh'], async (path, chunks) => {
      const parts: Buffer[] = [];
      for await (const c of chunks) parts.push(c);
      got.set(path, Buffer.concat(parts).toString());
    });
    expect(Object.fromEntries(got)).toEqual({ '/etc/hostname': 'fixture\n', '/etc/ssh/sshd_config': 'PasswordAuthentication no\n' });
    expect([...failures.keys()]).toEqual(['/etc/ssh']);
    await fs.close();
  });

  it('refuses a file over the size limit instead of reading it whole', async () => {
    const fs = await open();
    await expect(fs.readFile('/etc/hostname', 3)).rejects.toMatchObject({ code: 'EFBIG' });
    await fs.close();
  });
});

describe('TarFs passes', () => {
  it('serves prefetched files from the first pass and streams the rest in one further pass', async () => {
    const file = await makeTar({ 'etc/a': 'a\n', 'etc/b': 'b\n', 'var/c': 'c\n' });
    const fs = await TarFs.open(file, false, (p) => p.startsWith('/etc/'));
    expect(fs.passes).toBe(1);
    expect(await fs.readText('/etc/a')).toBe('a\n');
    expect(fs.passes).toBe(1);
    const seen: string[] = [];
    await fs.readEach(['/var/c', '/etc/b'], async (p, chunks) => {
      for await (const _ of chunks) seen.push(p);
    });
    expect(seen.sort()).toEqual(['/etc/b', '/var/c']);
    expect(fs.passes).toBe(2);
  });

  it('a consumer that stops early does not abort the archive for the files after it', async () => {
    const file = await makeTar({ 'var/log/a': 'x\n'.repeat(100_000), 'var/log/b': 'second\n' });
    const fs = await TarFs.open(file, false);
    const read: Record<string, string> = {};
    const failures = await fs.readEach(['/var/log/a', '/var/log/b'], async (p, chunks) => {
      for await (const c of chunks) {
        read[p] = c.toString().slice(0, 7);
        break; // stop after the first chunk
      }
    });
    expect(failures.size).toBe(0);
    expect(read['/var/log/b']).toBe('second\n');
  });
});
