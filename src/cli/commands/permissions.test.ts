import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerPermissions } from './permissions.js';

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, cb?: (e?: Error) => void) => {
    out.push(String(chunk));
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  try {
    const program = new Command('rampart').exitOverride();
    registerPermissions(program);
    await program.parseAsync(['node', 'rampart', 'permissions', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('rampart permissions', () => {
  it('prints an IAM policy document with every read action the collectors need', async () => {
    const doc = JSON.parse(await run()) as { Version: string; Statement: Array<{ Effect: string; Action: string[]; Resource: string }> };
    expect(doc.Version).toBe('2012-10-17');
    const [st] = doc.Statement;
    expect(st?.Effect).toBe('Allow');
    expect(st?.Resource).toBe('*');
    expect(st?.Action).toEqual(expect.arrayContaining(['iam:GetAccountAuthorizationDetails', 's3:GetBucketPolicy', 'ec2:DescribeSecurityGroups', 'sts:GetCallerIdentity']));
  });

  it('narrows to the selected checks, one action a line in text', async () => {
    const text = await run('--checks', 'account.alternate-contacts', '--format', 'text');
    expect(text.trim().split('\n')).toEqual(['account:GetAlternateContact', 'ec2:DescribeRegions', 'sts:GetCallerIdentity']);
  });

  it('refuses a check pattern that selects nothing', async () => {
    await expect(run('--checks', 'no.such.check')).rejects.toThrow(/no check matches/);
  });
});
