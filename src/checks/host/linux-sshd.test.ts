import { afterAll, describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/index.js';
import { BASE_LINUX, cleanFixtures, hostPart, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './linux-sshd.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const sshd = (config: string, extra: Spec = {}): Spec => ({ ...BASE_LINUX, 'etc/ssh/sshd_config': config, ...extra });
const HARDENED = 'PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin no\nPermitEmptyPasswords no\n';
const F = '/etc/ssh/sshd_config';

const passAll = (file: string, from = 1) => [
  { status: 'pass' as const, resourceId: ID, detail: 'pubkeyauthentication', message: `PubkeyAuthentication is yes (set at ${file}:${from}).` },
  { status: 'pass' as const, resourceId: ID, detail: 'passwordauthentication', message: `PasswordAuthentication is no (set at ${file}:${from + 1}).` },
  { status: 'pass' as const, resourceId: ID, detail: 'kbdinteractiveauthentication', message: `KbdInteractiveAuthentication is no (set at ${file}:${from + 2}).` },
  { status: 'pass' as const, resourceId: ID, detail: 'permitrootlogin', message: `PermitRootLogin is no (set at ${file}:${from + 3}).` },
  { status: 'pass' as const, resourceId: ID, detail: 'permitemptypasswords', message: `PermitEmptyPasswords is no (set at ${file}:${from + 4}).` },
];

testCheck(check, {
  pass: [
    { name: 'every setting hardened in sshd_config', source: 'host', inventory: [await hostPart(sshd(HARDENED))], findings: passAll(F) },
    {
      name: 'the same from a tar.gz export',
      source: 'host',
      inventory: [await hostPart(sshd(HARDENED), 'tgz')],
      findings: passAll(F),
    },
    {
      name: 'hardened in a drop-in included first; a later "yes" in the main file loses (first value wins)',
      source: 'host',
      inventory: [
        await hostPart(
          sshd('Include sshd_config.d/*.conf\nPasswordAuthentication yes\nPermitRootLogin yes\n', { 'etc/ssh/sshd_config.d/00-hardening.conf': HARDENED }),
        ),
      ],
      findings: passAll('/etc/ssh/sshd_config.d/00-hardening.conf'),
    },
    {
      name: 'a Match block that tightens settings for some users is no finding',
      source: 'host',
      inventory: [await hostPart(sshd(`${HARDENED}Match Group sftp\n  PasswordAuthentication no\n  PermitRootLogin no\n`))],
      findings: passAll(F),
    },
    {
      name: 'a loosening Match block after a Match all that sets the same keyword never takes effect',
      source: 'host',
      inventory: [
        await hostPart(
          sshd('PubkeyAuthentication yes\nKbdInteractiveAuthentication no\nPermitRootLogin no\nMatch all\n  PasswordAuthentication no\nMatch User legacy\n  PasswordAuthentication yes\n'),
        ),
      ],
      findings: [
        { status: 'pass', resourceId: ID, detail: 'pubkeyauthentication', message: `PubkeyAuthentication is yes (set at ${F}:1).` },
        { status: 'pass', resourceId: ID, detail: 'passwordauthentication', message: `PasswordAuthentication is no (set at ${F}:5 in Match all).` },
        { status: 'pass', resourceId: ID, detail: 'kbdinteractiveauthentication', message: `KbdInteractiveAuthentication is no (set at ${F}:2).` },
        { status: 'pass', resourceId: ID, detail: 'permitrootlogin', message: `PermitRootLogin is no (set at ${F}:3).` },
        { status: 'pass', resourceId: ID, detail: 'permitemptypasswords', message: 'PermitEmptyPasswords is no (not set: OpenSSH default).' },
      ],
    },
  ],
  fail: [
    {
      name: "cloud-init's drop-in turns passwords on before the main file turns them off; defaults fill the rest",
      source: 'host',
      inventory: [
        await hostPart(
          sshd('Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nChallengeResponseAuthentication no\n', {
            'etc/ssh/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
          }),
        ),
      ],
      findings: [
        { status: 'pass', resourceId: ID, detail: 'pubkeyauthentication', message: 'PubkeyAuthentication is yes (not set: OpenSSH default).' },
        {
          status: 'fail',
          resourceId: ID,
          detail: 'passwordauthentication',
          severity: 'high',
          message: 'PasswordAuthentication is yes (set at /etc/ssh/sshd_config.d/50-cloud-init.conf:1); it must be no.',
        },
        { status: 'pass', resourceId: ID, detail: 'kbdinteractiveauthentication', message: `ChallengeResponseAuthentication is no (set at ${F}:3).` },
        { status: 'pass', resourceId: ID, detail: 'permitrootlogin', message: 'PermitRootLogin is prohibit-password (not set: OpenSSH default).' },
        { status: 'pass', resourceId: ID, detail: 'permitemptypasswords', message: 'PermitEmptyPasswords is no (not set: OpenSSH default).' },
      ],
    },
    {
      name: 'a Match block loosens settings for some connections; values are compared without case',
      source: 'host',
      inventory: [await hostPart(sshd(`${HARDENED}Match User deploy Address 10.0.0.0/8\n  PasswordAuthentication YES\n  PermitEmptyPasswords yes\n  PermitRootLogin without-password\n`))],
      findings: [
        ...passAll(F),
        {
          status: 'fail',
          resourceId: ID,
          detail: 'passwordauthentication:match:User deploy Address 10.0.0.0/8',
          severity: 'high',
          message: `Match User deploy Address 10.0.0.0/8 (${F}:6) sets PasswordAuthentication yes for the connections it matches; it must be no.`,
        },
        {
          status: 'fail',
          resourceId: ID,
          detail: 'permitemptypasswords:match:User deploy Address 10.0.0.0/8',
          severity: 'critical',
          message: `Match User deploy Address 10.0.0.0/8 (${F}:6) sets PermitEmptyPasswords yes for the connections it matches; it must be no.`,
        },
      ],
    },
    {
      name: 'a Match all block overrides the global value for everyone',
      source: 'host',
      inventory: [await hostPart(sshd(`${HARDENED}Match all\n  PermitRootLogin yes\n`))],
      findings: [
        ...passAll(F).filter((f) => f.detail !== 'permitrootlogin'),
        {
          status: 'fail',
          resourceId: ID,
          detail: 'permitrootlogin',
          message: `PermitRootLogin is yes (set at ${F}:7 in Match all); it must be prohibit-password, forced-commands-only or no.`,
        },
      ],
    },
    {
      name: 'sshd installed without any sshd_config: every default is judged',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'usr/sbin/sshd': 'ELF' })],
      findings: [
        { status: 'pass', resourceId: ID, detail: 'pubkeyauthentication', message: 'PubkeyAuthentication is yes (no sshd_config: OpenSSH default).' },
        { status: 'fail', resourceId: ID, detail: 'passwordauthentication', message: 'PasswordAuthentication is yes (no sshd_config: OpenSSH default); it must be no.' },
        {
          status: 'fail',
          resourceId: ID,
          detail: 'kbdinteractiveauthentication',
          message: 'KbdInteractiveAuthentication is yes (no sshd_config: OpenSSH default); it must be no.',
        },
        { status: 'pass', resourceId: ID, detail: 'permitrootlogin', message: 'PermitRootLogin is prohibit-password (no sshd_config: OpenSSH default).' },
        { status: 'pass', resourceId: ID, detail: 'permitemptypasswords', message: 'PermitEmptyPasswords is no (no sshd_config: OpenSSH default).' },
      ],
    },
    {
      name: 'an Include loop: sshd refuses to start, and what was read is judged (passes become unknown)',
      source: 'host',
      inventory: [await hostPart(sshd(`Include loop.conf\n${HARDENED}`, { 'etc/ssh/loop.conf': 'Include /etc/ssh/loop.conf\n' }))],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'invalid:/etc/ssh/loop.conf:1',
          severity: 'medium',
          message:
            'sshd refuses to start with this configuration: Include loop (/etc/ssh/sshd_config -> /etc/ssh/loop.conf -> /etc/ssh/loop.conf): sshd refuses to start (/etc/ssh/loop.conf:1).',
        },
        ...passAll(F, 2).map((f) => ({
          ...f,
          status: 'unknown' as const,
          message: f.message.replace(' is ', ' looks like ').replace(/\.$/, ', but part of the configuration could not be read: include /etc/ssh/loop.conf: Include loop (/etc/ssh/sshd_config -> /etc/ssh/loop.conf -> /etc/ssh/loop.conf): sshd refuses to start.'),
        })),
      ],
    },
  ],
  unknown: [
    {
      name: 'sshd_config cannot be read (a folder where the file should be)',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'etc/ssh/sshd_config/oops': '' })],
      findings: [{ status: 'unknown', resourceId: ID, message: 'Could not read the sshd configuration: read /etc/ssh/sshd_config failed: EISDIR: a folder where a file was expected.' }],
    },
    {
      name: 'an included file cannot be read: passes are not claimed, fails stand',
      source: 'host',
      inventory: [await hostPart(sshd(`Include extra.conf\n${HARDENED.replace('PermitRootLogin no', 'PermitRootLogin yes')}`, { 'etc/ssh/extra.conf/x': '' }))],
      findings: [
        ...passAll(F, 2)
          .filter((f) => f.detail !== 'permitrootlogin')
          .map((f) => ({
            ...f,
            status: 'unknown' as const,
            message: f.message
              .replace(' is ', ' looks like ')
              .replace(/\.$/, ', but part of the configuration could not be read: read /etc/ssh/extra.conf: EISDIR: a folder where a file was expected.'),
          })),
        {
          status: 'fail',
          resourceId: ID,
          detail: 'permitrootlogin',
          message: `PermitRootLogin is yes (set at ${F}:5); it must be prohibit-password, forced-commands-only or no.`,
        },
      ],
    },
  ],
});

describe('host.linux-sshd without sshd', () => {
  it('a container image with no sshd: nothing to judge, so no finding', async () => {
    const inventory = buildInventory([await hostPart(BASE_LINUX)], { source: 'host' });
    expect(check.evaluate({ inventory, options: {}, now: new Date() })).toEqual([]);
  });
});
