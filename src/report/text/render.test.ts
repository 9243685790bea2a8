import { describe, expect, it } from 'vitest';
import { finding, reportOf } from '../__tests__/demo-report.js';
import { renderText } from './render.js';
import { colors } from './style.js';

const report = reportOf(
  [
    finding({ id: 'p', status: 'pass', section: 'S3', resourceId: 'arn:aws:s3:::passing' }),
    finding({ id: 'a', status: 'fail', section: 'Account', checkId: 'account.root-mfa', resourceId: 'arn:aws:iam::1:root', region: 'global', severity: 'critical' }),
    finding({ id: 'f', status: 'fail', section: 'S3', resourceId: 'arn:aws:s3:::failing', severity: 'low' }),
    finding({ id: 'u', status: 'unknown', section: 'EC2', checkId: 'ec2.x', resourceId: 'arn:aws:iam::1:root', message: 'Could not read the instances: ec2:DescribeInstances failed: AccessDenied.' }),
    finding({ id: 'm', status: 'manual', section: 'Account', checkId: 'account.security-questions', resourceId: 'arn:aws:iam::1:root', region: 'global' }),
    finding({ id: 'x', status: 'fail', section: 'Host', checkId: 'host.sshd', resourceId: '/etc/ssh/sshd_config', location: { file: '/etc/ssh/sshd_config', line: 7 } }),
  ],
  {
    checksRun: 5,
    checksWithNothingToInspect: ['rds.encrypted'],
    failedCalls: [{ call: 'ec2:DescribeInstances', region: 'eu-west-1', errors: 3, lastError: 'AccessDenied' }],
    checkErrors: [{ checkId: 'broken.check', error: 'boom' }],
    mutelist: { file: 'm.yaml', muted: 0, expired: [{ where: 'm.yaml:4', reason: 'old waiver', expires: '2026-01-01' }] },
  },
);

describe('text report', () => {
  const out = renderText(report, { color: false });

  it('groups by guide section in the guide order, worst first, unknown sections last', () => {
    const headings = out.split('\n').filter((l) => /^[A-Z][\w ]*$/.test(l));
    expect(headings.slice(0, 4)).toEqual(['Account', 'S3', 'EC2', 'Host']);
    const s3 = out.slice(out.indexOf('\nS3\n'), out.indexOf('\nEC2\n'));
    expect(s3.indexOf('arn:aws:s3:::failing')).toBeLessThan(s3.indexOf('arn:aws:s3:::passing'));
  });

  it('shows status, severity, check, resource, region, location, message, and the fix for failures', () => {
    expect(out).toContain(' FAIL     low       s3.access-control  arn:aws:s3:::failing (us-east-1)');
    expect(out).toContain(' FAIL     critical  account.root-mfa  arn:aws:iam::1:root\n');
    expect(out).toContain('host.sshd  /etc/ssh/sshd_config (us-east-1)  /etc/ssh/sshd_config:7');
    expect(out).toContain('Fix: Turn on Block Public Access.');
    const unknown = out.slice(out.indexOf(' UNKNOWN'), out.indexOf('\n\n', out.indexOf(' UNKNOWN')));
    expect(unknown).toContain('ec2:DescribeInstances failed: AccessDenied.');
    expect(unknown).not.toContain('Fix:');
  });

  it('summarises counts by severity and status, and what was not seen', () => {
    expect(out).toMatch(/\ncritical {2}1 {8}0 {8}0 {8}0 {8}0 {8}1\n/);
    expect(out).toMatch(/\ntotal {5}3 {8}1 {8}1 {8}0 {8}1 {8}6\n/);
    expect(out).toContain('Inspected nothing (1): rds.encrypted');
    expect(out).toContain(`${" ".repeat(2)}ec2:DescribeInstances (eu-west-1) ×3: AccessDenied`);
    expect(out).toContain('Check error: broken.check: boom');
    expect(out).toContain('Mutelist entry expired on 2026-01-01: m.yaml:4: old waiver');
  });

  it('--quiet shows only fail and unknown findings, and still the summary', () => {
    const quiet = renderText(report, { color: false, quiet: true });
    expect(quiet).not.toContain('arn:aws:s3:::passing');
    expect(quiet).not.toContain('MANUAL');
    expect(quiet).toContain('arn:aws:s3:::failing');
    expect(quiet).toContain('UNKNOWN');
    expect(quiet).toContain('Summary');
  });

  it('colours by severity only when asked', () => {
    expect(out).not.toContain('\u001b[');
    const coloured = renderText(report, { color: true });
    const c = colors(true);
    expect(coloured).toContain(c.bold(c.red('critical')));
    expect(coloured).toContain(c.blue('low'));
  });

  it('never lets a value from AWS drive the terminal', () => {
    const evil = renderText(reportOf([finding({ resourceId: 'arn:aws:s3:::x\u001b]8;;http://evil\u0007y', message: 'm\u001b[2J' })]), { color: false });
    expect(evil).not.toContain('\u001b');
    expect(evil).not.toContain('\u0007');
    expect(evil).toContain('arn:aws:s3:::x?]8;;http://evil?y');
  });

  it('appends extra lines (the compliance table) after the summary', () => {
    const withAppendix = renderText(report, { color: false, appendix: () => ['CIS table here'] });
    expect(withAppendix.indexOf('CIS table here')).toBeGreaterThan(withAppendix.indexOf('Summary'));
  });
});

describe('text report: IaC conditions', () => {
  it('shows the template condition under which a finding holds', () => {
    const r = reportOf([
      finding({ id: 'c', status: 'fail', section: 'S3', resourceId: 'arn:aws:s3:::logs', condition: 'IsProd', location: { file: 'stack.yaml', line: 12 } }),
    ]);
    const text = renderText(r, { color: false });
    expect(text).toContain('stack.yaml:12');
    expect(text).toContain('when IsProd');
  });
});
