import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../demo/index.js';
import { runChecks } from '../engine/run.js';
import { ALL_CHECKS } from '../checks/index.js';
import { applyMutelist } from './apply.js';
import { demoMutelist } from './demo.js';

describe('demo mutelist', () => {
  it('is valid, mutes a demo finding with its reason, and has an expired entry to show', () => {
    const list = demoMutelist();
    const { findings } = runChecks(demoInventory(), ALL_CHECKS, { now: DEMO_NOW });
    const out = applyMutelist(findings, list, DEMO_NOW);
    const muted = out.findings.filter((f) => f.status === 'muted');
    expect(muted.length).toBeGreaterThan(0);
    for (const m of muted) expect(m.muted?.reason).toMatch(/\S/);
    expect(out.expired.map((e) => e.where)).toEqual(['demo-mutelist.yaml:10']);
  });
});
