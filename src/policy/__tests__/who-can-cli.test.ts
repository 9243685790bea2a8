/** `rampart who-can` on the bundled demo account (the command's logic, without the CLI entry). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWhoCan, type WhoCanCommandOptions } from '../../cli/commands/who-can.js';

const base: WhoCanCommandOptions = { demo: true, format: 'json', mfaAge: '0', missingKeys: 'unknown' };

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, cb?: (e?: Error) => void) => {
    out += chunk;
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  const code = await fn();
  return { code, out };
}

afterEach(() => vi.restoreAllMocks());

describe('rampart who-can ACTION [RESOURCE] [--without-mfa]', () => {
  it('prints JSON with the principals, MFA answers and policies', async () => {
    const { code, out } = await capture(() => runWhoCan('iam:CreateAccessKey', undefined, base));
    expect(code).toBe(0);
    const body = JSON.parse(out) as { action: string; accounts: { principals: { principal: string; via: unknown[] }[] }[] };
    expect(body.action).toBe('iam:CreateAccessKey');
    expect(body.accounts[0]?.principals.length).toBeGreaterThan(0);
    expect(body.accounts[0]?.principals[0]?.via.length).toBeGreaterThan(0);
  });
  it('--without-mfa keeps only principals allowed (or undecided) without MFA', async () => {
    const { out } = await capture(() => runWhoCan('iam:CreateAccessKey', undefined, { ...base, withoutMfa: true }));
    const body = JSON.parse(out) as { mfa: unknown; accounts: { principals: { allowedWithoutMfa: unknown }[] }[] };
    expect(body.mfa).toBe(false);
    for (const p of body.accounts[0]?.principals ?? []) expect(p.allowedWithoutMfa).not.toBe(false);
  });
  it('text output names each principal', async () => {
    const { out } = await capture(() => runWhoCan('s3:GetObject', 'arn:aws:s3:::any/key', { ...base, format: 'text' }));
    expect(out).toContain('Who can s3:GetObject on arn:aws:s3:::any/key');
    expect(out).toMatch(/with MFA: \w+ {3}without MFA: \w+/);
  });
  it('sts:AssumeRole on a role: its trust policy counts (RampartAudit trusts alice, with MFA), not only the callers\' own policies', async () => {
    const role = 'arn:aws:iam::210987654321:role/RampartAudit';
    const { out } = await capture(() => runWhoCan('sts:AssumeRole', role, base));
    const body = JSON.parse(out) as { evaluated?: string; accounts: { principals: { name: string; allowedWithMfa: unknown; allowedWithoutMfa: unknown; via: { policy: string }[] }[] }[] };
    expect(body.evaluated).toBe('trust policy and identity-based policies');
    // Administrators such as dave may call sts:AssumeRole on anything, yet the trust policy names only alice.
    expect(body.accounts[0]?.principals.map((p) => [p.name, p.allowedWithMfa, p.allowedWithoutMfa])).toEqual([['alice', true, false]]);
    expect(body.accounts[0]?.principals[0]?.via.map((v) => v.policy)).toContain('trust policy of RampartAudit');
    const text = await capture(() => runWhoCan('sts:AssumeRole', role, { ...base, format: 'text' }));
    expect(text.out).toContain("the role's trust policy and each caller's own policies must both allow");
  });
  it('a malformed action or --context is a usage error', async () => {
    await expect(runWhoCan('CreateAccessKey', undefined, base)).rejects.toThrow('not an IAM action');
    await expect(runWhoCan('s3:GetObject', undefined, { ...base, context: ['novalue'] })).rejects.toThrow('key=value');
    await expect(runWhoCan('sts:AssumeRole', 'arn:aws:s3:::bucket', base)).rejects.toThrow('takes a role ARN');
  });
});
