import type { CloudInit } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { fileAt, hostResource, plural } from './resource.js';

type Msg = 'none' | 'regenerated' | 'baked' | 'missing';

/** Why cloud-init will not replace the keys, or undefined when it will. */
function whyKept(ci: CloudInit | undefined): string | undefined {
  if (!ci) return 'cloud-init is not installed';
  if (ci.disabled) return 'cloud-init is disabled (/etc/cloud/cloud-init.disabled)';
  if (ci.deleteKeys && !ci.deleteKeys.value) return `ssh_deletekeys is false (${ci.deleteKeys.file}:${ci.deleteKeys.line})`;
  if (ci.sshModule === false) return "cloud-init's module lists do not run its ssh module";
  return undefined;
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.linux-host-keys',
  title: 'SSH host keys are generated per instance, not baked into the image',
  description:
    'Host keys left in an image are shared by every instance launched from it: one instance (or anyone who copies the image) can impersonate all the others, and known_hosts warnings stop meaning anything. cloud-init deletes and regenerates them at first boot unless told not to (ssh_deletekeys), so keys in an image are a finding only when nothing will replace them.',
  severity: 'high',
  guideIds: ['ec2.linux-ami-host-keys'],
  needs: ['host.linux.hostKeys', 'host.linux.cloudInit'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Delete the private and public host keys before creating the image (they are generated again at first boot by cloud-init, or by `ssh-keygen -A`), and keep cloud-init\'s ssh_deletekeys at its default, true.',
    cli: 'sudo rm -f /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub',
  },
  messages: {
    none: 'No SSH host key is baked into the image.',
    regenerated:
      '{{keys}} in the image, but cloud-init deletes and regenerates them at first boot (ssh_deletekeys {{how}}), so instances do not share them. Delete them anyway if the image may run without cloud-init.',
    baked: '{{path}} is baked into the image and {{why}}: every instance launched from it shares this host key.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const linux = host?.linux;
    if (!host || !linux) return [];
    const keys = linux.hostKeys;
    if (keys.state !== 'ok') return keys.state === 'absent' ? [] : [missing(hostResource(host), keys, 'the SSH host keys')];
    if (keys.value.length === 0) {
      return linux.sshdInstalled ? [{ status: 'pass', resource: hostResource(host), message: 'none' }] : [];
    }
    const ci = linux.cloudInit;
    if (ci.state === 'error' || ci.state === 'unknown') return [missing(hostResource(host), ci, 'the cloud-init configuration')];
    const config = ci.state === 'ok' ? ci.value : undefined;
    const why = whyKept(config);
    if (!why) {
      const how = config?.deleteKeys ? `true at ${config.deleteKeys.file}:${config.deleteKeys.line}` : 'not set: true by default';
      return [
        {
          status: 'pass',
          severity: 'info',
          resource: hostResource(host, fileAt(keys.value[0]?.path ?? '/etc/ssh')),
          message: 'regenerated',
          data: { keys: `${plural(keys.value.length, 'host key is', 'host keys are')}`, how },
          detail: 'cloud-init',
          evidence: { keys: keys.value.map((k) => k.path) },
        },
      ];
    }
    return keys.value.map(
      (k): CheckResult<Msg> => ({ status: 'fail', resource: hostResource(host, fileAt(k.path)), message: 'baked', data: { path: k.path, why }, detail: k.path }),
    );
  },
});
