import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../../demo/index.js';
import { runChecks } from '../../engine/run.js';
import { s3Checks } from './index.js';

/** The demo account shows every S3 check passing somewhere and failing somewhere else. */
describe('S3 checks on the demo account', () => {
  const { findings } = runChecks(demoInventory(), s3Checks, { now: DEMO_NOW });
  const of = (checkId: string) => findings.filter((f) => f.checkId === checkId);
  const find = (checkId: string, resource: string, detail?: string) =>
    of(checkId).find((f) => f.resourceId.endsWith(resource) && (detail === undefined || f.detail === detail));

  it.each(s3Checks.filter((c) => c.id !== 's3.presigned-url').map((c) => c.id))('%s has a pass and a fail', (id) => {
    const statuses = of(id).map((f) => f.status);
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');
  });

  it('s3.presigned-url is manual for every bucket, and quotes the policy that caps signature age', () => {
    const all = of('s3.presigned-url');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((f) => f.status === 'manual')).toBe(true);
    expect(find('s3.presigned-url', ':::northwind-eu-uploads')?.message).toMatch(/constrains them: .*s3:signatureAge 600000/);
    expect(find('s3.presigned-url', ':::northwind-app-data')?.message).toMatch(/sets no limit/);
  });

  it('fails the public marketing site on policy, ACL and Block Public Access, and says BlockPublicPolicy did not undo the policy', () => {
    const policy = find('s3.access-control', ':::northwind-marketing-site', 'public');
    expect(policy?.status).toBe('fail');
    expect(policy?.severity).toBe('critical');
    expect(policy?.message).toMatch(/BlockPublicPolicy is on, but it only refuses new public policies/);
    expect(find('s3.acl', ':::northwind-marketing-site')?.status).toBe('fail');
    expect(find('s3.block-public-access', ':::northwind-marketing-site')?.status).toBe('fail');
  });

  it('passes the www bucket behind CloudFront, and the partner bucket only fails for its partner account', () => {
    expect(find('s3.access-control', ':::northwind-www', 'public')?.status).toBe('pass');
    expect(find('s3.cloudfront-oai', 'distribution/E1NWWWW2EXAMPLE')?.status).toBe('pass');
    expect(find('s3.access-control', ':::northwind-partner-exchange', 'account:777788889999')?.status).toBe('fail');
    expect(find('s3.access-control', ':::northwind-eu-alb-logs', 'account:156460612806')?.status).toBe('pass');
    // Its AuthenticatedUsers grant is neutralised by IgnorePublicAcls: reported, at low severity.
    expect(find('s3.acl', ':::northwind-partner-exchange')).toMatchObject({ status: 'fail', severity: 'low' });
  });

  it('treats log buckets and critical buckets by the stricter rule', () => {
    expect(find('s3.mfa-delete', ':::northwind-access-logs')?.message).toMatch(/receives .*server access logs of bucket northwind-app-data.*lifecycle configuration rules MFA Delete out/);
    expect(find('s3.mfa-delete', ':::northwind-app-data')?.message).toMatch(/tagged data-classification=critical/);
    expect(find('s3.mfa-delete', ':::northwind-eu-alb-logs')?.status).toBe('pass');
    expect(find('s3.mfa-delete', ':::northwind-marketing-site')).toMatchObject({ status: 'fail', severity: 'low' });
  });
});
