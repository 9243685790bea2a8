import { createHash } from 'node:crypto';

/** Same check + account + region + resource + detail gives the same id, scan after scan. */
export function findingId(parts: { checkId: string; account: string; region: string; resourceId: string; detail?: string }): string {
  const key = [parts.checkId, parts.account, parts.region, parts.resourceId, parts.detail ?? ''].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}
