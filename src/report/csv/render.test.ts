import { describe, expect, it } from 'vitest';
import { finding, reportOf } from '../__tests__/demo-report.js';
import { cell, renderCsv } from './render.js';

describe('csv', () => {
  it('writes a header and one row per finding, worst first', () => {
    const out = renderCsv(reportOf([finding({ status: 'pass', id: 'p' }), finding({ status: 'fail', id: 'f' })]));
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 5)).toEqual(['id', 'status', 'original_status', 'severity', 'check_id']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['f', 'p']);
  });

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(cell('a,b')).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
    expect(cell('plain')).toBe('plain');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(cell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(cell('+1')).toBe("'+1");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    const out = renderCsv(reportOf([finding({ resourceId: '=cmd|calc' })]));
    expect(out).toContain(",'=cmd|calc,");
  });

  it('keeps muted findings with their original verdict and reason', () => {
    const out = renderCsv(reportOf([finding({ status: 'muted', muted: { reason: 'ok, reviewed', originalStatus: 'fail', expires: '2027-01-01' } })]));
    const row = out.split('\r\n')[1] ?? '';
    expect(row.startsWith('0123456789abcdef0123,muted,fail,high,')).toBe(true);
    expect(row.endsWith(',"ok, reviewed",2027-01-01')).toBe(true);
  });
});
