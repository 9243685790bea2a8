import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, attrsIn, awsError, collect, mockAll } from '../__tests__/mock-aws.js';
import { COLLECTORS } from './index.js';

const mocks = mockAll();
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

/** What an account with nothing in it answers (a few APIs answer more than {} even then). */
function emptyAccount() {
  mocks.reset();
  mocks.get(IAMClient).on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  mocks
    .get(IAMClient)
    .on(GetCredentialReportCommand)
    .resolves({ Content: new TextEncoder().encode('user,arn,password_enabled,mfa_active,access_key_1_active,access_key_2_active\n') });
  mocks
    .get(Inspector2Client)
    .on(BatchGetAccountStatusCommand)
    .resolves({ accounts: [{ accountId: ACCOUNT, state: { status: 'DISABLED', errorCode: undefined, errorMessage: undefined }, resourceState: undefined }] });
}

/** Every answer fails with `err`. */
function everythingFails(err: Error) {
  mocks.reset();
  for (const s of mocks.stubs) s.onAnyCommand().rejects(err);
}

describe.each(COLLECTORS.map((c) => [`${c.service} (${c.scope})`, c] as const))('collector %s', (_name, collector) => {
  const declared = new Set(collector.commands.values());
  beforeEach(() => mocks.reset());

  it('fills every part it owns, with nothing in an empty account, and fails no call', async () => {
    emptyAccount();
    const { part, calls } = await collect(collector);
    expect(Object.keys(part).sort()).toEqual([...collector.fills].sort());
    const attrs = attrsIn(part);
    expect(attrs.length).toBeGreaterThan(0);
    expect(attrs.filter((a) => a.attr.state === 'error')).toEqual([]);
    for (const a of attrs) if (a.attr.state === 'ok' && Array.isArray(a.attr.value)) expect(a.attr.value).toEqual([]);
    expect(calls.every((c) => c.errors === 0 && declared.has(c.call))).toBe(true);
  });

  it.each([
    ['AccessDenied', awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/audit is not authorized', 403)],
    ['an opt-in region that is not enabled', awsError('UnrecognizedClientException', 'The security token included in the request is invalid', 400)],
    ['an endpoint that does not exist', Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' })],
  ])('turns %s into failed attributes naming the call, and completes', async (_what, err) => {
    everythingFails(err);
    const { part, calls } = await collect(collector);
    const attrs = attrsIn(part);
    expect(attrs.length).toBeGreaterThan(0);
    for (const { attr } of attrs) {
      expect(attr.state).toBe('error');
      if (attr.state === 'error') {
        expect(declared.has(attr.call)).toBe(true);
        expect(attr.error).toContain((err as { code?: string }).code ?? err.name);
      }
    }
    expect(calls.reduce((n, c) => n + c.errors, 0)).toBeGreaterThan(0);
  });

  it('retries a throttled call and then reads it', async () => {
    // Each request is throttled once, then answered (our retry sends the same command again).
    const seen = new WeakSet<object>();
    const throttleOnce = (input: object) => {
      if (seen.has(input)) return false;
      seen.add(input);
      return true;
    };
    const throttling = awsError('ThrottlingException', 'Rate exceeded', 400);
    const { part, calls } = await collectThrottled(collector, throttleOnce, throttling);
    expect(attrsIn(part).filter((a) => a.attr.state === 'error')).toEqual([]);
    expect(calls.reduce((n, c) => n + c.throttles, 0)).toBeGreaterThan(0);
    expect(calls.reduce((n, c) => n + c.errors, 0)).toBe(0);
  });
});

/** Runs the collector with every first request throttled, the retry answered as an empty account. */
async function collectThrottled(collector: (typeof COLLECTORS)[number], first: (input: object) => boolean, err: Error) {
  const complete = { State: 'COMPLETE' };
  const report = { Content: new TextEncoder().encode('user,arn,password_enabled,mfa_active,access_key_1_active,access_key_2_active\n') };
  const inspector = { accounts: [{ accountId: ACCOUNT, state: { status: 'DISABLED' } }] };
  mocks.reset();
  for (const s of mocks.stubs) {
    s.onAnyCommand().callsFake((input: object) => {
      if (first(input)) throw err;
      return {};
    });
  }
  mocks.get(IAMClient).on(GenerateCredentialReportCommand).callsFake((input: object) => (first(input) ? Promise.reject(err) : complete));
  mocks.get(IAMClient).on(GetCredentialReportCommand).callsFake((input: object) => (first(input) ? Promise.reject(err) : report));
  mocks.get(Inspector2Client).on(BatchGetAccountStatusCommand).callsFake((input: object) => (first(input) ? Promise.reject(err) : inspector));
  return collect(collector);
}
