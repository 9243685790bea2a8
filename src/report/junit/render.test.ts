import { describe, expect, it } from 'vitest';
import { finding, reportOf } from '../__tests__/demo-report.js';
import { renderJunit } from './render.js';
import { xmlAttr, xmlText } from './xml.js';

describe('junit', () => {
  const out = renderJunit(
    reportOf([
      finding({ id: 'a', status: 'fail', message: 'Bucket <x> & "y" is public.' }),
      finding({ id: 'b', status: 'pass', resourceId: 'arn:aws:s3:::ok' }),
      finding({ id: 'c', status: 'unknown', resourceId: 'arn:aws:s3:::denied' }),
      finding({ id: 'd', status: 'manual', checkId: 'account.security-questions', resourceId: 'arn:aws:iam::1:root', region: 'global' }),
      finding({ id: 'e', status: 'muted', muted: { reason: 'accepted', originalStatus: 'fail' }, resourceId: 'arn:aws:s3:::site', detail: 'acl' }),
    ]),
  );

  it('counts tests, failures, errors and skips in the root and per check', () => {
    expect(out).toContain('<testsuites name="rampart" tests="5" failures="1" errors="1" skipped="2" time="0">');
    expect(out).toMatch(/<testsuite name="s3\.access-control" tests="4" failures="1" errors="1" skipped="1" /);
    expect(out).toMatch(/<testsuite name="account\.security-questions" tests="1" failures="0" errors="0" skipped="1" /);
  });

  it('one testcase per check × resource, with failure, error and skipped where due', () => {
    expect(out.match(/<testcase /g)).toHaveLength(5);
    expect(out).toContain('<testcase classname="s3.access-control" name="arn:aws:s3:::ok (us-east-1)" time="0"/>');
    expect(out).toContain('<failure message="Bucket &lt;x&gt; &amp; &quot;y&quot; is public." type="high">');
    expect(out).toMatch(/name="arn:aws:s3:::denied \(us-east-1\)" time="0">\n\s+<error message=/);
    expect(out).toContain('<skipped message="muted (fail): accepted"/>');
    expect(out).toContain('name="arn:aws:s3:::site [acl] (us-east-1)"');
    expect(out).toContain('name="arn:aws:iam::1:root" time="0">');
  });

  it('escapes XML and drops characters XML cannot hold, keeping emoji', () => {
    expect(xmlText('a\u0000b\u001bc <&>')).toBe('a\ufffdb\ufffdc &lt;&amp;&gt;');
    expect(xmlText('ok 🔒')).toBe('ok 🔒');
    expect(xmlAttr('line1\nline2 "q"')).toBe('line1&#10;line2 &quot;q&quot;');
  });
});
