import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../../demo/index.js';
import { runChecks } from '../../engine/run.js';
import { wafChecks } from './index.js';

/** The demo's edge and web tier are protected; the EU API's load balancer and web ACL were never finished. */
describe('WAF checks on the demo account', () => {
  const { findings } = runChecks(demoInventory(), wafChecks, { now: DEMO_NOW });
  const of = (checkId: string) => findings.filter((f) => f.checkId === checkId);
  const find = (checkId: string, resource: string, detail?: string) =>
    of(checkId).find((f) => f.resourceId.includes(resource) && (detail === undefined || f.detail === detail));

  it.each(wafChecks.map((c) => c.id))('%s has a pass and a fail', (id) => {
    const statuses = of(id).map((f) => f.status);
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');
  });

  it('finds the web ALB protected and the EU API ALB not', () => {
    expect(find('waf.attached', 'loadbalancer/app/northwind-web/')?.status).toBe('pass');
    const eu = find('waf.attached', 'loadbalancer/app/northwind-api-eu/');
    expect(eu?.status).toBe('fail');
    expect(eu?.region).toBe('eu-west-1');
  });

  it('fails the empty EU web ACL and passes the edge ACL, which is global', () => {
    expect(find('waf.rules', 'webacl/northwind-api-eu/', 'rules')?.status).toBe('fail');
    const edge = find('waf.rules', 'webacl/northwind-edge/', 'rules');
    expect(edge?.status).toBe('pass');
    expect(edge?.region).toBe('global');
  });
});
