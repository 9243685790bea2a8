import { Readable } from 'node:stream';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { ClientPool } from './clients.js';
import { commandTable } from './collector.js';
import { CollectContext, DEFAULT_TUNING, type Shared } from './context.js';
import { Limiter } from './limits.js';
import { CallRecorder } from './recorder.js';

const CREDS = async () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret' });
const IDENTITY_XML =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/audit</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
const THROTTLE_XML =
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r0</RequestId></ErrorResponse>';
const DENIED_XML =
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error><RequestId>r2</RequestId></ErrorResponse>';

/** A request handler answering from a script: the real SDK stack (retry, parsing) runs over it. */
function scripted(answers: Array<[number, string]>) {
  let i = 0;
  const seen: string[] = [];
  return {
    seen,
    handler: {
      async handle(req: { hostname: string }) {
        seen.push(req.hostname);
        const [statusCode, body] = answers[Math.min(i++, answers.length - 1)]!;
        return { response: { statusCode, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

function context(pool: ClientPool, recorder = new CallRecorder(), tuning = { ...DEFAULT_TUNING, throttleBackoffMs: 0 }) {
  const shared: Shared = { pool, limiter: new Limiter(), tuning, memo: new Map() };
  const ctx = new CollectContext(
    { account: '123456789012', partition: 'aws', region: 'global', service: 'sts' },
    commandTable([[GetCallerIdentityCommand, 'sts:GetCallerIdentity']]),
    recorder,
    shared,
  );
  return { ctx, recorder };
}

describe('CollectContext.send through the real SDK stack', () => {
  it('lets adaptive retry absorb a throttle, and counts it once, on the call and its region', async () => {
    const { handler } = scripted([
      [400, THROTTLE_XML],
      [200, IDENTITY_XML],
    ]);
    const clients: string[] = [];
    const pool = new ClientPool({ credentials: CREDS, env: {}, clientConfig: { requestHandler: handler }, onClient: (_c, info) => clients.push(`${info.clientName}@${info.region}`) });
    const { ctx, recorder } = context(pool);
    const o = await ctx.send(ctx.client(STSClient), new GetCallerIdentityCommand({}));
    expect(o).toMatchObject({ ok: true, value: { Account: '123456789012' } });
    expect(recorder.snapshot()).toEqual([{ call: 'sts:GetCallerIdentity', region: 'global', count: 1, errors: 0, throttles: 1 }]);
    // One client per class and region, reused.
    ctx.client(STSClient);
    expect(clients).toEqual(['STSClient@us-east-1']);
    pool.destroy();
  });

  it('returns a denied call as an outcome naming the call and the error, without throwing', async () => {
    const { handler } = scripted([[403, DENIED_XML]]);
    const pool = new ClientPool({ credentials: CREDS, env: {}, clientConfig: { requestHandler: handler } });
    const { ctx, recorder } = context(pool);
    const o = await ctx.send(ctx.client(STSClient), new GetCallerIdentityCommand({}));
    expect(o).toEqual({ ok: false, call: 'sts:GetCallerIdentity', code: 'AccessDenied', error: 'AccessDenied: not allowed' });
    expect(recorder.snapshot()[0]).toMatchObject({ count: 1, errors: 1, lastError: 'AccessDenied: not allowed' });
    pool.destroy();
  });

  it('retries a throttle the SDK gave up on, a bounded number of times', async () => {
    const { handler, seen } = scripted([[400, THROTTLE_XML]]);
    const pool = new ClientPool({ credentials: CREDS, env: {}, clientConfig: { requestHandler: handler, maxAttempts: 1 } });
    const { ctx, recorder } = context(pool, new CallRecorder(), { ...DEFAULT_TUNING, throttleBackoffMs: 0, throttleRetries: 2 });
    const o = await ctx.send(ctx.client(STSClient), new GetCallerIdentityCommand({}));
    expect(o).toMatchObject({ ok: false, code: 'Throttling' });
    expect(seen).toHaveLength(3);
    expect(recorder.snapshot()[0]).toMatchObject({ count: 3, errors: 1, throttles: 3 });
    pool.destroy();
  });

  it('refuses a command its collector did not declare (the permissions policy would miss it)', async () => {
    const pool = new ClientPool({ credentials: CREDS, env: {} });
    const { ctx } = context(pool);
    const { ListBucketsCommand } = await import('@aws-sdk/client-s3');
    await expect(ctx.send(ctx.client(S3Client), new ListBucketsCommand({}))).rejects.toThrow(/not declared/);
    pool.destroy();
  });

  it('runs a memoised read once per run', async () => {
    const pool = new ClientPool({ credentials: CREDS, env: {} });
    const { ctx } = context(pool);
    let runs = 0;
    const read = () => ctx.memo('k', async () => ++runs);
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    pool.destroy();
  });
});

describe('ClientPool and emulators', () => {
  it('uses path-style S3 and a plain S3 Control endpoint when AWS_ENDPOINT_URL is set', async () => {
    const pool = new ClientPool({ credentials: CREDS, env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:5000' } });
    const s3 = pool.get(S3Client, 'eu-west-1');
    expect(s3.config.forcePathStyle).toBe(true);
    const control = pool.get(S3ControlClient, 'us-east-1');
    const endpoint = (control.config as unknown as { endpointProvider: () => { url: URL } }).endpointProvider();
    expect(endpoint.url.href).toBe('http://127.0.0.1:5000/');
    pool.destroy();
  });

  it('leaves virtual-hosted S3 alone against AWS', () => {
    const pool = new ClientPool({ credentials: CREDS, env: {} });
    expect(pool.get(S3Client, 'eu-west-1').config.forcePathStyle).toBeFalsy();
    pool.destroy();
  });

  it('honours the per-service override AWS_ENDPOINT_URL_S3 too', () => {
    const pool = new ClientPool({ credentials: CREDS, env: { AWS_ENDPOINT_URL_S3: 'http://localhost:4566' } });
    expect(pool.get(S3Client, 'eu-west-1').config.forcePathStyle).toBe(true);
    pool.destroy();
  });
});
