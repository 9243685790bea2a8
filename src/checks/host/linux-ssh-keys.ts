import type { PrivateKey } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type Severity } from '../types.js';
import { missing } from '../helpers.js';
import { at, hostResource, plural } from './resource.js';

type Msg = 'authorized' | 'privateKey' | 'awsCredentials' | 'clean' | 'missing';

function protection(keys: PrivateKey[]): { text: string; severity: Severity } {
  if (keys.some((k) => k.encrypted === false)) return { text: 'not protected by a passphrase', severity: 'critical' };
  if (keys.every((k) => k.encrypted === true)) return { text: 'protected by a passphrase, which can be brute-forced offline', severity: 'high' };
  return { text: 'whether a passphrase protects it could not be told', severity: 'high' };
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.linux-ssh-keys',
  title: 'No user SSH key pairs or credentials are left in the image',
  description:
    'An authorized_keys file left in an image lets whoever holds the matching private key into every instance launched from it; a private key or an ~/.aws/credentials file hands its access to anyone who can read the image. Rampart looks where sshd does (AuthorizedKeysFile) in /root and every home, and for id_* and *.pem private keys anywhere under the homes.',
  severity: 'high',
  guideIds: ['ec2.linux-ami-ssh-keys'],
  needs: ['host.linux.userKeys'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Before creating the image, delete authorized_keys files (cloud-init installs the launch key pair at first boot), private keys and ~/.aws credentials from /root and every home; rotate any key or access key that was in the image, since copies of it may already exist.',
    cli: 'sudo find /root /home -name authorized_keys -o -name authorized_keys2 -o -name "id_*" ! -name "*.pub" -o -path "*/.aws/credentials" | xargs -r sudo shred -u',
  },
  messages: {
    authorized: '{{path}} authorizes {{keys}} ({{fingerprints}}): whoever holds the private key can log in to every instance launched from the image.',
    privateKey: '{{path}} holds {{keys}} ({{labels}}), {{protection}}.',
    awsCredentials: '{{path}} holds AWS credentials for {{profiles}}: anyone who reads the image gets their access.',
    clean: 'No authorized_keys, private key or AWS credentials file was found in {{homes}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const linux = host?.linux;
    if (!host || !linux) return [];
    const uk = linux.userKeys;
    if (uk.state !== 'ok') return uk.state === 'absent' ? [] : [missing(hostResource(host), uk, 'the homes')];
    const out: CheckResult<Msg>[] = [];

    for (const f of uk.value.authorizedKeys) {
      if (f.keys.state !== 'ok') {
        if (f.keys.state !== 'absent') out.push(missing(hostResource(host, at(f.path, 1)), f.keys, f.path, `authorized:${f.path}`));
        continue;
      }
      const keys = f.keys.value;
      if (keys.length === 0) continue;
      out.push({
        status: 'fail',
        resource: hostResource(host, at(f.path, keys[0]?.line ?? 1)),
        message: 'authorized',
        data: { path: f.path, keys: plural(keys.length, 'key'), fingerprints: keys.map((k) => `${k.type} ${k.fingerprint}${k.comment ? ` ${k.comment}` : ''}`).join(', ') },
        detail: `authorized:${f.path}`,
        evidence: { keys: keys.map((k) => ({ type: k.type, fingerprint: k.fingerprint, line: k.line, ...(k.comment ? { comment: k.comment } : {}) })) },
      });
    }

    const byPath = new Map<string, PrivateKey[]>();
    for (const k of uk.value.privateKeys) byPath.set(k.path, [...(byPath.get(k.path) ?? []), k]);
    for (const [path, keys] of byPath) {
      const p = protection(keys);
      out.push({
        status: 'fail',
        severity: p.severity,
        resource: hostResource(host, at(path, keys[0]?.line ?? 1)),
        message: 'privateKey',
        data: { path, keys: plural(keys.length, 'private key'), labels: [...new Set(keys.map((k) => k.label))].join(', '), protection: p.text },
        detail: `private:${path}`,
      });
    }

    for (const f of uk.value.awsCredentials) {
      if (f.profiles.state !== 'ok') {
        if (f.profiles.state !== 'absent') out.push(missing(hostResource(host, at(f.path, 1)), f.profiles, f.path, `aws:${f.path}`));
        continue;
      }
      const profiles = f.profiles.value;
      out.push({
        status: 'fail',
        severity: 'critical',
        resource: hostResource(host, at(f.path, profiles[0]?.line ?? 1)),
        message: 'awsCredentials',
        data: {
          path: f.path,
          profiles: profiles
            .map((p) => `profile ${p.name}${p.accessKeyId ? ` (${p.accessKeyId})` : ''}${p.hasSecretKey ? ' with its secret key' : ''}`)
            .join(', '),
        },
        detail: `aws:${f.path}`,
      });
    }

    for (const g of uk.value.gaps) {
      out.push(missing(hostResource(host, at(g.path, 1)), { state: 'error', call: g.call, error: g.error }, `${g.path} (searched for keys)`, `gap:${g.path}`));
    }
    if (out.length === 0 && uk.value.homes.length > 0) {
      out.push({ status: 'pass', resource: hostResource(host), message: 'clean', data: { homes: `${plural(uk.value.homes.length, 'home')} (${uk.value.homes.join(', ')})` } });
    }
    return out;
  },
});
