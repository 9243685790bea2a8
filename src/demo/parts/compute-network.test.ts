import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../index.js';
import { runChecks } from '../../engine/run.js';
import type { Finding } from '../../engine/finding.js';
import type { AnyCheck } from '../../checks/types.js';
import { ec2Checks } from '../../checks/ec2/index.js';
import { vpcChecks } from '../../checks/vpc/index.js';
import { rdsChecks } from '../../checks/rds/index.js';
import { elbChecks } from '../../checks/elb/index.js';
import { inspectorChecks } from '../../checks/inspector/index.js';

const A = '210987654321';
const sg = (region: string, id: string) => `arn:aws:ec2:${region}:${A}:security-group/${id}`;

/**
 * For each check: one resource of the demo that must pass and one that must fail, so the demo keeps
 * showing both sides of every check (rds.app-encryption is manual by nature: two manual findings).
 */
const EXPECTED: Record<string, { pass: string; fail: string; failStatus?: 'fail' | 'manual' }> = {
  'ec2.sg-unused': { pass: sg('us-east-1', 'sg-0c3f5b7d9e1a2c403'), fail: sg('us-east-1', 'sg-03c9f1b3d5e7a8c09') },
  'ec2.sg-documented': { pass: sg('eu-west-1', 'sg-09c5f7b9d1e3a4c15'), fail: sg('us-east-1', 'sg-0d4a6c8e0f2b3d404') },
  'ec2.sg-minimal-ports': { pass: sg('us-east-1', 'sg-0c3f5b7d9e1a2c403'), fail: sg('us-east-1', 'sg-01a7d9f1b3c5e6a07') },
  'ec2.sg-public-restricted': { pass: sg('us-east-1', 'sg-04d0a2c4e6f8b9d10'), fail: sg('us-east-1', 'sg-0d4a6c8e0f2b3d404') },
  'ec2.ami-public': { pass: 'arn:aws:ec2:us-east-1::image/ami-0f3c9a7e5d1b2c4e6', fail: 'arn:aws:ec2:us-east-1::image/ami-0c7e5a3b1d9f2e4a8' },
  'ec2.ami-provenance': { pass: `arn:aws:ec2:us-east-1:${A}:instance/i-0b5f1d9e3a7c26414`, fail: `arn:aws:ec2:us-east-1:${A}:instance/i-04c8e2a6b0d97f313` },
  'rds.access-restricted': { pass: `arn:aws:rds:eu-west-1:${A}:db:northwind-eu`, fail: `arn:aws:rds:us-east-1:${A}:db:analytics-mysql` },
  'rds.storage-encrypted': { pass: `arn:aws:rds:us-east-1:${A}:cluster:northwind-prod`, fail: `arn:aws:rds:us-east-1:${A}:snapshot:analytics-mysql-export-2026-09` },
  'rds.app-encryption': { pass: `arn:aws:rds:us-east-1:${A}:cluster:northwind-prod`, fail: `arn:aws:rds:us-east-1:${A}:db:analytics-mysql`, failStatus: 'manual' },
  'elb.https-listener': {
    pass: `arn:aws:elasticloadbalancing:us-east-1:${A}:listener/app/northwind-web/3c1f8e2a9b7d4e05/5a8c1e4b7d2f9a06`,
    fail: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/northwind-legacy-api`,
  },
  'elb.tls-policy': {
    pass: `arn:aws:elasticloadbalancing:us-east-1:${A}:listener/app/northwind-web/3c1f8e2a9b7d4e05/9e4b2c7a1d5f8e03`,
    fail: `arn:aws:elasticloadbalancing:eu-west-1:${A}:listener/net/northwind-mqtt-eu/7a2d9c4e1b6f3a08/1c6e9b3d7a2f5e04`,
  },
  'elb.sg-matches': { pass: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/northwind-legacy-api`, fail: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/northwind-web/3c1f8e2a9b7d4e05` },
  'vpc.firewall': { pass: `arn:aws:ec2:us-east-1:${A}:vpc/vpc-0a3f5c9e1b7d24601`, fail: `arn:aws:ec2:eu-west-1:${A}:vpc/vpc-06b2e8d4f1a97c503` },
  'vpc.ids': { pass: `arn:aws:iam::${A}:root|us-east-1`, fail: `arn:aws:iam::${A}:root|eu-west-1` },
  'vpc.cloudtrail': { pass: `arn:aws:ec2:us-east-1:${A}:vpc/vpc-0a3f5c9e1b7d24601`, fail: `arn:aws:ec2:eu-west-1:${A}:vpc/vpc-06b2e8d4f1a97c503` },
  'vpc.vpn': { pass: `arn:aws:ec2:us-east-1:${A}:vpn-connection/vpn-0a9b8c7d6e5f40301`, fail: `arn:aws:ec2:eu-west-1:${A}:vpn-connection/vpn-0b8c7d6e5f4a30302` },
  'vpc.isolation': { pass: `arn:aws:ec2:eu-west-1:${A}:vpc/vpc-0e7a19c3b5d42f604`, fail: `arn:aws:ec2:us-east-1:${A}:vpc/vpc-0c41d7e9a25b38f02` },
  'inspector.enabled': { pass: `arn:aws:iam::${A}:root|us-east-1`, fail: `arn:aws:iam::${A}:root|eu-west-1` },
};

const CHECKS: AnyCheck[] = [...ec2Checks, ...vpcChecks, ...rdsChecks, ...elbChecks, ...inspectorChecks];
const inventory = demoInventory();

function run(check: AnyCheck): Finding[] {
  return runChecks(inventory, [check], { now: DEMO_NOW }).findings;
}

/** A finding matches "arn" or "arn|region" (account-wide findings share the account ARN across regions). */
const matches = (f: Finding, key: string) => {
  const [id, region] = key.split('|');
  return f.resourceId === id && (region === undefined || f.region === region);
};

describe('demo account: compute and network', () => {
  it('covers every EC2, VPC, RDS, ELB and Inspector check', () => {
    expect(CHECKS.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const check of CHECKS) {
    it(`${check.id} shows a pass and a fail on the demo account`, () => {
      const findings = run(check);
      const want = EXPECTED[check.id]!;
      const failStatus = want.failStatus ?? 'fail';
      const passStatus = failStatus === 'manual' ? 'manual' : 'pass';
      expect(findings.filter((f) => matches(f, want.pass)).map((f) => f.status)).toContain(passStatus);
      expect(findings.filter((f) => matches(f, want.fail)).map((f) => f.status)).toContain(failStatus);
      // Stable ids must not collide: two verdicts on one resource need different details.
      expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
      // No message may keep an unfilled {{placeholder}}.
      for (const f of findings) expect(f.message).not.toMatch(/<\w+\?>/);
    });
  }

  it('flags the open SSH bastion as critical and the forgotten Jenkins image as unverifiable', () => {
    const ssh = run(CHECKS.find((c) => c.id === 'ec2.sg-public-restricted')!).find((f) => f.resourceId === sg('us-east-1', 'sg-0d4a6c8e0f2b3d404'));
    expect(ssh?.severity).toBe('critical');
    const jenkins = run(CHECKS.find((c) => c.id === 'ec2.ami-provenance')!).find((f) => f.resourceId.endsWith('i-07e3a1c5f9b2d8415'));
    expect(jenkins?.status).toBe('unknown');
  });
});
