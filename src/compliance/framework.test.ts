import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import { FRAMEWORKS, getFramework, UnknownFrameworkError } from './framework.js';
import { checksFor, mapping, unknownReferences } from './mapping.js';

describe('compliance frameworks', () => {
  it('every requirement id a check names exists in its framework file', () => {
    for (const fw of FRAMEWORKS) expect(unknownReferences(fw), fw.id).toEqual([]);
  });

  it('catches a check naming an id the framework does not have', () => {
    const typo = { ...ALL_CHECKS[0], id: 'x.typo', compliance: { cis: ['1.4', '9.99'], fsbp: ['IAM.999'] } } as AnyCheck;
    expect(unknownReferences(getFramework('cis'), [typo])).toEqual([{ checkId: 'x.typo', id: '9.99' }]);
    expect(unknownReferences(getFramework('fsbp'), [typo])).toEqual([{ checkId: 'x.typo', id: 'IAM.999' }]);
  });

  it('framework files hold unique ids, and CIS v3.0.0 has its 62 recommendations in five sections', () => {
    for (const fw of FRAMEWORKS) {
      const ids = [...fw.requirements, ...fw.otherControls].map((r) => r.id);
      expect(new Set(ids).size, fw.id).toBe(ids.length);
    }
    const cis = getFramework('cis-3.0');
    expect(cis.requirements).toHaveLength(62);
    expect(new Set(cis.requirements.map((r) => r.section)).size).toBe(5);
    expect(cis.requirements.every((r) => /^[1-5](\.\d+){1,2}$/.test(r.id))).toBe(true);
    expect(getFramework('fsbp').requirements.every((r) => /^[A-Za-z0-9]+\.\d+$/.test(r.id))).toBe(true);
  });

  it('finds frameworks by id or alias, and refuses others', () => {
    expect(getFramework('CIS').id).toBe('cis-3.0');
    expect(getFramework('cis-3.0.0').id).toBe('cis-3.0');
    expect(getFramework('fsbp').id).toBe('fsbp');
    expect(() => getFramework('pci')).toThrow(UnknownFrameworkError);
  });

  it('derives the mapping from the checks metadata, the one source of truth', () => {
    const a = { ...ALL_CHECKS[0], id: 'a', compliance: { cis: ['1.4'] } } as AnyCheck;
    const b = { ...ALL_CHECKS[0], id: 'b', compliance: { cis: ['1.4', '1.5'], fsbp: ['IAM.4'] } } as AnyCheck;
    const c = { ...ALL_CHECKS[0], id: 'c', compliance: undefined } as AnyCheck;
    const m = mapping(getFramework('cis'), [a, b, c]);
    expect(m.find((r) => r.requirement.id === '1.4')?.checkIds).toEqual(['a', 'b']);
    expect(m.find((r) => r.requirement.id === '1.5')?.checkIds).toEqual(['b']);
    expect(m.find((r) => r.requirement.id === '1.1')?.checkIds).toEqual([]);
    expect(checksFor(getFramework('cis'), [a, b, c]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(checksFor(getFramework('fsbp'), [a, b, c]).map((x) => x.id)).toEqual(['b']);
  });
});
