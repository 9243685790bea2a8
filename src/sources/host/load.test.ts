import { spawnSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InventorySchema, type HostInventory } from '../../inventory/index.js';
import { BASE_LINUX, bigText, cleanFixtures, loadSpec, makeRoot, makeTar, type Spec } from './__tests__/fixtures.js';
import { DirFs } from './dir-fs.js';
import { FsReadError, HostInputError } from './errors.js';
import { loadHost, loadHostInventory, readHost } from './load.js';
import type { ChunkConsumer } from './rootfs.js';

afterAll(cleanFixtures);

const linuxOf = (h: HostInventory) => {
  if (!h.linux) throw new Error('no linux part');
  return h.linux;
};

describe('what ROOT can be', () => {
  it('a folder, a tar and a tar.gz of the same tree give the same inventory', async () => {
    const spec: Spec = {
      ...BASE_LINUX,
      'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n',
      'etc/ssh/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
      'etc/ssh/ssh_host_ed25519_key': '-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----\n',
      'root/.bash_history': 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      'var/log/cloud-init.log': 'ok\n',
    };
    const [dir, tar, tgz] = await Promise.all([loadSpec(spec, 'dir'), loadSpec(spec, 'tar'), loadSpec(spec, 'tgz')]);
    expect(dir.kind).toBe('directory');
    expect(tar.kind).toBe('tar');
    expect(tar.linux).toEqual(dir.linux);
    expect(tgz.linux).toEqual(dir.linux);
    expect(dir.osName).toBe('Fixture Linux 1');
  });

  it('a path that is neither a folder nor a tar is refused with a sentence', async () => {
    const root = await makeRoot({ 'notes.txt': 'just text\n' });
    await expect(loadHostInventory(join(root, 'notes.txt'))).rejects.toThrow(HostInputError);
    await expect(loadHostInventory(join(root, 'notes.txt'))).rejects.toThrow(/neither a folder nor a tar archive/);
    await expect(loadHostInventory(join(root, 'missing'))).rejects.toThrow(/cannot open \(ENOENT\)/);
  });

  it('an xz file is refused with what to do, a gzip that holds no tar is refused', async () => {
    const root = await makeRoot({ 'a.xz': Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]) });
    await expect(loadHostInventory(join(root, 'a.xz'))).rejects.toThrow(/xz-compressed file; decompress it first/);
    const { gzipSync } = await import('node:zlib');
    await writeFile(join(root, 'b.gz'), gzipSync(Buffer.from('not a tar at all, just words\n'.repeat(40))));
    await expect(loadHostInventory(join(root, 'b.gz'))).rejects.toThrow(HostInputError);
  });

  it('a folder with no system in it, and a docker save archive, are refused', async () => {
    await expect(loadHostInventory(await makeRoot({ 'data/x': '1' }))).rejects.toThrow(/no Linux or Windows system found/);
    const save = await makeTar({ 'manifest.json': '[]', 'repositories': '{}', 'abc/layer.tar': '' });
    await expect(loadHostInventory(save)).rejects.toThrow(/docker save/);
  });

  it('the whole inventory is valid, says it comes from the host source, and carries the name', async () => {
    const inv = await loadHost(await makeRoot(BASE_LINUX), { name: 'ami-0123456789abcdef0', now: new Date('2026-02-03T04:05:06Z') });
    expect(() => InventorySchema.parse(inv)).not.toThrow();
    expect(inv.meta).toMatchObject({ source: 'host', origin: 'host', accountId: 'local', collectedAt: '2026-02-03T04:05:06.000Z', regions: [] });
    expect(inv.host?.name).toBe('ami-0123456789abcdef0');
    expect(inv.iam.users.state).toBe('error'); // the AWS parts say they were not collected
  });
});

