import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A validator for our report schema (draft 2020-12), strict, with formats checked. */
export function reportValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL('../json/report.schema.json', import.meta.url), 'utf8')) as object);
}

/**
 * A validator for the official SARIF 2.1.0 schema. It is written in draft-04, which Ajv 8 reads
 * once its two draft-04 meta keywords are renamed (`id` → `$id`); no constraint is changed.
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL('../sarif/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}
