import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, selectChecks } from './index.js';
import { RECOMMENDATIONS } from '../guide/index.js';
import { SEVERITIES } from './types.js';
import { placeholders } from '../engine/message.js';
import { buildInventory, emptyInventory } from '../inventory/index.js';
import { demoInventory, DEMO_NOW } from '../demo/index.js';
import { runChecks } from '../engine/run.js';

const guideIds = new Set(RECOMMENDATIONS.map((r) => r.id));

describe('check registry', () => {
  it('registers every check once', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ALL_CHECKS.map((c) => [c.id, c] as const))('%s: metadata is complete and names real guide ids', (_id, c) => {
    expect(c.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(c.title.length).toBeGreaterThan(5);
    expect(c.description.length).toBeGreaterThan(20);
    expect(SEVERITIES).toContain(c.severity);
    expect(c.guideIds.length).toBeGreaterThan(0);
    for (const g of c.guideIds) expect(guideIds, `guide id ${g}`).toContain(g);
    expect(c.sources.length).toBeGreaterThan(0);
    expect(c.remediation.text.length).toBeGreaterThan(10);
    expect(Object.keys(c.messages).length).toBeGreaterThan(0);
  });

  it('covers every guide id with at least one check', () => {
    const covered = new Set(ALL_CHECKS.flatMap((c) => c.guideIds));
    const missing = RECOMMENDATIONS.map((r) => r.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('gives every finding of the demo a distinct id (results on one resource need a detail)', () => {
    const { findings } = runChecks(demoInventory(), ALL_CHECKS, { now: DEMO_NOW });
    const dups = findings.filter((f, i) => findings.findIndex((g) => g.id === f.id) !== i).map((f) => `${f.checkId} ${f.resourceId}`);
    expect(dups).toEqual([]);
  });

  it('selects by id, glob and guide id, and refuses a pattern that matches nothing', () => {
    expect(selectChecks(['account.root-mfa']).map((c) => c.id)).toEqual(['account.root-mfa']);
    // A guide id that is not a check id selects every check covering it.
    expect(selectChecks(['ec2.linux-ami-sshd']).map((c) => c.id)).toEqual(['host.linux-sshd']);
    expect(selectChecks(['account.*']).every((c) => c.id.startsWith('account.'))).toBe(true);
    expect(() => selectChecks(['no.such-check'])).toThrow(/no check matches/);
  });
});

/**
 * Every message a check gives must exist in its templates, with every placeholder filled. We drive
 * each check over the demo, over an inventory where nothing was collected, and over one where
 * every list was read and is empty: between them most result paths run.
 */
describe('message templates', () => {
  const demo = demoInventory();
  const nothing = emptyInventory(
    { source: 'aws', origin: 'snapshot', accountId: '123456789012', partition: 'aws', collectedAt: DEMO_NOW.toISOString(), regions: ['us-east-1'] },
    'test',
  );
  const inventories = [
    ['demo', demo],
    ['nothing collected', nothing],
    ['empty lists', buildInventory([])],
  ] as const;

  for (const [name, inv] of inventories) {
    it.each(ALL_CHECKS.map((c) => [c.id, c] as const))(`%s: messages resolve on the ${name} inventory`, (_id, c) => {
      const runInv = { ...inv, meta: { ...inv.meta, source: c.sources[0] ?? 'aws' } };
      const results = c.evaluate({ inventory: runInv, options: c.options ? c.options.parse({}) : {}, now: DEMO_NOW });
      for (const r of results) {
        const template = (c.messages as Record<string, string>)[r.message];
        expect(template, `message key "${r.message}"`).toBeDefined();
        for (const p of placeholders(template!)) expect(r.data ?? {}, `placeholder {{${p}}} of "${r.message}"`).toHaveProperty(p);
      }
      // A result's own compliance refs stay within what its check declares (the union).
      for (const r of results) {
        if (!r.compliance) continue;
        for (const key of ['cis', 'fsbp'] as const) {
          for (const id of r.compliance[key] ?? []) expect(c.compliance?.[key] ?? [], `${key} ${id} of "${r.message}"`).toContain(id);
        }
      }
      // And the engine turns them into findings without error.
      const { runs } = runChecks(runInv, [c], { now: DEMO_NOW });
      expect(runs[0]?.error).toBeUndefined();
    });
  }
});
