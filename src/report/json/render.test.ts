import { describe, expect, it } from 'vitest';
import { demoReport, finding, reportOf } from '../__tests__/demo-report.js';
import { reportValidator as validator } from '../__tests__/ajv.js';
import { renderJson } from './render.js';

describe('json report', () => {
  it('validates the demo report against the committed JSON Schema', () => {
    const validate = validator();
    const parsed: unknown = JSON.parse(renderJson(demoReport()));
    const valid = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('prints the ScanReport object exactly, nothing added or lost', () => {
    const report = demoReport();
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });

  it('the schema rejects what breaks the contract', () => {
    const validate = validator();
    const bad = [
      reportOf([finding({ status: 'ok' as never })]),
      reportOf([finding({ severity: 'urgent' as never })]),
      reportOf([finding({ status: 'muted' })]), // muted without the verdict it hides
      reportOf([finding({ muted: { reason: 'x', originalStatus: 'fail' } })]), // muted data on a live status
      reportOf([{ ...finding(), resourceId: undefined } as never]),
    ];
    for (const r of bad) expect(validate(JSON.parse(renderJson(r)))).toBe(false);
    expect(validate(JSON.parse(renderJson(reportOf([finding()]))))).toBe(false); // counts lack the statuses
  });
});
