import { afterAll, describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/index.js';
import { BASE_LINUX, cleanFixtures, hostPart, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './linux-host-keys.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const KEYS: Spec = {
  'etc/ssh/sshd_config': 'PasswordAuthentication no\n',
  'etc/ssh/ssh_host_ed25519_key': 'private\n',
  'etc/ssh/ssh_host_ed25519_key.pub': 'ssh-ed25519 AAAA root@build\n',
  'etc/ssh/ssh_host_rsa_key': 'private\n',
};
const CLOUD = 'cloud_init_modules:\n - migrator\n - [ssh, always]\n';

testCheck(check, {
  pass: [
    {
      name: 'no host key in the image',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'etc/ssh/sshd_config': 'PasswordAuthentication no\n', 'etc/ssh/moduli': 'x' })],
      findings: [{ status: 'pass', resourceId: ID, message: 'No SSH host key is baked into the image.' }],
    },
    {
      name: 'keys present, cloud-init installed with its default ssh_deletekeys: regenerated at first boot',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, ...KEYS, 'etc/cloud/cloud.cfg': CLOUD })],
      findings: [
        {
          status: 'pass',
          severity: 'info',
          resourceId: ID,
          detail: 'cloud-init',
          message:
            '2 host keys are in the image, but cloud-init deletes and regenerates them at first boot (ssh_deletekeys not set: true by default), so instances do not share them. Delete them anyway if the image may run without cloud-init.',
        },
      ],
    },
    {
      name: 'a later cloud.cfg.d file sets it back to true (YAML 1.1 "yes")',
      source: 'host',
      inventory: [
        await hostPart({ ...BASE_LINUX, ...KEYS, 'etc/cloud/cloud.cfg': `ssh_deletekeys: false\n${CLOUD}`, 'etc/cloud/cloud.cfg.d/99-image.cfg': 'ssh_deletekeys: yes\n' }, 'tar'),
      ],
      findings: [
        {
          status: 'pass',
          severity: 'info',
          resourceId: ID,
          detail: 'cloud-init',
          message:
            '2 host keys are in the image, but cloud-init deletes and regenerates them at first boot (ssh_deletekeys true at /etc/cloud/cloud.cfg.d/99-image.cfg:1), so instances do not share them. Delete them anyway if the image may run without cloud-init.',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'keys present and no cloud-init: one finding per key',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, ...KEYS })],
      findings: ['ed25519', 'rsa'].map((t) => ({
        status: 'fail' as const,
        resourceId: ID,
        detail: `/etc/ssh/ssh_host_${t}_key`,
        message: `/etc/ssh/ssh_host_${t}_key is baked into the image and cloud-init is not installed: every instance launched from it shares this host key.`,
      })),
    },
    {
      name: 'cloud-init told to keep the keys',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, ...KEYS, 'etc/cloud/cloud.cfg': CLOUD, 'etc/cloud/cloud.cfg.d/90-keep.cfg': '# keep\nssh_deletekeys: false\n' })],
      findings: ['ed25519', 'rsa'].map((t) => ({
        status: 'fail' as const,
        resourceId: ID,
        detail: `/etc/ssh/ssh_host_${t}_key`,
        message: `/etc/ssh/ssh_host_${t}_key is baked into the image and ssh_deletekeys is false (/etc/cloud/cloud.cfg.d/90-keep.cfg:2): every instance launched from it shares this host key.`,
      })),
    },
    {
      name: 'cloud-init disabled, and a HostKey outside /etc/ssh',
      source: 'host',
      inventory: [
        await hostPart({
          ...BASE_LINUX,
          'etc/ssh/sshd_config': 'HostKey /var/lib/ssh/host_key\n',
          'var/lib/ssh/host_key': 'private\n',
          'etc/cloud/cloud.cfg': CLOUD,
          'etc/cloud/cloud-init.disabled': '',
        }),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: '/var/lib/ssh/host_key',
          message: '/var/lib/ssh/host_key is baked into the image and cloud-init is disabled (/etc/cloud/cloud-init.disabled): every instance launched from it shares this host key.',
        },
      ],
    },
    {
      name: "cloud-init's module lists leave out the ssh module",
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'etc/ssh/ssh_host_rsa_key': 'k', 'etc/cloud/cloud.cfg': 'cloud_init_modules:\n - migrator\n - bootcmd\n' })],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: '/etc/ssh/ssh_host_rsa_key',
          message: "/etc/ssh/ssh_host_rsa_key is baked into the image and cloud-init's module lists do not run its ssh module: every instance launched from it shares this host key.",
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'cloud.cfg is not valid YAML',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, ...KEYS, 'etc/cloud/cloud.cfg': 'ssh_deletekeys: [unclosed\n' })],
      findings: [{ status: 'unknown', resourceId: ID, message: expect.stringMatching(/^Could not read the cloud-init configuration: parse \/etc\/cloud\/cloud.cfg failed: /) as unknown as string }],
    },
  ],
});

describe('host.linux-host-keys without sshd', () => {
  it('no sshd and no keys: nothing inspected', async () => {
    const inventory = buildInventory([await hostPart(BASE_LINUX)], { source: 'host' });
    expect(check.evaluate({ inventory, options: {}, now: new Date() })).toEqual([]);
  });
});
