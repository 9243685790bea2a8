import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/finding.js';
import { applyMutelist } from './apply.js';
import { parseMutelist } from './load.js';

const base: Finding = {
  id: 'f1',
  checkId: 's3.access-control',
  title: 't',
  guideIds: ['s3.access-control'],
  section: 'S3',
  status: 'fail',
  severity: 'high',
  resourceId: 'arn:aws:s3:::site/assets',
  resourceType: 'AWS::S3::Bucket',
  account: '111122223333',
  region: 'eu-west-1',
  message: 'm',
  remediation: { text: 'r' },
};
const f = (over: Partial<Finding>): Finding => ({ ...base, ...over });
const list = (yaml: string) => parseMutelist(yaml, 'm.yaml');
const NOW = new Date('2026-06-01T12:00:00Z');

describe('applyMutelist', () => {
  it('mutes a matching finding, keeping its verdict and the reason', () => {
    const { findings } = applyMutelist([f({})], list('entries:\n  - check: s3.*\n    reason: public site\n    expires: 2026-12-31\n'), NOW);
    expect(findings[0]).toEqual({ ...base, status: 'muted', muted: { reason: 'public site', expires: '2026-12-31', originalStatus: 'fail' } });
  });

  it('matches resources with globs where * crosses "/" in ARNs', () => {
    const l = list('entries:\n  - check: "*"\n    resource: "arn:aws:s3:::site*"\n    reason: r\n');
    expect(applyMutelist([f({})], l, NOW).findings[0]?.status).toBe('muted');
    expect(applyMutelist([f({ resourceId: 'arn:aws:s3:::other' })], l, NOW).findings[0]?.status).toBe('fail');
  });

  it('needs every matcher to agree: account, region, check, resource', () => {
    const l = list('entries:\n  - check: s3.access-control\n    account: "1111*"\n    region: [us-east-1, eu-*]\n    reason: r\n');
    expect(applyMutelist([f({})], l, NOW).findings[0]?.status).toBe('muted');
    expect(applyMutelist([f({ account: '999999999999' })], l, NOW).findings[0]?.status).toBe('fail');
    expect(applyMutelist([f({ region: 'ap-south-1' })], l, NOW).findings[0]?.status).toBe('fail');
    expect(applyMutelist([f({ checkId: 's3.acl' })], l, NOW).findings[0]?.status).toBe('fail');
  });

  it('matches tags from the finding, or from evidence.tags, and never when tags are unknown', () => {
    const l = list('entries:\n  - check: "*"\n    tags: { env: "sand*", team: data }\n    reason: sandbox\n');
    expect(applyMutelist([f({ tags: { env: 'sandbox', team: 'data' } })], l, NOW).findings[0]?.status).toBe('muted');
    expect(applyMutelist([f({ evidence: { tags: { env: 'sandbox-2', team: 'data' } } })], l, NOW).findings[0]?.status).toBe('muted');
    expect(applyMutelist([f({ tags: { env: 'prod', team: 'data' } })], l, NOW).findings[0]?.status).toBe('fail');
    expect(applyMutelist([f({ tags: { env: 'sandbox' } })], l, NOW).findings[0]?.status).toBe('fail');
    expect(applyMutelist([f({})], l, NOW).findings[0]?.status).toBe('fail');
  });

  it('mutes unknown and manual findings too, but leaves passes alone', () => {
    const l = list('entries:\n  - check: "*"\n    reason: r\n');
    const out = applyMutelist([f({ status: 'unknown' }), f({ status: 'manual' }), f({ status: 'pass' })], l, NOW).findings;
    expect(out.map((x) => [x.status, x.muted?.originalStatus])).toEqual([
      ['muted', 'unknown'],
      ['muted', 'manual'],
      ['pass', undefined],
    ]);
  });

  it('an expired entry mutes nothing and is returned with where it is', () => {
    const l = list('entries:\n  - check: other\n    reason: live\n  - check: "*"\n    reason: old waiver\n    expires: 2026-05-31\n');
    const out = applyMutelist([f({})], l, NOW);
    expect(out.findings[0]?.status).toBe('fail');
    expect(out.expired).toEqual([{ where: 'm.yaml:4', reason: 'old waiver', expires: '2026-05-31', check: ['*'] }]);
  });

  it('a date-only expiry lasts through that whole day (UTC)', () => {
    const l = list('entries:\n  - check: "*"\n    reason: r\n    expires: 2026-06-01\n');
    expect(applyMutelist([f({})], l, new Date('2026-06-01T23:59:59Z')).findings[0]?.status).toBe('muted');
    expect(applyMutelist([f({})], l, new Date('2026-06-02T00:00:00Z')).findings[0]?.status).toBe('fail');
  });

  it('uses the first matching entry and does not change the input', () => {
    const input = [f({})];
    const l = list('entries:\n  - check: "s3.*"\n    reason: first\n  - check: "*"\n    reason: second\n');
    expect(applyMutelist(input, l, NOW).findings[0]?.muted?.reason).toBe('first');
    expect(input[0]?.status).toBe('fail');
  });
});
