import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { UsageError } from './errors.js';

/**
 * The optional config file (--config rampart.yaml):
 *   checks:
 *     account.backup-admin: { maxAdministrators: 5 }
 * Each check validates its own options; unknown check ids are an error.
 */
const ConfigSchema = z.object({ checks: z.record(z.string(), z.unknown()).default({}) }).strict();
export type Config = z.infer<typeof ConfigSchema>;

export async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return { checks: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`${file}: ${i ? `${i.path.join('.') || '(top level)'}: ${i.message}` : 'invalid config'}`);
  }
  return parsed.data;
}
