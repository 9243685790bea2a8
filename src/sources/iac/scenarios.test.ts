import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/finding.js';
import { mergeScenarios } from './scenarios.js';
import { fixture, inventoryOf, list, load, region } from './testing.js';

const finding = (over: Partial<Finding>): Finding => ({
  id: 'id-1',
  checkId: 'x.check',
  title: 't',
  guideIds: [],
  section: 'S',
  status: 'pass',
  severity: 'high',
  resourceId: 'arn:aws:s3:::b',
  resourceType: 'AWS::S3::Bucket',
  account: '000000000000',
  region: 'us-east-1',
  message: 'ok',
  remediation: { text: 'r' },
  ...over,
});

describe('merging the scenarios of a template', () => {
  it('reports a verdict every scenario shares once, with the conditions they all hold', () => {
    const merged = mergeScenarios([[finding({ condition: 'IsProd && HasLogs' })], [finding({ condition: 'IsProd && !HasLogs' })]]);
    expect(merged).toEqual([finding({ condition: 'IsProd' })]);
    expect(mergeScenarios([[finding({ condition: 'A' })], [finding({ condition: '!A' })]])).toEqual([finding({})]);
  });

  it('reports differing verdicts once each, with their condition and an id of their own', () => {
    const merged = mergeScenarios([[finding({ condition: 'A' })], [finding({ condition: '!A', status: 'fail', message: 'bad' })]]);
    expect(merged.map((f) => [f.status, f.condition])).toEqual([['pass', 'A'], ['fail', '!A']]);
    expect(new Set(merged.map((f) => f.id)).size).toBe(2);
    expect(merged.every((f) => f.id !== 'id-1')).toBe(true);
  });

  it('names a finding on a non-template resource by the conditions of its scenarios', () => {
    const merged = mergeScenarios(
      [[finding({ message: 'two trails' })], [finding({ message: 'one trail' })]],
      [['IsProd', 'HasLogs'], ['!IsProd', 'HasLogs']],
    );
    expect(merged.map((f) => [f.message, f.condition])).toEqual([['two trails', 'IsProd'], ['one trail', '!IsProd']]);
  });
});

describe('several templates or root modules in one scan', () => {
  it('keeps generated ids apart: each rule resource joins the group of its own template', () => {
    const r = region(inventoryOf(load([fixture('cloudformation', 'stacks')])));
    expect(list(r.ec2.securityGroups).map((g) => [g.id, g.ingress.map((x) => x.source.value)])).toEqual([
      ['dev-WebSg', ['10.0.0.0/8']],
      ['prod-WebSg', ['0.0.0.0/0']],
    ]);
  });

  it('keeps Terraform addresses of different roots apart', () => {
    const r = region(inventoryOf(load([fixture('terraform', 'kinds', 'security-group'), fixture('terraform', 'kinds', 'rds')])));
    const db = list(r.ec2.securityGroups).filter((g) => g.name === 'db');
    expect(db.map((g) => [g.id, g.ingress.length])).toEqual([
      ['rds/aws_security_group.db', 0],
      ['security-group/aws_security_group.db', 2],
    ]);
    expect(list(r.rds.instances).find((d) => d.id === 'orders')!.securityGroupIds).toEqual(['rds/aws_security_group.db']);
  });
});
