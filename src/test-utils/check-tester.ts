import { describe, expect, it } from 'vitest';
import type { AnyCheck, ComplianceRefs, Severity, Status } from '../checks/types.js';
import { buildInventory, type InventoryPart } from '../inventory/index.js';
import { runChecks } from '../engine/run.js';

/** A finding as a test states it: the fields that carry the verdict. */
export interface ExpectedFinding {
  status: Status;
  resourceId: string;
  /** The exact formatted message. */
  message: string;
  severity?: Severity;
  detail?: string;
  /** The finding's effective compliance refs; compared only when given. */
  compliance?: ComplianceRefs;
}

export interface CheckCase {
  name: string;
  /** Parts merged over an inventory where nothing was collected (see buildInventory). */
  inventory: InventoryPart[];
  regions?: string[];
  source?: 'aws' | 'cloudformation' | 'terraform' | 'host';
  options?: unknown;
  now?: string;
  /** The exact findings, in any order. */
  findings: ExpectedFinding[];
}

export const TEST_ACCOUNT = '123456789012';
export const TEST_NOW = '2026-06-01T12:00:00.000Z';

/**
 * Runs a check over a table of inventories and compares the exact findings, after ESLint's
 * RuleTester. `pass` cases must give at least one finding, all of status pass (or manual);
 * the others list what they expect.
 */
export function testCheck(check: AnyCheck, cases: { pass: CheckCase[]; fail: CheckCase[]; unknown?: CheckCase[] }): void {
  describe(check.id, () => {
    const all = [
      ...cases.pass.map((c) => ['pass', c] as const),
      ...cases.fail.map((c) => ['fail', c] as const),
      ...(cases.unknown ?? []).map((c) => ['unknown', c] as const),
    ];
    for (const [kind, c] of all) {
      it(`${kind}: ${c.name}`, () => {
        const inv = buildInventory(c.inventory, {
          accountId: TEST_ACCOUNT,
          regions: c.regions ?? ['us-east-1'],
          source: c.source ?? 'aws',
        });
        const { findings } = runChecks(inv, [check], {
          now: new Date(c.now ?? TEST_NOW),
          checkOptions: c.options === undefined ? {} : { [check.id]: c.options },
        });
        const got = findings.map((f) => ({
          status: f.status,
          resourceId: f.resourceId,
          message: f.message,
          severity: f.severity,
          detail: f.detail,
          compliance: f.compliance,
        }));
        const want = c.findings.map((f) => ({
          status: f.status,
          resourceId: f.resourceId,
          message: f.message,
          severity: f.severity ?? check.severity,
          detail: f.detail,
          compliance: f.compliance,
        }));
        const key = (x: { resourceId: string; detail?: string; message: string }) => `${x.resourceId}|${x.detail ?? ''}|${x.message}`;
        const gotSorted = [...got].sort((a, b) => key(a).localeCompare(key(b)));
        const wantSorted = [...want].sort((a, b) => key(a).localeCompare(key(b)));
        // Refs are compared only where the case states them (most cases are about the verdict).
        const gotCompared = gotSorted.map((g, i) => (wantSorted[i]?.compliance === undefined ? { ...g, compliance: undefined } : g));
        expect(gotCompared).toEqual(wantSorted);
        if (kind === 'pass') {
          expect(got.length).toBeGreaterThan(0);
          for (const g of got) expect(['pass', 'manual']).toContain(g.status);
        }
        if (kind === 'fail') expect(got.some((g) => g.status === 'fail')).toBe(true);
        if (kind === 'unknown') expect(got.some((g) => g.status === 'unknown')).toBe(true);
      });
    }
  });
}
