import { ok, type Attr } from '../../inventory/index.js';
import type { SdkClient } from './clients.js';
import type { CollectContext, OutputOf } from './context.js';
import { failedAttr } from './outcome.js';

/**
 * A whole paginated list as one attribute: every page's items mapped as they arrive, or the
 * failure of the page that broke (a half-read list is never passed off as the whole).
 */
export async function listAll<C extends object, T>(
  ctx: CollectContext,
  client: SdkClient,
  make: (token: string | undefined) => C,
  nextToken: (out: OutputOf<C>) => string | undefined,
  items: (out: OutputOf<C>) => T[],
): Promise<Attr<T[]>> {
  const acc: T[] = [];
  const o = await ctx.pages(client, make, nextToken, (out) => {
    for (const x of items(out)) acc.push(x);
  });
  return o.ok ? ok(acc) : failedAttr(o);
}

/** Splits a list into chunks of at most `size` (batch APIs take a bounded number of ids). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
