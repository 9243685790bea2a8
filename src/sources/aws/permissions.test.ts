import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import type { CommandClass } from './collector.js';
import { COLLECTORS, DISCOVERY_COMMANDS } from './collectors/index.js';
import { mockAll } from './__tests__/mock-aws.js';
import { RICH_ANSWER } from './__tests__/rich-account.js';
import { collectLive, iamPolicy, requiredActions, servicesForChecks } from './index.js';

const mocks = mockAll();
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

/** Every declared command, with its action, across the collectors and discovery. */
const declared = new Map<CommandClass, string>([...DISCOVERY_COMMANDS, ...COLLECTORS.flatMap((c) => [...c.commands])]);

describe('rampart permissions', () => {
  it('covers every command a whole scan sends, and every declared command is really sent', async () => {
    mocks.reset();
    for (const s of mocks.stubs) s.onAnyCommand().resolves(RICH_ANSWER);
    const crashed: string[] = [];
    await collectLive({
      credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'x' }),
      env: {},
      tuning: { reportPollMs: 0 },
      // A command missing from its collector's table makes the collector throw before sending it.
      onProgress: (e) => {
        if (e.type === 'unit-end' && e.crashed) crashed.push(`${e.unit.service}: ${e.crashed}`);
      },
    });
    expect(crashed).toEqual([]);
    const sent = new Set(mocks.stubs.flatMap((s) => s.calls().map((c) => (c.args[0] as object).constructor as CommandClass)));
    const policy = new Set(requiredActions());
    const undeclared = [...sent].filter((cmd) => !declared.has(cmd)).map((cmd) => cmd.name);
    expect(undeclared).toEqual([]);
    const missing = [...sent].map((cmd) => declared.get(cmd)!).filter((a) => !policy.has(a));
    expect(missing).toEqual([]);
    const neverSent = [...declared.keys()].filter((cmd) => !sent.has(cmd)).map((cmd) => cmd.name);
    expect(neverSent).toEqual([]);
  });

  it('asks only for read actions', () => {
    for (const a of requiredActions()) expect(a).toMatch(/^[a-z0-9-]+:(Get|List|Describe|Generate|BatchGet)[A-Za-z0-9]*$/);
  });

  it('narrows to the services the selected checks read, plus their own declarations and discovery', () => {
    const check = ALL_CHECKS.find((c) => c.id === 'account.alternate-contacts');
    expect(check).toBeDefined();
    expect(servicesForChecks([check!])).toEqual(['account']);
    expect(requiredActions(['account.alternate-contacts'])).toEqual(['account:GetAlternateContact', 'ec2:DescribeRegions', 'sts:GetCallerIdentity']);
    const all = requiredActions();
    expect(all).toContain('s3:GetBucketPolicy');
    expect(requiredActions(['account.alternate-contacts'])).not.toContain('s3:GetBucketPolicy');
  });

  it("grants what AWS requires besides a call's own action (ListResourcesForWebACL per protected resource type)", () => {
    const dependent = ['cognito-idp:ListResourcesForWebACL', 'apprunner:ListAssociatedServicesForWebAcl', 'ec2:DescribeVerifiedAccessInstanceWebAclAssociations'];
    expect(requiredActions()).toEqual(expect.arrayContaining(dependent));
    expect(requiredActions(['waf.attached'])).toEqual(expect.arrayContaining(['wafv2:ListResourcesForWebACL', ...dependent]));
    expect(requiredActions(['account.alternate-contacts'])).not.toContain('cognito-idp:ListResourcesForWebACL');
  });

  it('maps regional needs to their service', () => {
    const fake = { ...ALL_CHECKS[0]!, needs: ['regions.*.ec2.securityGroups', 'regions.*.networkFirewall.firewalls', 'wafGlobal.webAcls', 'host.files'] };
    expect(servicesForChecks([fake])).toEqual(['wafv2', 'ec2', 'network-firewall']);
  });

  it('writes an identity policy with the actions sorted and no wildcard', () => {
    const doc = iamPolicy(requiredActions());
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement).toHaveLength(1);
    const actions = doc.Statement[0]!.Action as string[];
    expect(actions).toEqual([...actions].sort());
    expect(actions.some((a) => a.includes('*'))).toBe(false);
  });
});
