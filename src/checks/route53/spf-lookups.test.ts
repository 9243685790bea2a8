import { describe, expect, it } from 'vitest';
import { analyseSpf } from './spf-lookups.js';
import { parseSpf } from './spf-parse.js';
import type { TxtAnswer, TxtResolver } from './resolver.js';

/** A resolver over a fixed table: names it lacks are outside what we know. */
const table =
  (t: Record<string, string[] | 'none'>): TxtResolver =>
  (name): TxtAnswer => {
    const v = t[name];
    if (v === undefined) return { kind: 'unknown', reason: `${name} is outside the hosted zones Rampart read` };
    return v === 'none' ? { kind: 'none' } : { kind: 'records', values: v };
  };

const analyse = (record: string, t: Record<string, string[] | 'none'> = {}) => {
  const p = parseSpf(record);
  if (!p.ok) throw new Error(p.error);
  return analyseSpf(p.terms, table(t), 'example.com');
};

describe('analyseSpf: the 10-lookup limit of RFC 7208 §4.6.4', () => {
  it('counts a, mx, ptr, exists and include, not ip4/ip6/all', () => {
    expect(analyse('v=spf1 a mx ptr exists:x.example.com ip4:192.0.2.1 -all', {}).lookups).toBe(4);
  });

  it('counts the terms of included records, recursively', () => {
    const a = analyse('v=spf1 include:_a.example.com include:_b.example.com -all', {
      '_a.example.com': ['v=spf1 a mx -all'],
      '_b.example.com': ['v=spf1 include:_c.example.com ~all'],
      '_c.example.com': ['v=spf1 ip4:192.0.2.0/24 -all'],
    });
    expect(a).toMatchObject({ lookups: 5, unknown: [], errors: [], finalAll: '-' });
  });

  it('stops at the first all: later terms are never evaluated', () => {
    expect(analyse('v=spf1 a -all mx include:_x.example.com').lookups).toBe(1);
  });

  it('follows redirect when there is no all, and takes its all as the verdict', () => {
    const a = analyse('v=spf1 mx redirect=_spf.example.com', { '_spf.example.com': ['v=spf1 a ?all'] });
    expect(a).toMatchObject({ lookups: 3, finalAll: '?' });
  });

  it('says "none" for a record with neither all nor redirect', () => {
    expect(analyse('v=spf1 ip4:192.0.2.1').finalAll).toBe('none');
  });

  it('goes past 10 with a realistic stack of providers', () => {
    const inc = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`_p${i}.example.com`, ['v=spf1 a mx ~all']]));
    const record = `v=spf1 ${Object.keys(inc).map((n) => `include:${n}`).join(' ')} -all`;
    expect(analyse(record, inc).lookups).toBe(18);
  });

  it('reports what it could not follow: outside names and macros make the count a lower bound', () => {
    const a = analyse('v=spf1 include:_spf.provider.example exists:%{i}._ip.example.com include:%{d}._x.example.com -all');
    expect(a.lookups).toBe(3);
    expect(a.unknown).toEqual([
      'include:_spf.provider.example: _spf.provider.example is outside the hosted zones Rampart read',
      'include:%{d}._x.example.com depends on the sender (a macro)',
    ]);
  });

  it('finds permerrors in what it follows: a target without SPF, two SPF records, a loop', () => {
    const a = analyse('v=spf1 include:_none.example.com include:_two.example.com include:_loop.example.com -all', {
      '_none.example.com': 'none',
      '_two.example.com': ['v=spf1 -all', 'v=spf1 ~all'],
      '_loop.example.com': ['v=spf1 include:example.com -all'],
    });
    expect(a.errors).toEqual([
      'include:_none.example.com: _none.example.com has no SPF record',
      'include:_two.example.com: _two.example.com has 2 SPF records',
      'include:example.com loops back to example.com',
    ]);
  });

  it('flags an include whose target passes everyone', () => {
    expect(analyse('v=spf1 include:_open.example.com -all', { '_open.example.com': ['v=spf1 +all'] }).openIncludes).toEqual(['include:_open.example.com']);
  });
});
