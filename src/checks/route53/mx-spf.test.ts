import { failed } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check, { createMxSpfCheck } from './mx-spf.js';
import { zone, zoneArn, zones } from './__tests__/fixtures.js';

const Z = zoneArn('Z1');
const mx = (status: 'pass' | 'fail', message: string) => ({ status, resourceId: Z, detail: 'mx', message });
const spf = (status: 'pass' | 'fail' | 'unknown', message: string, severity?: 'high') => ({ status, resourceId: Z, detail: 'spf', message, ...(severity ? { severity } : {}) });
const MX_OK = mx('pass', 'Zone example.com has an MX record (mx1.example.net, mx2.example.net).');
const mxRecord: [string, string, string[]] = ['@', 'MX', ['10 mx1.example.net.', '20 mx2.example.net.']];
const txt = (...values: string[]): [string, string, string[]] => ['@', 'TXT', values.map((v) => `"${v}"`)];

testCheck(check, {
  pass: [
    {
      name: 'MX and a strict SPF record whose include is resolved in another known zone; private zones are not judged',
      inventory: [
        zones(
          zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 include:_spf.example.org -all', 'some-verification=abc')]),
          zone('Z2', 'example.org.', [['_spf', 'TXT', ['"v=spf1 ip4:192.0.2.0/24 " "mx -all"']], mxRecord, txt('v=spf1 -all')]),
          zone('Z3', 'corp.internal.', [], true),
        ),
      ],
      findings: [
        MX_OK,
        spf('pass', 'Zone example.com has one valid SPF record, ending in -all, that needs 2 of the 10 DNS lookups allowed.'),
        { status: 'pass', resourceId: zoneArn('Z2'), detail: 'mx', message: 'Zone example.org has an MX record (mx1.example.net, mx2.example.net).' },
        { status: 'pass', resourceId: zoneArn('Z2'), detail: 'spf', message: 'Zone example.org has one valid SPF record, ending in -all, that needs 0 of the 10 DNS lookups allowed.' },
      ],
    },
    {
      name: 'a domain that sends and receives no mail: null MX and "v=spf1 -all"',
      inventory: [zones(zone('Z1', 'example.com.', [['@', 'MX', ['0 .']], txt('v=spf1 -all')]))],
      findings: [mx('pass', 'Zone example.com publishes a null MX (RFC 7505): it declares that it receives no mail.'), spf('pass', 'Zone example.com has one valid SPF record, ending in -all, that needs 0 of the 10 DNS lookups allowed.')],
    },
    {
      name: "a provider's record outside the account, given in the options",
      options: { externalTxt: { '_spf.mailer.example': ['v=spf1 ip4:198.51.100.0/24 ~all'] } },
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 include:_spf.mailer.example ~all')]))],
      findings: [MX_OK, spf('pass', 'Zone example.com has one valid SPF record, ending in ~all, that needs 1 of the 10 DNS lookups allowed.')],
    },
  ],
  fail: [
    {
      name: 'no MX and no SPF',
      inventory: [zones(zone('Z1', 'example.com.', [['www', 'A', ['192.0.2.1']]]))],
      findings: [
        mx('fail', 'Zone example.com has no MX record at its apex: publish one, or a null MX ("0 .") if the domain receives no mail.'),
        spf('fail', 'Zone example.com has no SPF record (a TXT record starting "v=spf1") at its apex; even a domain that sends no mail should publish "v=spf1 -all".'),
      ],
    },
    {
      name: 'a null MX beside real ones; SPF only as the obsolete SPF type',
      inventory: [zones(zone('Z1', 'example.com.', [['@', 'MX', ['0 .', '10 mx1.example.net.']], ['@', 'SPF', ['"v=spf1 -all"']]]))],
      findings: [
        mx('fail', 'Zone example.com mixes a null MX with other MX records (0 ., 10 mx1.example.net.): RFC 7505 requires the null MX to stand alone.'),
        spf('fail', 'Zone example.com publishes SPF only as the obsolete SPF record type, which receivers ignore (RFC 7208 §3.1): publish it as TXT.'),
      ],
    },
    {
      name: 'two SPF records',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 mx -all', 'v=spf1 include:_spf.example.com -all')]))],
      findings: [MX_OK, spf('fail', 'Zone example.com has 2 SPF records at its apex: receivers return permerror, as if it had none. Merge them into one.')],
    },
    {
      name: '+all lets anyone send: high severity',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 mx +all')]))],
      findings: [MX_OK, spf('fail', 'Zone example.com: SPF record "v=spf1 mx +all" ends in +all, which lets anyone send mail as the domain.', 'high')],
    },
    {
      name: 'a bare "all" means +all',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 ip4:192.0.2.1 all')]))],
      findings: [MX_OK, spf('fail', 'Zone example.com: SPF record "v=spf1 ip4:192.0.2.1 all" ends in +all, which lets anyone send mail as the domain.', 'high')],
    },
    {
      name: 'no all and no redirect: neutral, as ?all',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 mx')]))],
      findings: [MX_OK, spf('fail', 'Zone example.com: SPF record "v=spf1 mx" has neither an all mechanism nor a redirect, so other senders get "neutral", as with ?all.')],
    },
    {
      name: 'a syntax error',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 ip4:10.0.0.0/8/8 -all')]))],
      findings: [MX_OK, spf('fail', 'Zone example.com: SPF record "v=spf1 ip4:10.0.0.0/8/8 -all" does not parse ("ip4:10.0.0.0/8/8": invalid IPv4 prefix length): receivers return permerror.')],
    },
    {
      name: 'more than 10 lookups through includes the zones answer',
      inventory: [
        zones(
          zone('Z1', 'example.com.', [
            mxRecord,
            txt('v=spf1 include:_a.example.com include:_b.example.com -all'),
            ['_a', 'TXT', ['"v=spf1 a mx ptr exists:x.example.com a:y.example.com ~all"']],
            ['_b', 'TXT', ['"v=spf1 a mx mx:z.example.com a:w.example.com ~all"']],
          ]),
        ),
      ],
      findings: [MX_OK, spf('fail', 'Zone example.com: SPF record "v=spf1 include:_a.example.com include:_b.example.com -all" needs 11 DNS lookups, more than the 10 allowed (receivers return permerror).')],
    },
    {
      name: 'an include that points to a name without an SPF record',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 include:_old.example.com -all')]))],
      findings: [
        MX_OK,
        spf('fail', 'Zone example.com: SPF record "v=spf1 include:_old.example.com -all" is broken: include:_old.example.com: _old.example.com has no SPF record (receivers return permerror).'),
      ],
    },
  ],
  unknown: [
    {
      name: "an include of a provider outside the account: the count is only a lower bound",
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 include:_spf.mailer.example -all')]))],
      findings: [
        MX_OK,
        spf(
          'unknown',
          'Zone example.com: SPF record "v=spf1 include:_spf.mailer.example -all" needs at least 1 DNS lookup(s), but include:_spf.mailer.example: _spf.mailer.example is outside the hosted zones Rampart read: list those records in the check\'s externalTxt option to judge it.',
        ),
      ],
    },
    {
      name: "a zone's records could not be read",
      inventory: [zones({ ...zone('Z1', 'example.com.', []), records: failed('route53:ListResourceRecordSets', 'Throttling') })],
      findings: [{ status: 'unknown', resourceId: Z, message: 'Could not read the records of zone example.com: route53:ListResourceRecordSets failed: Throttling.' }],
    },
    {
      name: 'the zones could not be listed',
      inventory: [],
      findings: [{ status: 'unknown', resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`, message: 'Could not read the hosted zones: route53:ListHostedZones failed: not collected: not part of this inventory.' }],
    },
  ],
});

// A live resolver can be plugged in for what the inventory does not hold: the check stays the same.
testCheck(createMxSpfCheck((name) => (name === '_spf.mailer.example' ? { kind: 'records', values: ['v=spf1 a mx ip4:198.51.100.0/24 -all'] } : { kind: 'none' })), {
  pass: [
    {
      name: 'an injected resolver answers for the provider',
      inventory: [zones(zone('Z1', 'example.com.', [mxRecord, txt('v=spf1 include:_spf.mailer.example -all')]))],
      findings: [MX_OK, spf('pass', 'Zone example.com has one valid SPF record, ending in -all, that needs 3 of the 10 DNS lookups allowed.')],
    },
  ],
  fail: [],
});
