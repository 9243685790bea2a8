import { afterAll } from 'vitest';
import { join } from 'node:path';
import { BASE_LINUX, cleanFixtures, hostPart, makeRoot, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './linux-ssh-keys.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
// A public key and the fingerprint `ssh-keygen -lf` prints for it.
const PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZAowQvE6WGu5fL/p4IqEd7bp+zfCyV29VZW+DVJjSo builder@ip-10-0-0-5';
const FP = 'SHA256:MKAWR1jsSXZFM7HZrePS/SvSyRFJeN6ig6aC5YxvV3I';

/** An OpenSSH private key file with the given cipher: only its header is real, the rest is filler. */
function opensshKey(cipher: string): string {
  const str = (s: string) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(s.length);
    return Buffer.concat([b, Buffer.from(s)]);
  };
  const body = Buffer.concat([Buffer.from('openssh-key-v1\0'), str(cipher), str(cipher === 'none' ? 'none' : 'bcrypt'), Buffer.alloc(48, 7)]).toString('base64');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body.match(/.{1,70}/g)?.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}
const PKCS8 = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----\n';

const CLEAN: Spec = {
  ...BASE_LINUX,
  'root/.ssh/known_hosts': 'github.com ssh-ed25519 AAAA\n',
  'home/ec2-user/.ssh/authorized_keys': '# emptied before the image was made\n',
  'home/ec2-user/certs/server.pem': CERT,
  'home/ec2-user/.ssh/id_ed25519.pub': `${PUB}\n`,
};

/** Keys outside the image: a link that points at them must not be followed. */
const outside = await makeRoot({ 'authorized_keys': `${PUB}\n`, 'id_rsa': PKCS8 });

testCheck(check, {
  pass: [
    {
      name: 'links that point out of the root are resolved inside it, where nothing is',
      source: 'host',
      inventory: [
        await hostPart({
          ...CLEAN,
          'root/.ssh/authorized_keys': { symlink: join(outside, 'authorized_keys') },
          'root/.ssh/id_rsa': { symlink: `../../../../../../..${join(outside, 'id_rsa')}` },
          'home/ec2-user/linked': { symlink: outside },
        }),
      ],
      findings: [{ status: 'pass', resourceId: ID, message: 'No authorized_keys, private key or AWS credentials file was found in 2 homes (/home/ec2-user, /root).' }],
    },
    {
      name: 'only public halves, certificates and an emptied authorized_keys',
      source: 'host',
      inventory: [await hostPart(CLEAN)],
      findings: [{ status: 'pass', resourceId: ID, message: 'No authorized_keys, private key or AWS credentials file was found in 2 homes (/home/ec2-user, /root).' }],
    },
  ],
  fail: [
    {
      name: 'authorized_keys with options, in root and a user home',
      source: 'host',
      inventory: [
        await hostPart({
          ...CLEAN,
          'root/.ssh/authorized_keys': `no-port-forwarding,command="echo 'Please login as ec2-user' ; sleep 10" ${PUB}\n`,
          'home/ec2-user/.ssh/authorized_keys2': `${PUB}\n`,
        }),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'authorized:/root/.ssh/authorized_keys',
          message: `/root/.ssh/authorized_keys authorizes 1 key (ssh-ed25519 ${FP} builder@ip-10-0-0-5): whoever holds the private key can log in to every instance launched from the image.`,
        },
        {
          status: 'fail',
          resourceId: ID,
          detail: 'authorized:/home/ec2-user/.ssh/authorized_keys2',
          message: `/home/ec2-user/.ssh/authorized_keys2 authorizes 1 key (ssh-ed25519 ${FP} builder@ip-10-0-0-5): whoever holds the private key can log in to every instance launched from the image.`,
        },
      ],
    },
    {
      name: 'AuthorizedKeysFile from sshd_config (%u in a central folder), read from a tar',
      source: 'host',
      inventory: [
        await hostPart(
          { ...CLEAN, 'etc/ssh/sshd_config': 'AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys\n', 'etc/ssh/keys/ec2-user': `${PUB}\n` },
          'tar',
        ),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'authorized:/etc/ssh/keys/ec2-user',
          message: `/etc/ssh/keys/ec2-user authorizes 1 key (ssh-ed25519 ${FP} builder@ip-10-0-0-5): whoever holds the private key can log in to every instance launched from the image.`,
        },
      ],
    },
    {
      name: 'private keys: unprotected id_*, passphrase-protected id_*, a .pem deep in a project, a home left by a deleted user',
      source: 'host',
      inventory: [
        await hostPart({
          ...CLEAN,
          'root/.ssh/id_ed25519': opensshKey('none'),
          'home/ec2-user/.ssh/id_rsa': opensshKey('aes256-ctr'),
          'home/ec2-user/src/app/deploy/prod.pem': `${CERT}${PKCS8}`,
          'home/olduser/.ssh/id_ecdsa': '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nabc\n-----END EC PRIVATE KEY-----\n',
          'home/ec2-user/notes/id_card.txt': 'not a key\n',
        }),
      ],
      findings: [
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'private:/root/.ssh/id_ed25519',
          message: '/root/.ssh/id_ed25519 holds 1 private key (OPENSSH PRIVATE KEY), not protected by a passphrase.',
        },
        {
          status: 'fail',
          severity: 'high',
          resourceId: ID,
          detail: 'private:/home/ec2-user/.ssh/id_rsa',
          message: '/home/ec2-user/.ssh/id_rsa holds 1 private key (OPENSSH PRIVATE KEY), protected by a passphrase, which can be brute-forced offline.',
        },
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'private:/home/ec2-user/src/app/deploy/prod.pem',
          message: '/home/ec2-user/src/app/deploy/prod.pem holds 1 private key (PRIVATE KEY), not protected by a passphrase.',
        },
        {
          status: 'fail',
          severity: 'high',
          resourceId: ID,
          detail: 'private:/home/olduser/.ssh/id_ecdsa',
          message: '/home/olduser/.ssh/id_ecdsa holds 1 private key (EC PRIVATE KEY), protected by a passphrase, which can be brute-forced offline.',
        },
      ],
    },
    {
      name: 'AWS credentials: key ids masked, secrets never shown',
      source: 'host',
      inventory: [
        await hostPart({
          ...CLEAN,
          'root/.aws/credentials':
            '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n[build]\nrole_arn = arn:aws:iam::123456789012:role/b\nsource_profile = default\n',
          'home/ec2-user/.aws/config': '[profile ci]\nregion = eu-west-1\naws_access_key_id=ASIAIOSFODNN7EXAMPL2\naws_session_token=abc\n',
        }),
      ],
      findings: [
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'aws:/root/.aws/credentials',
          message: '/root/.aws/credentials holds AWS credentials for profile default (AKIA****MPLE) with its secret key: anyone who reads the image gets their access.',
        },
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'aws:/home/ec2-user/.aws/config',
          message: '/home/ec2-user/.aws/config holds AWS credentials for profile ci (ASIA****MPL2): anyone who reads the image gets their access.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'an authorized_keys that is a folder cannot be read: no pass is claimed',
      source: 'host',
      inventory: [await hostPart({ ...CLEAN, 'root/.ssh/authorized_keys/oops': '' })],
      findings: [
        {
          status: 'unknown',
          resourceId: ID,
          detail: 'authorized:/root/.ssh/authorized_keys',
          message: 'Could not read /root/.ssh/authorized_keys: read /root/.ssh/authorized_keys failed: EISDIR: a folder where a file was expected.',
        },
      ],
    },
  ],
});
