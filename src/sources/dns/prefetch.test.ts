import { describe, expect, it } from 'vitest';
import { buildInventory, ok } from '../../inventory/index.js';
import { runChecks } from '../../engine/run.js';
import mxSpf from '../../checks/route53/mx-spf.js';
import { prefetchExternalTxt, type LiveTxtLookup } from './prefetch.js';

const zone = (name: string, spf: string) => ({
  id: `Z${name.length}`,
  arn: `arn:aws:route53:::hostedzone/Z${name.length}`,
  name: `${name}.`,
  private: false,
  records: ok([
    { name: `${name}.`, type: 'MX', values: ['10 mx.mailer.test.'] },
    { name: `${name}.`, type: 'TXT', values: [`"${spf}"`] },
  ]),
});

const inventory = (spf: string) => buildInventory([{ route53: { hostedZones: ok([zone('shop.test', spf)]) } }]);

/** A DNS outside the account: a mail provider whose SPF includes another of its names. */
const world: Record<string, string[]> = {
  '_spf.mailer.test': ['v=spf1 include:_netblocks.mailer.test ~all'],
  '_netblocks.mailer.test': ['v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ~all'],
  '_dmarc.shop.test': [],
};
const lookup: LiveTxtLookup = async (name) => {
  if (name === 'broken.test') throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
  const v = world[name.replace(/\.$/, '')];
  if (v === undefined) return [];
  return v;
};

const spfFindings = (inv: ReturnType<typeof inventory>, externalTxt: Record<string, string[]>) =>
  runChecks(inv, [mxSpf], { now: new Date(0), checkOptions: { 'route53.mx-spf': { externalTxt } } }).findings.filter((f) => f.message.includes('SPF'));

describe('live DNS prefetch for the Route 53 checks', () => {
  it('follows includes outside the hosted zones, round by round, so the SPF check can judge', async () => {
    const inv = inventory('v=spf1 include:_spf.mailer.test -all');
    expect(spfFindings(inv, {}).map((f) => f.status)).toEqual(['unknown']);
    const { txt, failed } = await prefetchExternalTxt(inv, {}, lookup);
    expect(Object.keys(txt).map((n) => n.replace(/\.$/, ''))).toEqual(expect.arrayContaining(['_spf.mailer.test', '_netblocks.mailer.test']));
    expect(failed).toEqual({});
    const after = spfFindings(inv, txt);
    expect(after.map((f) => f.status)).toEqual(['pass']);
    expect(after[0]!.message).toContain('needs 2 of the 10 DNS lookups');
  });

  it('leaves a name whose lookup fails unanswered: the finding stays unknown', async () => {
    const inv = inventory('v=spf1 include:broken.test -all');
    const { txt, failed } = await prefetchExternalTxt(inv, {}, lookup);
    expect(Object.keys(failed).map((n) => n.replace(/\.$/, ''))).toEqual(['broken.test']);
    expect(spfFindings(inv, txt).map((f) => f.status)).toEqual(['unknown']);
  });

  it('asks nothing when the zones answer everything', async () => {
    const asked: string[] = [];
    const inv = inventory('v=spf1 ip4:192.0.2.1 -all');
    await prefetchExternalTxt(inv, { '_dmarc.shop.test': ['v=DMARC1; p=reject'] }, async (n) => (asked.push(n), []));
    expect(asked).toEqual([]);
  });
});
