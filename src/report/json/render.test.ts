import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { demoReport, finding, reportOf } from '../__tests__/demo-report.js';
import { renderJson } from './render.js';

const schema = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')) as object;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('json report', () => {
  it('validates the demo report against the committed JSON Schema', () => {
    const validate = validator();
    const parsed: unknown = JSON.parse(renderJson(demoReport()));
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(validate(parsed), JSON.stringify(validate.errors, null, 2)).toBe(true);
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