describe('files that cannot be read', () => {
  /** A folder root whose reads of some paths fail, as EACCES would for a non-root user. */
  class FailingFs extends DirFs {
    constructor(
      root: string,
      private readonly deny: string[],
    ) {
      super(root);
    }
    protected override async rawReadEach(paths: string[], fn: ChunkConsumer) {
      const failures = await super.rawReadEach(
        paths.filter((p) => !this.deny.includes(p)),
        fn,
      );
      for (const p of paths.filter((x) => this.deny.includes(x))) failures.set(p, new FsReadError(p, 'EACCES', 'permission denied'));
      return failures;
    }
  }

  it('a root folder that cannot be listed is bad input, not an empty system', async () => {
    class Unlistable extends DirFs {
      protected override async rawList(path: string): Promise<string[]> {
        if (path === '/') throw new FsReadError(path, 'EACCES', 'permission denied');
        return super.rawList(path);
      }
    }
    const root = await makeRoot(BASE_LINUX);
    await expect(readHost(new Unlistable(root), root)).rejects.toThrow(`${root}: cannot read the root folder (EACCES: permission denied)`);
  });

  it('an injected read error becomes an error attribute naming the read and the error', async () => {
    const root = await makeRoot({ ...BASE_LINUX, 'etc/ssh/sshd_config': 'PasswordAuthentication no\n', 'root/.bash_history': 'ls\n' });
    const host = await readHost(new FailingFs(root, ['/etc/shadow', '/etc/ssh/sshd_config', '/root/.bash_history']), root);
    const linux = linuxOf(host);
    expect(linux.shadow).toEqual({ state: 'error', call: 'read /etc/shadow', error: 'EACCES: permission denied' });
    expect(linux.sshd).toEqual({ state: 'error', call: 'read /etc/ssh/sshd_config', error: 'EACCES: permission denied' });
    const hl = linux.historyLogs.state === 'ok' ? linux.historyLogs.value : undefined;
    expect(hl?.histories.find((h) => h.path === '/root/.bash_history')?.scan).toEqual({
      state: 'error',
      call: 'read /root/.bash_history',
      error: 'EACCES: permission denied',
    });
  });

  it('a folder where a file is expected is an error, not an absence', async () => {
    const host = await loadHostInventory(await makeRoot({ 'etc/passwd': 'root:x:0:0::/root:/bin/sh\n', 'etc/shadow/oops': '' }));
    expect(linuxOf(host).shadow).toMatchObject({ state: 'error', call: 'read /etc/shadow' });
    expect((linuxOf(host).shadow as { error: string }).error).toContain('EISDIR');
  });

  it('a symlinked /etc/shadow that points out of the root is not followed', async () => {
    const outside = await makeRoot({ 'shadow': 'root:$6$leak$leak:1::::::\n' });
    const host = await loadHostInventory(await makeRoot({ ...BASE_LINUX, 'etc/shadow': { symlink: join(outside, 'shadow') } }));
    expect(linuxOf(host).shadow).toEqual({ state: 'absent' });
  });

  it('chmod 000 makes /etc/shadow unreadable to a non-root reader, which gets an error attribute', async () => {
    const root = await makeRoot({ ...BASE_LINUX, 'etc/shadow': { mode: 0o000, content: 'root:$6$x$y:1::::::\n' } });
    await chmod(root, 0o755);
    // Root reads through chmod 000, so the child drops to nobody once its modules are loaded (the
    // source tree may not be readable by nobody; the fixture in the temp folder is).
    const script = `
      import { loadHostInventory } from ${JSON.stringify(fileURLToPath(new URL('./load.ts', import.meta.url)))};
      if (process.getuid() === 0) { process.setgid(65534); process.setuid(65534); }
      const h = await loadHostInventory(${JSON.stringify(root)});
      process.stdout.write(JSON.stringify(h.linux.shadow));`;
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ state: 'error', call: 'read /etc/shadow', error: 'EACCES' });
  });
});

describe('huge files are streamed', () => {
  const SIZE = 96 * 1024 * 1024;
  const tail = 'Oct 10 10:00:01 ip-10-0-0-1 app[7]: connecting with password=Sup3rS3cret\n';

  /** The largest growth of heap and array buffers seen while `fn` runs, sampled every few ms. */
  async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growth: number }> {
    const base = process.memoryUsage();
    let peak = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed - base.heapUsed + (m.arrayBuffers - base.arrayBuffers));
    };
    const timer = setInterval(sample, 2);
    try {
      const result = await fn();
      sample();
      return { result, growth: peak };
    } finally {
      clearInterval(timer);
    }
  }

  it.each(['dir', 'tar'] as const)('a %s: a 96 MiB log is scanned to its last line without being held in memory', async (kind) => {
    const spec: Spec = { ...BASE_LINUX, 'var/log/app.log': bigText(SIZE, tail) };
    const root = kind === 'dir' ? await makeRoot(spec) : await makeTar(spec);
    const { result: host, growth } = await peakGrowth(() => loadHostInventory(root));
    const hl = linuxOf(host).historyLogs;
    const log = hl.state === 'ok' && hl.value.logs.state === 'ok' ? hl.value.logs.value.find((l) => l.path === '/var/log/app.log') : undefined;
    expect(log?.size).toBe(SIZE);
    const scan = log?.scan.state === 'ok' ? log.scan.value : undefined;
    expect(scan?.bytes).toBe(SIZE);
    expect(scan?.secrets).toEqual([{ type: 'password', line: scan?.lines, excerpt: 'password=****' }]);
    // Reading it whole would need at least SIZE; garbage not yet collected accounts for the rest.
    expect(growth).toBeLessThan(SIZE / 2);
  });

  it('a log with no newline at all is scanned in bounded pieces', async () => {
    const oneLine: Spec = { ...BASE_LINUX, 'var/log/blob.log': bigText(8 * 1024 * 1024, ' token AKIAIOSFODNN7EXAMPLE', 'x'.repeat(1000)) };
    const host = await loadHostInventory(await makeRoot(oneLine));
    const hl = linuxOf(host).historyLogs;
    const log = hl.state === 'ok' && hl.value.logs.state === 'ok' ? hl.value.logs.value[0] : undefined;
    expect(log?.scan).toMatchObject({ state: 'ok', value: { lines: 1, secrets: [{ type: 'aws-access-key-id', line: 1, excerpt: 'AKIA****MPLE' }] } });
  });
});
