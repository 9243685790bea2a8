import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMutelist, parseMutelist } from './load.js';
import { MutelistError } from './errors.js';

function errorOf(text: string): MutelistError {
  try {
    parseMutelist(text, 'mute.yaml');
  } catch (e) {
    if (e instanceof MutelistError) return e;
    throw e;
  }
  throw new Error('expected a MutelistError');
}

describe('loadMutelist', () => {
  it('reads a file, normalises single globs to lists and records each entry line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-mute-'));
    const file = join(dir, 'mute.yaml');
    writeFileSync(
      file,
      ['entries:', '  - check: s3.*', '    reason: public website', '  # comment', '  - check: [a.b, c.*]', '    resource: "arn:aws:s3:::x"', '    reason: r2', '    expires: 2027-01-31', ''].join('\n'),
    );
    const list = loadMutelist(file);
    expect(list.file).toBe(file);
    expect(list.entries).toEqual([
      { check: ['s3.*'], reason: 'public website', line: 2 },
      { check: ['a.b', 'c.*'], resource: ['arn:aws:s3:::x'], reason: 'r2', expires: '2027-01-31', line: 5 },
    ]);
  });

  it('a missing file is a MutelistError naming the file', () => {
    expect(() => loadMutelist('/nonexistent/mute.yaml')).toThrow(MutelistError);
    expect(() => loadMutelist('/nonexistent/mute.yaml')).toThrow(/\/nonexistent\/mute\.yaml: cannot read/);
  });

  it('reports a YAML syntax error with its line', () => {
    const e = errorOf('entries:\n  - check: a\n\treason: tab\n');
    expect(e.file).toBe('mute.yaml');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^mute\.yaml:3: invalid YAML/);
    expect(errorOf('entries:\n  - check: a\n    reason: ok\n  - check: b\n    check: c\n    reason: dup\n').line).toBe(5);
  });

  it('reports an entry without a reason at the entry line', () => {
    const e = errorOf('entries:\n  - check: a\n    reason: ok\n  - check: b\n    resource: x\n');
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/entries\.1\.reason/);
  });

  it('reports a bad value at its own line', () => {
    const e = errorOf('entries:\n  - check: a\n    reason: ok\n    expires: next tuesday\n');
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/expected a date/);
  });

  it('rejects unknown keys (a typo must not silently widen an entry) and a blank reason', () => {
    expect(errorOf('entries:\n  - check: a\n    reason: ok\n    resorce: x\n').line).toBe(2);
    expect(errorOf('entries:\n  - check: a\n    reason: "   "\n').reason).toMatch(/reason/);
  });

  it('requires the check matcher, so no entry mutes every check by accident', () => {
    expect(errorOf('entries:\n  - resource: "*"\n    reason: everything\n').reason).toMatch(/entries\.0\.check/);
  });

  it('rejects a document that is not a list of entries', () => {
    expect(errorOf('- just a list\n').line).toBe(1);
    expect(errorOf('entries: nope\n').reason).toMatch(/entries/);
  });
});
