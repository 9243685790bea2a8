import { describe, expect, it } from 'vitest';
import { demoReport, finding, reportOf } from '../__tests__/demo-report.js';
import { renderOcsf } from './render.js';
import { OcsfComplianceFindingSchema } from './schema.js';

const parseAll = (s: string) => (JSON.parse(s) as unknown[]).map((e) => OcsfComplianceFindingSchema.parse(e));

describe('ocsf', () => {
  it('every demo finding is a valid OCSF 1.3.0 Compliance Finding', () => {
    const report = demoReport();
    const events = JSON.parse(renderOcsf(report)) as unknown[];
    expect(events).toHaveLength(report.findings.length);
    for (const e of events) {
      const r = OcsfComplianceFindingSchema.safeParse(e);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    }
  });

  it('the schema refuses what OCSF does not allow', () => {
    const [good] = JSON.parse(renderOcsf(reportOf([finding()]))) as Array<Record<string, unknown>>;
    expect(OcsfComplianceFindingSchema.safeParse(good).success).toBe(true);
    expect(OcsfComplianceFindingSchema.safeParse({ ...good, class_uid: 2001 }).success).toBe(false);
    expect(OcsfComplianceFindingSchema.safeParse({ ...good, severity: 'Low' }).success).toBe(false); // caption must match severity_id
    expect(OcsfComplianceFindingSchema.safeParse({ ...good, invented: 1 }).success).toBe(false);
    const { finding_info: _f, ...noInfo } = good as Record<string, unknown>;
    expect(OcsfComplianceFindingSchema.safeParse(noInfo).success).toBe(false);
  });

  it('maps verdicts to compliance status, and muted findings to Suppressed', () => {
    const events = parseAll(
      renderOcsf(
        reportOf([
          finding({ status: 'pass' }),
          finding({ status: 'fail', severity: 'critical' }),
          finding({ status: 'unknown' }),
          finding({ status: 'manual', severity: 'info' }),
          finding({ status: 'muted', muted: { reason: 'accepted', originalStatus: 'fail' } }),
        ]),
      ),
    );
    expect(events.map((e) => [e.compliance.status, e.status, e.severity_id])).toEqual([
      ['Pass', 'New', 4],
      ['Fail', 'New', 5],
      ['Warning', 'New', 4],
      ['Warning', 'New', 1],
      ['Fail', 'Suppressed', 4],
    ]);
    expect(events[4]?.comment).toBe('accepted');
    expect(events[2]?.compliance.status_detail).toMatch(/^unknown: /);
  });

  it('carries the resource, the account and the frameworks', () => {
    const [e] = parseAll(renderOcsf(reportOf([finding({ compliance: { cis: ['2.1.4'], fsbp: ['S3.8'] } })])));
    expect(e?.resources[0]).toMatchObject({ uid: 'arn:aws:s3:::northwind-assets', type: 'AWS::S3::Bucket', region: 'us-east-1', cloud_partition: 'aws' });
    expect(e?.cloud.account.uid).toBe('210987654321');
    expect(e?.compliance.standards).toEqual(['Securing AWS guide', 'CIS AWS Foundations Benchmark v3.0.0', 'AWS Foundational Security Best Practices v1.0.0']);
    expect(e?.compliance.requirements).toContain('CIS AWS Foundations Benchmark v3.0.0/2.1.4');
    expect(e?.time).toBe(Date.parse('2026-11-20T09:35:04.000Z'));
  });
});
