import { describe, expect, it } from 'vitest';
import { findSecrets, maskKeyId, scanText } from './secrets.js';

async function* chunksOf(...parts: string[]): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

describe('findSecrets', () => {
  it.each([
    ['export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', [{ type: 'aws-access-key-id', excerpt: 'AKIA****MPLE' }]],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', [{ type: 'aws-secret-access-key', excerpt: 'aws_secret_access_key=****' }]],
    ['aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', [{ type: 'aws-secret-access-key', excerpt: 'aws_secret_access_key=****' }]],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', [{ type: 'private-key', excerpt: '-----BEGIN OPENSSH PRIVATE KEY-----' }]],
    ['-----BEGIN RSA PRIVATE KEY-----', [{ type: 'private-key', excerpt: '-----BEGIN RSA PRIVATE KEY-----' }]],
    ['curl -d password=hunter2 https://x', [{ type: 'password', excerpt: 'password=****' }]],
    ['PGPASSWORD=s3cr3t psql -h db', [{ type: 'password', excerpt: 'PGPASSWORD=****' }]],
    ['mysql -u root -pS3cret mydb', [{ type: 'password', excerpt: 'mysql -p****' }]],
    ['sshpass -p "pa ss" ssh host', [{ type: 'password', excerpt: 'sshpass -p ****' }]],
    ['app --password=topsecret --user x', [{ type: 'password', excerpt: '--password=****' }]],
    ['db_password: "correct horse"', [{ type: 'password', excerpt: 'db_password=****' }]],
    ['{"password":"abc123"}', [{ type: 'password', excerpt: 'password=****' }]],
    ["ALTER USER app WITH PASSWORD 'Tr0ub4dor';", [{ type: 'password', excerpt: 'PASSWORD ****' }]],
    ['CREATE USER x IDENTIFIED BY "pw1";', [{ type: 'password', excerpt: 'IDENTIFIED BY ****' }]],
    ['git clone https://deploy:ghp_abcdef@github.com/org/repo', [{ type: 'url-credentials', excerpt: 'https://deploy:****@' }]],
  ])('finds and masks: %s', (line, want) => {
    expect(findSecrets(line)).toEqual(want);
  });

  it.each([
    'Oct 10 sshd[1]: Accepted publickey for ec2-user',
    'Oct 10 sshd[1]: Failed password for invalid user admin from 10.0.0.1',
    'passwd: password updated successfully',
    'pam_unix(passwd:chauthtok): password changed for ec2-user',
    'export PGPASSWORD=$DB_PASSWORD',
    'password=${SECRET}',
    'password: <your password here>',
    'PasswordAuthentication no',
    'https://example.com/path?q=1',
    'AIDAEXAMPLEUSERID1234 is a user id, not a key',
  ])('leaves alone: %s', (line) => {
    expect(findSecrets(line)).toEqual([]);
  });

  it('never lets any part of a password or secret key through', () => {
    const secret = 'Zq8!vX2#pL0';
    const text = `mysql -p${secret} && export DB_PASSWORD=${secret} && curl https://u:${secret}@h`;
    const out = JSON.stringify(findSecrets(text));
    expect(out).not.toContain(secret);
    expect(out).not.toContain(secret.slice(0, 4));
  });

  it('masks a key id as the console does', () => {
    expect(maskKeyId('ASIAABCDEFGHIJKLXYZ1')).toBe('ASIA****XYZ1');
  });
});

describe('scanText', () => {
  it('numbers lines across chunk boundaries and counts every hit, keeping the first ones', async () => {
    const scan = await scanText(chunksOf('ls\nexport AKIA', 'IOSFODNN7EXAMPLE\r\n', 'echo ok\npassword=x1\n'));
    expect(scan.lines).toBe(4);
    expect(scan.secrets).toEqual([
      { type: 'aws-access-key-id', line: 2, excerpt: 'AKIA****MPLE' },
      { type: 'password', line: 4, excerpt: 'password=****' },
    ]);
    expect(scan.secretCount).toBe(2);
    expect(scan.bytes).toBe(Buffer.byteLength('ls\nexport AKIAIOSFODNN7EXAMPLE\r\necho ok\npassword=x1\n'));
  });

  it('finds a secret cut in two where a very long line is handed on in pieces, once', async () => {
    const scan = await scanText(chunksOf(`${'a'.repeat(70_000)} AKIAIOSF`, 'ODNN7EXAMPLE and password=abc\n'));
    expect(scan.lines).toBe(1);
    expect(scan.secrets).toEqual([
      { type: 'aws-access-key-id', line: 1, excerpt: 'AKIA****MPLE' },
      { type: 'password', line: 1, excerpt: 'password=****' },
    ]);
    expect(scan.secretCount).toBe(2);
  });

  it('caps the hits it keeps but counts them all', async () => {
    const scan = await scanText(chunksOf('password=abc\n'.repeat(100)));
    expect(scan.secretCount).toBe(100);
    expect(scan.secrets).toHaveLength(25);
  });
});
