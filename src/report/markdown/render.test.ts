import { describe, expect, it } from 'vitest';
import { finding, reportOf } from '../__tests__/demo-report.js';
import { renderMarkdown } from './render.js';
import { code, md } from './escape.js';

const counts = { byStatus: { fail: 2, unknown: 1, manual: 0, muted: 0, pass: 1 }, bySeverity: {} };

describe('markdown', () => {
  it('lists only what needs action, with counts for everything and each fix once', () => {
    const out = renderMarkdown(
      reportOf(
        [
          finding({ id: 'a', status: 'fail', resourceId: 'arn:aws:s3:::one' }),
          finding({ id: 'b', status: 'fail', resourceId: 'arn:aws:s3:::two' }),
          finding({ id: 'c', status: 'unknown', resourceId: 'arn:aws:s3:::three' }),
          finding({ id: 'd', status: 'pass', resourceId: 'arn:aws:s3:::four' }),
        ],
        { counts },
      ),
    );
    expect(out.startsWith('## Rampart: 2 failed, 1 unknown\n')).toBe(true);
    expect(out).toContain('| ✅ pass | 0 | 1 | 0 | 0 | 0 | 1 |');
    expect(out).toContain('`arn:aws:s3:::one`');
    expect(out).toContain('`arn:aws:s3:::three`');
    expect(out).not.toContain('`arn:aws:s3:::four`');
    expect(out.match(/How to fix: Buckets are not public/g)).toHaveLength(1);
    expect(out).toContain('```sh\naws s3api put-public-access-block --bucket northwind-assets\n```');
  });

  it('makes values from AWS inert: no links, HTML or broken table rows', () => {
    expect(md('[click](http://evil) <img> a|b\nc *x* &lt;')).toBe('\\[click\\](http://evil) \\<img\\> a\\|b<br>c \\*x\\* \\&lt;');
    expect(code('a`b')).toBe('``a`b``');
    const out = renderMarkdown(reportOf([finding({ message: 'see [here](http://evil) | <b>x</b>' })], { counts }));
    expect(out).toContain('see \\[here\\](http://evil) \\| \\<b\\>x\\</b\\>');
  });

  it('to fit the comment limit, drops the fixes first, then rows, and says so', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => finding({ id: String(i).padStart(20, '0'), checkId: `c${i}`, resourceId: `arn:aws:s3:::bucket-${i}` }));
    const some = renderMarkdown(reportOf(many(20), { counts }), 5_000);
    expect(some.length).toBeLessThanOrEqual(5_000);
    expect(some).toContain('`arn:aws:s3:::bucket-19`');
    expect(some).not.toContain('How to fix');
    expect(some).toContain('_Fixes left out to fit a comment');
    const lots = renderMarkdown(reportOf(many(400), { counts }), 5_000);
    expect(lots.length).toBeLessThanOrEqual(5_000);
    expect(lots).toMatch(/_Cut to fit a comment: \d+ more lines/);
    expect(lots).not.toContain('`arn:aws:s3:::bucket-399`');
  });
});
