import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../../demo/index.js';
import { runChecks } from '../../engine/run.js';
import { cloudfrontChecks } from './index.js';

/** The demo's product site is done by the book; its 2017 marketing site is not. */
describe('CloudFront checks on the demo account', () => {
  const { findings } = runChecks(demoInventory(), cloudfrontChecks, { now: DEMO_NOW });
  const of = (checkId: string) => findings.filter((f) => f.checkId === checkId);

  it.each(cloudfrontChecks.map((c) => c.id))('%s has a pass and a fail', (id) => {
    const statuses = of(id).map((f) => f.status);
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');
  });

  it('passes the www distribution throughout and fails the marketing one', () => {
    const www = findings.filter((f) => f.resourceId.endsWith('distribution/E1NWWWW2EXAMPLE'));
    const marketing = findings.filter((f) => f.resourceId.endsWith('distribution/E2NWMKT7EXAMPLE'));
    expect(www.length).toBeGreaterThan(0);
    expect(www.every((f) => f.status === 'pass')).toBe(true);
    expect(marketing.length).toBeGreaterThan(0);
    expect(marketing.every((f) => f.status === 'fail')).toBe(true);
  });

  it('reports findings of the global service in region "global"', () => {
    expect(findings.every((f) => f.region === 'global')).toBe(true);
  });
});
