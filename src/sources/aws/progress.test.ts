import { describe, expect, it } from 'vitest';
import type { LiveCoverage } from './coverage.js';
import { coverageSummary, progressReporter, type ProgressEvent } from './progress.js';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  const stream = { isTTY, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out.join('') };
}

const unit = (service: string, region: string) => ({ account: '123456789012', partition: 'aws', region, service });
const coverage: LiveCoverage = {
  calls: 42,
  throttles: 3,
  failedCalls: [{ call: 's3:GetBucketPolicy', region: 'eu-west-1', errors: 2, lastError: 'AccessDenied: no' }],
  gaps: [{ call: 's3:GetBucketPolicy', error: 'AccessDenied: no', region: 'global', attributes: 2, examples: ['s3.buckets[a].policy', 's3.buckets[b].policy'] }],
};
const events: ProgressEvent[] = [
  { type: 'start', account: '123456789012', identityArn: 'arn:aws:iam::123456789012:user/audit', regions: ['eu-west-1'], disabledRegions: ['ap-east-1'], services: ['s3', 'ec2'], units: 2 },
  { type: 'unit-start', unit: unit('s3', 'global') },
  { type: 'call', unit: unit('s3', 'global'), call: 's3:GetBucketPolicy', region: 'eu-west-1', outcome: 'error' },
  { type: 'unit-end', unit: unit('s3', 'global'), calls: 40, errors: 2, throttles: 3, durationMs: 1500 },
  { type: 'unit-end', unit: unit('ec2', 'eu-west-1'), calls: 2, errors: 0, throttles: 0, durationMs: 300, crashed: 'boom' },
  { type: 'warning', message: 'something odd' },
  { type: 'done', coverage, durationMs: 2000 },
];

describe('progressReporter', () => {
  it('writes plain lines when stderr is not a terminal', () => {
    const { stream, text } = fakeStream(false);
    const report = progressReporter(stream);
    events.forEach(report);
    const lines = text().trim().split('\n');
    expect(lines).toContain('rampart: scanning account 123456789012 as arn:aws:iam::123456789012:user/audit: 1 region(s), 2 service(s), 2 unit(s)');
    expect(lines).toContain('rampart: not enabled in this account, reported as unknown: ap-east-1');
    expect(lines).toContain('rampart: s3@global done in 1.5 s: 40 calls, 2 failed, 3 throttled');
    expect(lines).toContain('rampart: ec2@eu-west-1 done in 0.3 s: collector failed: boom');
    expect(lines).toContain('rampart: warning: something odd');
    expect(text().includes('\u001b[')).toBe(false);
  });

  it('draws a live grid of regions and services on a terminal, then the summary', () => {
    const { stream, text } = fakeStream(true);
    const report = progressReporter(stream);
    events.forEach(report);
    const out = text();
    expect(out).toContain('units 2/2  calls 1  throttled 0  errors 1');
    expect(out).toMatch(/eu-west-1/);
    expect(out).toContain('rampart: collected in 2.0 s: 42 API calls, 3 throttled, 2 failed.');
  });
});

describe('coverageSummary', () => {
  it('names each failed call and what it left unknown', () => {
    const s = coverageSummary(coverage, 2000);
    expect(s).toContain('Coverage: 2 attribute(s) could not be read; checks report them as unknown:');
    expect(s).toContain('  s3:GetBucketPolicy: AccessDenied: no');
    expect(s).toContain('    2 attribute(s), e.g. s3.buckets[a].policy, s3.buckets[b].policy');
  });

  it('says so when everything selected was read', () => {
    expect(coverageSummary({ calls: 1, throttles: 0, failedCalls: [], gaps: [] }, 10)).toContain('every selected part was read');
  });
});

describe('coverageSummary grouping', () => {
  it('gives one line per call and error, with the regions it hit', () => {
    const gap = (region: string) => ({ call: 'cloudwatch:DescribeAlarms', error: 'AccessDenied: no', region, attributes: 1, examples: [`${region}.cloudwatch.alarms`] });
    const s = coverageSummary({ calls: 2, throttles: 0, failedCalls: [], gaps: [gap('eu-west-1'), gap('us-east-1')] }, 10);
    expect(s.split('\n').filter((l) => l.includes('cloudwatch:DescribeAlarms'))).toEqual(['  cloudwatch:DescribeAlarms in eu-west-1, us-east-1: AccessDenied: no']);
    expect(s).toContain('2 attribute(s), e.g. eu-west-1.cloudwatch.alarms, us-east-1.cloudwatch.alarms');
  });
});
