import { promises as dns } from 'node:dns';
import type { Inventory } from '../../inventory/index.js';
import { createMxSpfCheck } from '../../checks/route53/mx-spf.js';
import { createDmarcCheck } from '../../checks/route53/dmarc.js';
import type { TxtResolver } from '../../checks/route53/resolver.js';

/** A TXT lookup: the strings of each record, [] when the name has none, or a thrown error. */
export type LiveTxtLookup = (name: string) => Promise<string[]>;

const NO_RECORDS = new Set(['ENOTFOUND', 'ENODATA']);

/** Node's resolver: each TXT record's chunks joined, as RFC 7208 reads them. */
export const systemTxtLookup: LiveTxtLookup = async (name) => {
  try {
    return (await dns.resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch (e) {
    if (NO_RECORDS.has((e as NodeJS.ErrnoException).code ?? '')) return [];
    throw e;
  }
};

/** Enough rounds for SPF's own limit of 10 nested lookups, and then some. */
const MAX_ROUNDS = 12;

/**
 * The DNS answers the Route 53 checks need from outside the account's hosted zones (SPF includes
 * and redirects at a mail provider, a parent domain's DMARC), looked up live. The checks stay
 * pure: the answers go into their `externalTxt` option. Each round runs the checks with what is
 * known, records the names they could not answer, and looks those up; a name whose lookup fails
 * (timeout, SERVFAIL) stays unanswered, so its finding stays `unknown`.
 */
export async function prefetchExternalTxt(
  inv: Inventory,
  given: Record<string, string[]> = {},
  lookup: LiveTxtLookup = systemTxtLookup,
): Promise<{ txt: Record<string, string[]>; failed: Record<string, string> }> {
  const txt: Record<string, string[]> = { ...given };
  const failed: Record<string, string> = {};
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missed = new Set<string>();
    const recorder: TxtResolver = (name) => {
      if (!(name in failed)) missed.add(name);
      return { kind: 'unknown', reason: `${name} was not looked up yet` };
    };
    for (const check of [createMxSpfCheck(recorder), createDmarcCheck(recorder)]) {
      const options = check.options ? check.options.parse({ externalTxt: txt }) : {};
      check.evaluate({ inventory: inv, options: options as never, now: new Date(0) });
    }
    const fresh = [...missed].filter((n) => !(n in txt));
    if (fresh.length === 0) break;
    await Promise.all(
      fresh.map(async (name) => {
        try {
          txt[name] = await lookup(name);
        } catch (e) {
          failed[name] = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        }
      }),
    );
  }
  return { txt, failed };
}
