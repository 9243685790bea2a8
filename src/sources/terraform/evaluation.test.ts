import { describe, expect, it } from 'vitest';
import { fixture, inventoryOf, list, load } from '../iac/testing.js';

const dir = fixture('terraform', 'evaluation');

describe('Terraform evaluation', () => {
  it('takes variables from defaults, terraform.tfvars, --var-file and --var, in that order', () => {
    const byTfvars = load([dir]);
    expect(list(inventoryOf(byTfvars).s3.buckets).map((b) => b.name)).toContain('northwind-staging-fallback');
    const byFile = load([dir], { varFiles: [`${dir}/prod.tfvars`] });
    expect(list(inventoryOf(byFile).s3.buckets).map((b) => b.name)).toContain('northwind-prod-fallback');
    const byVar = load([dir], { varFiles: [`${dir}/prod.tfvars`], vars: [['env', 'qa'], ['replicas', '2']] });
    expect(list(inventoryOf(byVar).s3.buckets).map((b) => b.name).sort()).toEqual([
      'northwind-qa-a',
      'northwind-qa-data',
      'northwind-qa-fallback',
      'northwind-qa-r0',
      'northwind-qa-r1',
      'northwind-qa-web',
    ]);
  });

  it('expands for_each over a map and count over a list length, with locals, merge and lookup', () => {
    const inv = inventoryOf(load([dir]));
    const buckets = list(inv.s3.buckets);
    const data = buckets.find((b) => b.name === 'northwind-staging-data')!;
    expect(data.tags).toEqual({ state: 'ok', value: { env: 'staging', owner: 'analytics', team: 'analytics' } });
    expect(data.region).toBe('us-east-1');
    // provider = aws.dr puts the replicas in that provider's region.
    expect(buckets.filter((b) => b.region === 'eu-central-1').map((b) => b.name)).toEqual(['northwind-staging-a', 'northwind-staging-r0']);
    expect(Object.keys(inv.regions).sort()).toEqual(['eu-central-1', 'us-east-1']);
  });

  it('does not read remote modules, says so, and treats their outputs as unknown', () => {
    const l = load([dir]);
    expect(l.notes).toEqual([expect.stringContaining('module "remote" (test/fixtures/iac/terraform/evaluation/main.tf:58) comes from terraform-aws-modules/s3-bucket/aws')]);
    expect(l.errors).toEqual([]);
    // The policy names a bucket known only after apply: it attaches to no bucket of ours.
    expect(list(inventoryOf(l).s3.buckets).every((b) => b.policy.state === 'absent')).toBe(true);
  });

  it('evaluates a child module once per call, and does not scan a called module as a root', () => {
    const l = load([fixture('terraform', 'modules')]);
    expect(l.errors).toEqual([]);
    expect(list(inventoryOf(l).s3.buckets).map((b) => b.name)).toEqual(['northwind-reports', 'northwind-scratch']);
  });
});
