import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../report/model.js';
import { BASE_LINUX, cleanFixtures, makeRoot, makeTar, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { describeError } from '../describe-error.js';
import { registerHost, runHost } from './host.js';

afterAll(cleanFixtures);
afterEach(() => {
  process.exitCode = undefined;
});

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const IMAGE: Spec = {
  ...BASE_LINUX,
  'etc/ssh/sshd_config': 'PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin no\n',
  'root/.bash_history': `aws configure set aws_secret_access_key ${SECRET}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\n`,
};

async function run(args: string[]): Promise<{ code: number | undefined; report: ScanReport; text: string }> {
  const out = join(await makeRoot({ '.keep': '' }), 'report.json');
  const program = new Command('rampart').exitOverride();
  registerHost(program);
  await program.parseAsync(['node', 'rampart', 'host', ...args, '--format', 'json', '--output', out]);
  const text = await readFile(out, 'utf8');
  return { code: process.exitCode as number | undefined, report: JSON.parse(text) as ScanReport, text };
}

describe('rampart host', () => {
  it('scans a folder: findings name the image, carry file:line, and the source is host', async () => {
    const root = await makeRoot(IMAGE);
    const { code, report } = await run([root, '--name', 'ami-0123456789abcdef0', '--fail-on', 'none']);
    expect(code).toBe(0);
    expect(report.scan.source).toBe('host');
    expect(report.scan.accounts).toEqual(['local']);
    const history = report.findings.find((f) => f.checkId === 'host.linux-history-logs');
    expect(history).toMatchObject({
      status: 'fail',
      severity: 'critical',
      resourceId: 'ami-0123456789abcdef0',
      resourceType: 'Host::Image',
      region: 'global',
      location: { file: '/root/.bash_history', line: 1 },
      guideIds: ['ec2.linux-ami-history-logs'],
    });
    // Only host checks run; AWS checks are not listed as skipped noise.
    expect(report.findings.every((f) => f.checkId.startsWith('host.'))).toBe(true);
    expect(report.scan.coverage.checksNotApplicable).toEqual([]);
  });

  it('never writes a secret it found, in any field', async () => {
    const { text } = await run([await makeTar(IMAGE, { gzip: true })]);
    expect(text).toContain('aws_secret_access_key=****');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(0, 12));
  });

  it('--fail-on: exit 1 when a finding at or above the threshold failed, 0 otherwise', async () => {
    const root = await makeRoot(IMAGE);
    expect((await run([root, '--fail-on', 'critical'])).code).toBe(1);
    const clean = await makeRoot({ ...IMAGE, 'root/.bash_history': { symlink: '/dev/null' } });
    expect((await run([clean, '--fail-on', 'critical'])).code).toBe(0);
  });

  it('--checks selects host checks by id, glob or guide id; an AWS check id is an error', async () => {
    const root = await makeRoot(IMAGE);
    const byGlob = await run([root, '--checks', 'host.linux-pass*']);
    expect([...new Set(byGlob.report.findings.map((f) => f.checkId))]).toEqual(['host.linux-passwords']);
    const byGuide = await run([root, '--checks', 'ec2.linux-ami-sshd']);
    expect([...new Set(byGuide.report.findings.map((f) => f.checkId))]).toEqual(['host.linux-sshd']);
    await expect(runHost(root, { checks: ['s3.*'], format: 'json', failOn: 'none' })).rejects.toThrow(/no check matches "s3\.\*"/);
  });

  it('bad input: neither a folder nor a tar is a HostInputError with a sentence (exit 2), not a stack trace', async () => {
    const dir = await makeRoot({ 'notes.txt': 'hello\n' });
    const err = await runHost(join(dir, 'notes.txt'), { format: 'json', failOn: 'none' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'HostInputError' });
    expect(describeError(err)).toBe(`${join(dir, 'notes.txt')}: neither a folder nor a tar archive (give a mounted root folder, a tar or a tar.gz)`);
  });

  it('--account must be an account id', async () => {
    const root = await makeRoot(IMAGE);
    await expect(runHost(root, { account: 'prod', format: 'json', failOn: 'none' })).rejects.toThrow(/12-digit/);
    expect((await run([root, '--account', '210987654321'])).report.scan.accounts).toEqual(['210987654321']);
  });
});
