import { describe, expect, it } from 'vitest';
import { buildInventory, failed, ok } from '../../inventory/index.js';
import { inventoryResolver } from './resolver.js';
import { normName, txtString } from './dns-text.js';

const rr = (name: string, type: string, values: string[]) => ({ name, type, values });
const zone = (name: string, records: ReturnType<typeof rr>[] | 'error', isPrivate = false) => ({
  id: `Z${name.length}`,
  arn: `arn:aws:route53:::hostedzone/Z${name.length}`,
  name,
  private: isPrivate,
  records: records === 'error' ? failed('route53:ListResourceRecordSets', 'Throttling') : ok(records),
});
const inv = (...zones: ReturnType<typeof zone>[]) => buildInventory([{ route53: { hostedZones: ok(zones) } }]);

describe('TXT values and names as Route 53 gives them', () => {
  it('joins character-strings without spaces and decodes escapes', () => {
    expect(txtString('"v=spf1 include:_spf.example.com " "~all"')).toBe('v=spf1 include:_spf.example.com ~all');
    // Route 53 escapes with three octal digits: \101 is "A".
    expect(txtString('"say \\"hi\\" \\101"')).toBe('say "hi" A');
    expect(txtString('v=spf1 -all')).toBe('v=spf1 -all');
  });
  it('normalises names: case, trailing dot, \\052 for a wildcard', () => {
    expect(normName('\\052.Example.COM.')).toBe('*.example.com');
  });
});

describe('inventoryResolver', () => {
  const main = zone('example.com.', [
    rr('example.com.', 'TXT', ['"v=spf1 -all"']),
    rr('_spf.example.com.', 'TXT', ['"v=spf1 " "ip4:192.0.2.0/24 -all"']),
    rr('alias.example.com.', 'CNAME', ['_spf.example.com.']),
    rr('www.example.com.', 'A', ['192.0.2.10']),
    rr('\\052.wild.example.com.', 'TXT', ['"v=spf1 a -all"']),
    rr('x.wild.example.com.', 'A', ['192.0.2.11']),
    rr('dept.example.com.', 'NS', ['ns1.elsewhere.example.']),
  ]);
  const resolve = inventoryResolver(inv(main, zone('corp.internal.', [rr('corp.internal.', 'TXT', ['"v=spf1 +all"'])], true)));

  it('answers from the zone, joined', () => expect(resolve('_SPF.example.com.')).toEqual({ kind: 'records', values: ['v=spf1 ip4:192.0.2.0/24 -all'] }));
  it('follows a CNAME inside the known zones', () => expect(resolve('alias.example.com')).toEqual({ kind: 'records', values: ['v=spf1 ip4:192.0.2.0/24 -all'] }));
  it('says none for a name with other records only, and for a name that does not exist', () => {
    expect(resolve('www.example.com')).toEqual({ kind: 'none' });
    expect(resolve('nothing.example.com')).toEqual({ kind: 'none' });
  });
  it('uses a wildcard only where the name does not exist (RFC 4592)', () => {
    expect(resolve('y.wild.example.com')).toEqual({ kind: 'records', values: ['v=spf1 a -all'] });
    expect(resolve('x.wild.example.com')).toEqual({ kind: 'none' });
  });
  it('does not answer for a delegated subdomain, nor outside the zones, nor from a private zone', () => {
    expect(resolve('_spf.dept.example.com').kind).toBe('unknown');
    expect(resolve('_spf.provider.example')).toEqual({ kind: 'unknown', reason: '_spf.provider.example is outside the hosted zones Rampart read' });
    expect(resolve('corp.internal').kind).toBe('unknown');
  });
  it('prefers the records the user listed, then asks the fallback for what nobody knows', () => {
    const r = inventoryResolver(inv(main), { '_spf.provider.example.': ['v=spf1 ip4:198.51.100.0/24 -all'] }, (n) => ({ kind: 'records', values: [`fallback for ${n}`] }));
    expect(r('_spf.provider.example')).toEqual({ kind: 'records', values: ['v=spf1 ip4:198.51.100.0/24 -all'] });
    expect(r('other.example')).toEqual({ kind: 'records', values: ['fallback for other.example'] });
  });
  it('an unreadable zone, or two public zones of one name, answer unknown', () => {
    expect(inventoryResolver(inv(zone('broken.example.', 'error')))('broken.example').kind).toBe('unknown');
    expect(inventoryResolver(inv(main, { ...main, id: 'Zdup', arn: 'arn:aws:route53:::hostedzone/Zdup' }))('example.com').kind).toBe('unknown');
  });
});
