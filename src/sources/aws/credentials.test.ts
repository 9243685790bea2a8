import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFor, DEFAULT_SESSION_NAME } from './credentials.js';

const ASSUMED_XML =
  '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/Audit/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>';

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'];
const saved: Record<string, string | undefined> = {};
beforeEach(() => KEYS.forEach((k) => ((saved[k] = process.env[k]), delete process.env[k])));
afterEach(() => KEYS.forEach((k) => (saved[k] === undefined ? delete process.env[k] : (process.env[k] = saved[k]))));

/** Shared config files holding one profile, as `aws configure --profile audit` writes them. */
function profileFiles(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-creds-'));
  writeFileSync(join(dir, 'credentials'), '[audit]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n');
  writeFileSync(join(dir, 'config'), '[profile audit]\nregion = eu-west-1\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
}

describe('credentialsFor', () => {
  it('reads the default chain (here: the environment)', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'env-secret';
    expect(await credentialsFor({ region: 'us-east-1' })()).toMatchObject({ accessKeyId: 'AKIAENV' });
  });

  it('reads a named profile from the shared files', async () => {
    profileFiles();
    expect(await credentialsFor({ region: 'us-east-1', profile: 'audit' })()).toMatchObject({ accessKeyId: 'AKIAPROFILE' });
  });

  it('assumes the role with the external id and session name, signed by the base credentials', async () => {
    profileFiles();
    const bodies: string[] = [];
    const requestHandler = {
      async handle(req: { body?: string; headers: Record<string, string> }) {
        bodies.push(`${req.body ?? ''}|${req.headers.authorization ?? ''}`);
        return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(ASSUMED_XML)]) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const provider = credentialsFor({
      region: 'us-east-1',
      profile: 'audit',
      roleArn: 'arn:aws:iam::111122223333:role/Audit',
      externalId: 'ext-123',
      stsConfig: { requestHandler },
    });
    expect(await provider()).toMatchObject({ accessKeyId: 'ASIAASSUMED', sessionToken: 'token' });
    const [sent] = bodies;
    expect(sent).toContain('Action=AssumeRole');
    expect(sent).toContain(`RoleArn=${encodeURIComponent('arn:aws:iam::111122223333:role/Audit')}`);
    expect(sent).toContain('ExternalId=ext-123');
    expect(sent).toContain(`RoleSessionName=${DEFAULT_SESSION_NAME}`);
    expect(sent).toContain('Credential=AKIAPROFILE/');
  });
});
