import { describe, expect, it } from 'vitest';
import { firstAll, isSpfRecord, parseSpf, redirectOf } from './spf-parse.js';

describe('isSpfRecord (RFC 7208 §4.5)', () => {
  it.each([
    ['v=spf1 -all', true],
    ['v=spf1', true],
    ['V=SPF1 ~all', true],
    ['v=spf10 -all', false],
    ['v=spf1-all', false],
    ['spf2.0/pra -all', false],
    ['google-site-verification=abc', false],
  ])('%s → %s', (txt, want) => expect(isSpfRecord(txt)).toBe(want));
});

describe('parseSpf', () => {
  const ok = (rec: string) => {
    const p = parseSpf(rec);
    if (!p.ok) throw new Error(p.error);
    return p.terms;
  };
  const err = (rec: string) => {
    const p = parseSpf(rec);
    return p.ok ? 'parsed' : p.error;
  };

  it('reads qualifiers, mechanisms with domains and prefix lengths, and modifiers', () => {
    const t = ok('v=spf1 +a mx:mail.example.com/24 -ip4:192.0.2.0/24 ~ip6:2001:db8::/32 ?include:_spf.example.net exists:%{i}._spf.%{d} redirect=_spf.example.com exp=explain.%{d}  ');
    expect(t.map((x) => (x.kind === 'mechanism' ? `${x.qualifier}${x.name}` : `${x.name}=`))).toEqual(['+a', '+mx', '-ip4', '~ip6', '?include', '+exists', 'redirect=', 'exp=']);
    expect(t[1]).toMatchObject({ domain: 'mail.example.com' });
    expect(t[2]).toMatchObject({ network: '192.0.2.0/24' });
  });

  it('accepts the dual CIDR form of a and mx', () => {
    expect(ok('v=spf1 a/24//64 mx:example.com//126 -all')).toHaveLength(3);
  });

  it('accepts unknown modifiers (they are ignored), and mechanism names in any case', () => {
    expect(ok('v=spf1 IP4:192.0.2.1 MX foo=bar -ALL').map((x) => x.kind)).toEqual(['mechanism', 'mechanism', 'modifier', 'mechanism']);
  });

  it.each([
    ['v=spf1 ip4:192.0.2.300 -all', 'invalid IPv4 address'],
    ['v=spf1 ip4:192.0.2.01 -all', 'invalid IPv4 address'],
    ['v=spf1 ip4:192.0.2.0/33 -all', 'invalid IPv4 prefix length'],
    ['v=spf1 ip6:2001:db8::zz -all', 'invalid IPv6 address'],
    ['v=spf1 ip6:2001:db8::/129 -all', 'invalid IPv6 prefix length'],
    ['v=spf1 a/33 -all', 'invalid IPv4 prefix length'],
    ['v=spf1 include -all', 'include needs ":domain"'],
    ['v=spf1 include:localhost -all', 'not a fully qualified domain'],
    ['v=spf1 include:example.123 -all', 'valid top-level label'],
    ['v=spf1 all:example.com', 'all takes no argument'],
    ['v=spf1 ptr/24 -all', 'ptr takes no prefix length'],
    ['v=spf1 +spf2 -all', 'unknown mechanism'],
    ['v=spf1 ip4 -all', 'ip4 needs ":address"'],
    ['v=spf1 exists:%{z}.example.com -all', 'invalid macro %{z}'],
    ['v=spf1 exists:100%.example.com -all', 'a lone "%"'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', '"redirect=" appears more than once'],
    ['v=spf1 include:a..example.com -all', 'empty label'],
    ['spf1 -all', 'does not start with "v=spf1"'],
  ])('%s is a permerror: %s', (rec, why) => expect(err(rec)).toContain(why));

  it('finds the first all, and uses redirect only when there is none (§6.1)', () => {
    expect(firstAll(ok('v=spf1 ip4:192.0.2.1 ~all -all'))?.qualifier).toBe('~');
    expect(redirectOf(ok('v=spf1 redirect=_spf.example.com'))).toBe('_spf.example.com');
    expect(redirectOf(ok('v=spf1 -all redirect=_spf.example.com'))).toBeUndefined();
  });
});
