import { afterAll, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { BASE_LINUX, bigText, cleanFixtures, hostPart, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './linux-history-logs.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const BIG = 4 * 1024 * 1024;
const BIG_LINE = 'Oct 10 10:00:00 ip-10-0-0-1 app[7]: request served\n';
// Appended to the body's last, cut-short line: the secret is on that line.
const BIG_TAIL = ' login https://svc:Pa55w0rd@db.internal:5432/app\n';
const HARDENED: Spec = {
  ...BASE_LINUX,
  'root/.bash_history': { symlink: '/dev/null' },
  'home/ec2-user/.bash_history': '',
  'var/log/journal': { dir: true },
  'var/log/wtmp': '',
};

testCheck(check, {
  pass: [
    {
      name: 'histories linked to /dev/null or empty, log files emptied',
      source: 'host',
      inventory: [await hostPart(HARDENED)],
      findings: [{ status: 'pass', resourceId: ID, message: 'No shell history and no non-empty log file were found in 2 homes and /var/log.' }],
    },
  ],
  fail: [
    {
      name: 'histories of several tools; secrets raise the severity and are masked',
      source: 'host',
      inventory: [
        await hostPart({
          ...HARDENED,
          'root/.bash_history': 'sudo yum update\naws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\nmysql -u admin -pHunter2 prod\n',
          'home/ec2-user/.python_history': 'import os\nprint(os.environ)\n',
          'home/ec2-user/.lesshst': '.less-history-file:\n',
          'home/ec2-user/.psql_history': "ALTER USER app WITH PASSWORD 'Tr0ub4dor';\n",
        }),
      ],
      findings: [
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'history:/root/.bash_history',
          message:
            '/root/.bash_history keeps 3 lines of history with 2 secrets: AKIA****MPLE (aws-access-key-id, line 2), mysql -p**** (password, line 3).',
        },
        { status: 'fail', resourceId: ID, detail: 'history:/home/ec2-user/.python_history', message: '/home/ec2-user/.python_history keeps 2 lines of history (28 B).' },
        { status: 'fail', resourceId: ID, detail: 'history:/home/ec2-user/.lesshst', message: '/home/ec2-user/.lesshst keeps 1 line of history (20 B).' },
        {
          status: 'fail',
          severity: 'high',
          resourceId: ID,
          detail: 'history:/home/ec2-user/.psql_history',
          message: "/home/ec2-user/.psql_history keeps 1 line of history with 1 secret: PASSWORD **** (password, line 1).",
        },
      ],
    },
    {
      name: 'logs: plain ones in one finding, one with a private key block on its own (from a tar.gz, rotated .gz read through gunzip)',
      source: 'host',
      inventory: [
        await hostPart(
          {
            ...HARDENED,
            'var/log/messages': 'Oct 10 10:00:00 host kernel: booted\n',
            'var/log/dnf.log': 'installed nginx\n'.repeat(10),
            'var/log/cloud-init-output.log.1.gz': gzipSync(Buffer.from('Cloud-init v. 23\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n')),
          },
          'tgz',
        ),
      ],
      findings: [
        {
          status: 'fail',
          severity: 'critical',
          resourceId: ID,
          detail: 'log:/var/log/cloud-init-output.log.1.gz',
          message: expect.stringMatching(
            /^Log \/var\/log\/cloud-init-output\.log\.1\.gz \(\d+ B\) holds 1 secret: -----BEGIN RSA PRIVATE KEY----- \(private-key, line 2\)\.$/,
          ) as unknown as string,
        },
        {
          status: 'fail',
          severity: 'low',
          resourceId: ID,
          detail: 'var-log',
          message: 'Non-empty files under /var/log: 2 (196 B in all), for example /var/log/dnf.log (160 B), /var/log/messages (36 B).',
        },
      ],
    },
    {
      name: 'a big log whose secret is on its last line',
      source: 'host',
      inventory: [await hostPart({ ...HARDENED, 'var/log/app.log': bigText(BIG, BIG_TAIL, BIG_LINE) })],
      findings: [
        {
          status: 'fail',
          severity: 'high',
          resourceId: ID,
          detail: 'log:/var/log/app.log',
          message: `Log /var/log/app.log (4.0 MiB) holds 1 secret: https://svc:****@ (url-credentials, line ${Math.floor((BIG - BIG_TAIL.length) / BIG_LINE.length) + 1}).`,
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a history that is a folder cannot be read',
      source: 'host',
      inventory: [await hostPart({ ...HARDENED, 'home/ec2-user/.zsh_history/x': '' })],
      findings: [
        {
          status: 'unknown',
          resourceId: ID,
          detail: 'history:/home/ec2-user/.zsh_history',
          message: 'Could not read /home/ec2-user/.zsh_history: read /home/ec2-user/.zsh_history failed: EISDIR: a folder where a file was expected.',
        },
      ],
    },
  ],
});
