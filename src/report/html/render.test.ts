import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { finding, reportOf } from '../__tests__/demo-report.js';
import { renderHtml } from './render.js';
import { passRate } from './charts.js';

const EVIL = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

describe('html report (static)', () => {
  const report = reportOf([
    finding({ resourceId: `arn:aws:s3:::${EVIL}`, message: `Bucket ${EVIL} is public.`, evidence: { policy: EVIL } }),
    finding({ id: 'b'.repeat(20), status: 'pass', severity: 'low', remediation: { text: 'x', cli: `echo '${EVIL}'`, terraform: 'resource "x" {}' } }),
  ]);
  const html = renderHtml(report);

  it('escapes every value from AWS: no markup of ours can be injected', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1); // ours, at the end
  });

  it('allows only its own inline script, by hash, and fetches nothing', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('shows remediation snippets for failures, escaped', () => {
    const fail = renderHtml(reportOf([finding({ remediation: { text: 'Fix it.', cli: `aws s3 x --y '<b>'`, cloudformation: 'Type: AWS::S3::Bucket' } })]));
    expect(fail).toContain('<pre><code>aws s3 x --y &#39;&lt;b&gt;&#39;</code></pre>');
    expect(fail).toContain('<pre><code>Type: AWS::S3::Bucket</code></pre>');
  });

  it('marks muted findings with their reason and original verdict', () => {
    const out = renderHtml(reportOf([finding({ status: 'muted', muted: { reason: 'Accepted <risk>', originalStatus: 'fail', expires: '2027-01-01' } })]));
    expect(out).toContain('Muted (was fail): Accepted &lt;risk&gt; · until 2027-01-01');
    expect(out).toContain('data-status="muted"');
  });

  it('computes pass rates over judged findings, leaving manual ones out', () => {
    expect(passRate({ pass: 3, fail: 1, unknown: 0, manual: 5, muted: 0 })).toBe(0.75);
    expect(passRate({ pass: 0, fail: 0, unknown: 0, manual: 2, muted: 0 })).toBeUndefined();
    expect(passRate({ pass: 1, fail: 0, unknown: 1, manual: 0, muted: 2 })).toBe(0.25);
  });
});
