/**
 * Text from AWS or templates made inert in Markdown: every character that could open a link,
 * emphasis, code, HTML, an entity or a table cell is backslash-escaped (CommonMark reads any
 * escaped ASCII punctuation as itself), and newlines become <br> so a table row stays one row.
 * Parentheses need no escape once brackets are escaped: without "[..]" there is no link.
 */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, '<br>');
}

/** A code span that no backtick in the value can close early. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${pad}${ticks}`;
}
