import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { MutelistFileSchema } from './schema.js';
import { MutelistError } from './errors.js';
import type { Mutelist } from './types.js';

/** Reads and validates a mutelist file; throws MutelistError (with the line) when it is malformed. */
export function loadMutelist(file: string): Mutelist {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MutelistError(file, undefined, `cannot read the mutelist: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseMutelist(text, file);
}

/** Parses mutelist YAML; `file` names it in errors and in each entry's `where`. */
export function parseMutelist(text: string, file = '<mutelist>'): Mutelist {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new MutelistError(file, lines.linePos(yamlError.pos[0]).line, `invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = MutelistFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    // zod says "expected string, received undefined" for a key that is simply not there.
    const message = /received undefined/.test(issue.message) ? `"${String(path.at(-1))}" is required` : issue.message;
    throw new MutelistError(file, lineOf(doc, path, lines), `${message}${where}`);
  }
  return {
    file,
    entries: parsed.data.entries.map((e, i) => ({ ...e, line: lineOf(doc, ['entries', i], lines) ?? 1 })),
  };
}

/** The line of the deepest node of `path` that exists (a missing key points at its entry). */
function lineOf(doc: Document, path: Array<string | number>, lines: LineCounter): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
