import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../index.js';
import { runChecks } from '../../engine/run.js';
import { accountChecks } from '../../checks/account/index.js';
import { cloudtrailChecks } from '../../checks/cloudtrail/index.js';
import { cloudwatchChecks } from '../../checks/cloudwatch/index.js';
import { route53Checks } from '../../checks/route53/index.js';

/**
 * Checks with no pass and fail to show: those that only ask for a manual verification, and the
 * root user's, which give one verdict for the whole account.
 */
const SINGLE_VERDICT = new Set(['account.security-questions', 'account.iam-billing-access', 'account.root-access-keys', 'account.root-mfa', 'account.root-hardware-mfa']);
const checks = [...accountChecks, ...cloudtrailChecks, ...cloudwatchChecks, ...route53Checks];

describe('demo account: Account, CloudTrail, CloudWatch and Route 53', () => {
  const { findings, runs } = runChecks(demoInventory(), checks, { now: DEMO_NOW });

  it('runs every check without error', () => {
    expect(runs.filter((r) => r.error)).toEqual([]);
  });

  it.each(checks.filter((c) => !SINGLE_VERDICT.has(c.id)).map((c) => [c.id]))('%s shows both a pass and a fail', (id) => {
    const statuses = new Set(findings.filter((f) => f.checkId === id).map((f) => f.status));
    expect([...statuses]).toContain('pass');
    expect([...statuses]).toContain('fail');
  });

  it('tells the two trails apart: the shadow copy of the main trail is counted once', () => {
    const logging = findings.filter((f) => f.checkId === 'cloudtrail.enabled' && f.detail === undefined);
    expect(logging.map((f) => [f.resourceId.split('/').pop(), f.status]).sort()).toEqual([
      ['eu-app-audit', 'fail'],
      ['northwind-main', 'pass'],
    ]);
  });

  it('names the principals that can switch CloudTrail off', () => {
    const failing = findings.filter((f) => f.checkId === 'cloudtrail.api-protected' && f.status === 'fail').map((f) => f.resourceId.split(':').pop());
    expect(failing.sort()).toEqual(['role/OrganizationAccountAccessRole', 'role/ops-automation', 'role/terraform-deploy', 'user/dave']);
  });
});
