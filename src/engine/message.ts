import type { MessageData } from '../checks/types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The placeholders a template uses, for the registry test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/**
 * Fills {{name}} placeholders. A missing value is shown as <name?> rather than throwing, so one
 * sloppy result never costs a report; the registry and check tests catch it.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = data[name];
    return v === undefined ? `<${name}?>` : String(v);
  });
}
