import { afterAll, describe, expect, it } from 'vitest';
import type { SshdConfig } from '../../inventory/index.js';
import { cleanFixtures, makeRoot, makeTar, type Spec } from './__tests__/fixtures.js';
import { openRoot } from './open.js';
import { loadSshdConfig, tokenize } from './sshd.js';

afterAll(cleanFixtures);

async function load(spec: Spec, kind: 'dir' | 'tar' = 'dir'): Promise<SshdConfig> {
  const fs = await openRoot(kind === 'dir' ? await makeRoot(spec) : await makeTar(spec));
  const a = await loadSshdConfig(fs);
  if (a.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(a)}`);
  return a.value;
}

const short = (c: SshdConfig) => c.directives.map((d) => `${d.keyword}=${d.args.join(' ')}@${d.file.replace('/etc/ssh/', '')}:${d.line}${d.match === null ? '' : `#m${d.match}`}`);

describe('tokenize', () => {
  it('splits as sshd does: keyword=value, quotes, trailing comments, blanks', () => {
    expect(tokenize('  PasswordAuthentication   no  ')).toEqual({ keyword: 'PasswordAuthentication', args: ['no'] });
    expect(tokenize('PermitRootLogin=yes')).toEqual({ keyword: 'PermitRootLogin', args: ['yes'] });
    expect(tokenize('PermitRootLogin = no # was yes')).toEqual({ keyword: 'PermitRootLogin', args: ['no'] });
    expect(tokenize('AuthorizedKeysFile ".ssh/my keys" .ssh/other')).toEqual({ keyword: 'AuthorizedKeysFile', args: ['.ssh/my keys', '.ssh/other'] });
    expect(tokenize('# PasswordAuthentication yes')).toBeNull();
    expect(tokenize('   ')).toBeNull();
  });
});

describe('loadSshdConfig', () => {
  it('expands Include in place: relative to /etc/ssh, globs sorted, aliases resolved', async () => {
    const cfg = await load({
      'etc/ssh/sshd_config': 'Include sshd_config.d/*.conf\nPasswordAuthentication no\nChallengeResponseAuthentication no\n',
      'etc/ssh/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
      'etc/ssh/sshd_config.d/10-first.conf': 'PermitRootLogin no\n',
      'etc/ssh/sshd_config.d/README': 'not a .conf: not included\n',
    });
    expect(short(cfg)).toEqual([
      'permitrootlogin=no@sshd_config.d/10-first.conf:1',
      'passwordauthentication=yes@sshd_config.d/50-cloud-init.conf:1',
      'passwordauthentication=no@sshd_config:2',
      'kbdinteractiveauthentication=no@sshd_config:3',
    ]);
    expect(cfg.directives[3]?.written).toBe('ChallengeResponseAuthentication');
    expect(cfg.files).toEqual(['/etc/ssh/sshd_config', '/etc/ssh/sshd_config.d/10-first.conf', '/etc/ssh/sshd_config.d/50-cloud-init.conf']);
    expect(cfg.problems).toEqual([]);
  });

  it('an included file starts in the Match state of its Include line and cannot change the includer\'s', async () => {
    const cfg = await load({
      'etc/ssh/sshd_config': 'Include /etc/ssh/inc/top.conf\nPermitRootLogin no\nMatch User deploy\n  Include inc/in-match.conf\n  X11Forwarding no\n',
      'etc/ssh/inc/top.conf': 'PasswordAuthentication no\nMatch Group admins\n  PasswordAuthentication yes\n',
      'etc/ssh/inc/in-match.conf': 'PermitRootLogin yes\n',
    });
    expect(short(cfg)).toEqual([
      'passwordauthentication=no@inc/top.conf:1',
      'passwordauthentication=yes@inc/top.conf:3#m0',
      // Back in the main file after the Include: global again, although top.conf ended inside a Match.
      'permitrootlogin=no@sshd_config:2',
      'permitrootlogin=yes@inc/in-match.conf:1#m1',
      'x11forwarding=no@sshd_config:5#m1',
    ]);
    expect(cfg.matches.map((m) => [m.criteria, m.all])).toEqual([
      ['Group admins', false],
      ['User deploy', false],
    ]);
  });

  it('an Include loop is cut and reported where it happens (sshd would refuse to start)', async () => {
    for (const kind of ['dir', 'tar'] as const) {
      const cfg = await load(
        {
          'etc/ssh/sshd_config': 'Include a.conf\nPasswordAuthentication no\n',
          'etc/ssh/a.conf': 'PermitRootLogin no\nInclude b.conf\n',
          'etc/ssh/b.conf': 'Include a.conf\n',
        },
        kind,
      );
      expect(short(cfg)).toEqual(['permitrootlogin=no@a.conf:1', 'passwordauthentication=no@sshd_config:2']);
      expect(cfg.problems).toHaveLength(1);
      expect(cfg.problems[0]).toMatchObject({ kind: 'loop', file: '/etc/ssh/b.conf', line: 1, at: 1 });
      expect(cfg.problems[0]?.error).toContain('/etc/ssh/sshd_config -> /etc/ssh/a.conf -> /etc/ssh/b.conf -> /etc/ssh/a.conf');
    }
  });

  it('a file including itself is a loop too', async () => {
    const cfg = await load({ 'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config\nPasswordAuthentication no\n' });
    expect(cfg.problems.map((p) => p.kind)).toEqual(['loop']);
    expect(short(cfg)).toEqual(['passwordauthentication=no@sshd_config:2']);
  });

  it('nesting deeper than sshd allows is reported, without a loop', async () => {
    const spec: Spec = { 'etc/ssh/sshd_config': 'Include d1.conf\n' };
    for (let i = 1; i <= 17; i++) spec[`etc/ssh/d${i}.conf`] = `Include d${i + 1}.conf\n`;
    spec['etc/ssh/d18.conf'] = 'PasswordAuthentication yes\n';
    const cfg = await load(spec);
    expect(cfg.problems.map((p) => p.kind)).toEqual(['depth']);
    expect(cfg.directives).toEqual([]);
  });

  it('an included path that is a folder is a problem at its place, not a silent skip', async () => {
    const cfg = await load({
      'etc/ssh/sshd_config': 'PermitRootLogin no\nInclude extra.conf\nPasswordAuthentication no\n',
      'etc/ssh/extra.conf/inside': 'PasswordAuthentication yes\n',
    });
    expect(cfg.problems).toEqual([expect.objectContaining({ kind: 'unreadable', at: 1, call: 'read /etc/ssh/extra.conf', line: 2 })]);
    expect(cfg.problems[0]?.error).toContain('EISDIR');
  });

  it('an Include that matches nothing is not a problem (sshd ignores it)', async () => {
    const cfg = await load({ 'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n' });
    expect(cfg.problems).toEqual([]);
    expect(short(cfg)).toEqual(['passwordauthentication=no@sshd_config:2']);
  });

  it('the config is absent when there is none, and an error when it cannot be read', async () => {
    const none = await loadSshdConfig(await openRoot(await makeRoot({ 'etc/passwd': '' })));
    expect(none).toEqual({ state: 'absent' });
    const folder = await loadSshdConfig(await openRoot(await makeRoot({ 'etc/ssh/sshd_config/x': '' })));
    expect(folder).toMatchObject({ state: 'error', call: 'read /etc/ssh/sshd_config' });
  });

  it('a Match all block is marked as applying to every connection', async () => {
    const cfg = await load({ 'etc/ssh/sshd_config': 'Match all\nPasswordAuthentication yes\nMatch Address 10.0.0.0/8\nPasswordAuthentication no\n' });
    expect(cfg.matches.map((m) => m.all)).toEqual([true, false]);
  });
});
