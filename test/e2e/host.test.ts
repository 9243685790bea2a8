import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildCli, rampart } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-host-e2e-'));
const root = join(dir, 'root');
beforeAll(() => {
  buildCli();
  mkdirSync(join(root, 'etc/ssh'), { recursive: true });
  mkdirSync(join(root, 'home/ana'), { recursive: true });
  writeFileSync(join(root, 'etc/ssh/sshd_config'), 'PasswordAuthentication no\nPermitRootLogin no\nKbdInteractiveAuthentication no\n');
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\nana:x:1000:1000::/home/ana:/bin/bash\n');
  writeFileSync(join(root, 'etc/shadow'), 'root:!:19000:0:99999:7:::\nana:$6$salt$hash:19000:0:99999:7:::\n');
  writeFileSync(join(root, 'home/ana/.bash_history'), 'ls\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  execFileSync('tar', ['-czf', join(dir, 'root.tar.gz'), '-C', root, '.']);
});

describe('rampart host (built CLI)', () => {
  it('judges a root folder and a tar.gz of it alike, with file:line and no secret in the output', () => {
    const fromDir = JSON.parse(rampart(['host', root, '--name', 'ami-test', '--format', 'json']).stdout);
    const fromTar = JSON.parse(rampart(['host', join(dir, 'root.tar.gz'), '--name', 'ami-test', '--format', 'json']).stdout);
    const verdicts = (r: { findings: Array<{ checkId: string; status: string; location?: { file: string; line: number } }> }) =>
      r.findings.map((f) => `${f.checkId}:${f.status}:${f.location?.file ?? ''}:${f.location?.line ?? ''}`).sort();
    expect(verdicts(fromTar)).toEqual(verdicts(fromDir));
    const pw = fromDir.findings.find((f: { checkId: string; status: string }) => f.checkId === 'host.linux-passwords' && f.status === 'fail');
    expect(pw.location).toEqual({ file: '/etc/shadow', line: 2 });
    expect(pw.resourceId).toBe('ami-test');
    const history = fromDir.findings.filter((f: { checkId: string; status: string }) => f.checkId === 'host.linux-history-logs' && f.status === 'fail');
    expect(history.length).toBeGreaterThan(0);
    const all = JSON.stringify(fromDir) + JSON.stringify(fromTar);
    expect(all).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(all).not.toContain('$6$salt$hash');
  });

  it('exits 1 with --fail-on when something failed, and 2 on a path that is neither a folder nor a tar', () => {
    expect(rampart(['host', root, '--fail-on', 'high', '--format', 'json']).code).toBe(1);
    const notTar = join(dir, 'plain.txt');
    writeFileSync(notTar, 'hello');
    const r = rampart(['host', notTar]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(notTar);
    expect(rampart(['host', join(dir, 'does-not-exist')]).code).toBe(2);
  });
});
