import { z } from 'zod';
import type { HostedZone, RecordSet } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { normName, txtString } from './dns-text.js';
import { inventoryResolver, publicZones, recordsAt, type TxtResolver } from './resolver.js';
import { isSpfRecord, parseSpf } from './spf-parse.js';
import { analyseSpf, LOOKUP_LIMIT } from './spf-lookups.js';
import { zoneName, zoneResource } from './zone-resource.js';

const Options = z.object({
  /**
   * TXT records of domains outside the account that SPF records include (your mail provider's
   * _spf names), e.g. { "_spf.mailer.example": ["v=spf1 ip4:192.0.2.0/24 -all"] }. Without them,
   * such includes make the lookup count `unknown`.
   */
  externalTxt: z.record(z.string(), z.array(z.string())).default({}),
});

const ALL_MEANING: Record<string, string> = {
  '+': 'ends in +all, which lets anyone send mail as the domain',
  '?': 'ends in ?all, which tells receivers nothing about other senders',
  none: 'has neither an all mechanism nor a redirect, so other senders get "neutral", as with ?all',
};

/**
 * The check, with an optional resolver for names the inventory cannot answer (a live DNS
 * resolver, prefetched). The default is pure: only the inventory and the options.
 */
export function createMxSpfCheck(fallback?: TxtResolver) {
  return defineCheck({
    id: 'route53.mx-spf',
    title: 'Every public domain has an MX record and a valid, strict SPF record',
    description:
      'SPF tells receivers which servers may send mail for the domain; without it, or with a record that is permissive, broken or too expensive to evaluate (more than 10 DNS lookups gives permerror), anyone can spoof the domain. Domains that send no mail need one too ("v=spf1 -all"), and an MX (or a null MX) says where mail goes.',
    severity: 'medium',
    guideIds: ['route53.mx-spf'],
    needs: ['route53.hostedZones'],
    permissions: ['route53:ListHostedZones', 'route53:ListResourceRecordSets'],
    sources: ['aws', 'cloudformation', 'terraform'],
    remediation: {
      text: 'At the apex of each public zone publish an MX record (or the null MX "0 ." when the domain receives no mail) and exactly one TXT record starting "v=spf1" that lists your senders and ends in -all (or ~all while testing), needing at most 10 DNS lookups (flatten includes if needed). A domain that sends no mail: "v=spf1 -all".',
      cli: 'aws route53 change-resource-record-sets --hosted-zone-id ZONE_ID --change-batch \'{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"example.com.","Type":"TXT","TTL":300,"ResourceRecords":[{"Value":"\\"v=spf1 include:_spf.mailer.example -all\\""}]}},{"Action":"UPSERT","ResourceRecordSet":{"Name":"example.com.","Type":"MX","TTL":300,"ResourceRecords":[{"Value":"10 mx.mailer.example."}]}}]}\'',
      cloudformation:
        'SpfRecord:\n  Type: AWS::Route53::RecordSet\n  Properties:\n    HostedZoneId: !Ref Zone\n    Name: example.com.\n    Type: TXT\n    TTL: 300\n    ResourceRecords:\n      - \'"v=spf1 include:_spf.mailer.example -all"\'\nMxRecord:\n  Type: AWS::Route53::RecordSet\n  Properties:\n    HostedZoneId: !Ref Zone\n    Name: example.com.\n    Type: MX\n    TTL: 300\n    ResourceRecords:\n      - 10 mx.mailer.example.',
      terraform:
        'resource "aws_route53_record" "spf" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = "example.com"\n  type    = "TXT"\n  ttl     = 300\n  records = ["v=spf1 include:_spf.mailer.example -all"]\n}\nresource "aws_route53_record" "mx" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = "example.com"\n  type    = "MX"\n  ttl     = 300\n  records = ["10 mx.mailer.example."]\n}',
    },
    messages: {
      mx: 'Zone {{zone}} has an MX record ({{hosts}}).',
      nullMx: 'Zone {{zone}} publishes a null MX (RFC 7505): it declares that it receives no mail.',
      noMx: 'Zone {{zone}} has no MX record at its apex: publish one, or a null MX ("0 .") if the domain receives no mail.',
      badNullMx: 'Zone {{zone}} mixes a null MX with other MX records ({{hosts}}): RFC 7505 requires the null MX to stand alone.',
      spf: 'Zone {{zone}} has one valid SPF record, ending in {{all}}, that needs {{lookups}} of the 10 DNS lookups allowed.',
      noSpf: 'Zone {{zone}} has no SPF record (a TXT record starting "v=spf1") at its apex; even a domain that sends no mail should publish "v=spf1 -all".',
      spfTypeOnly: 'Zone {{zone}} publishes SPF only as the obsolete SPF record type, which receivers ignore (RFC 7208 §3.1): publish it as TXT.',
      manySpf: 'Zone {{zone}} has {{count}} SPF records at its apex: receivers return permerror, as if it had none. Merge them into one.',
      syntax: 'Zone {{zone}}: SPF record "{{record}}" does not parse ({{error}}): receivers return permerror.',
      spfBad: 'Zone {{zone}}: SPF record "{{record}}" {{problems}}.',
      spfUnknown: 'Zone {{zone}}: SPF record "{{record}}" needs at least {{lookups}} DNS lookup(s), but {{why}}: list those records in the check\'s externalTxt option to judge it.',
      missing: 'Could not read {{what}}: {{why}}.',
    },
    options: Options,
    evaluate({ inventory, options }) {
      const zonesAttr = inventory.route53.hostedZones;
      if (zonesAttr.state !== 'ok' && zonesAttr.state !== 'absent') {
        return [missing(accountResource(inventory), zonesAttr, 'the hosted zones')];
      }
      const resolve = inventoryResolver(inventory, options.externalTxt, fallback);
      const out: CheckResult[] = [];
      for (const hz of publicZones(inventory)) {
        const resource = zoneResource(hz);
        const zone = zoneName(hz);
        if (hz.records.state !== 'ok') {
          out.push(missing(resource, hz.records, `the records of zone ${zone}`));
          continue;
        }
        out.push(mxResult(hz, zone, hz.records.value));
        out.push(spfResult(hz, zone, hz.records.value, resolve));
      }
      return out;
    },
  });
}

/** MX at the apex: "preference exchange" values; a null MX is "0 ." (RFC 7505). */
function mxResult(hz: HostedZone, zone: string, records: RecordSet[]): CheckResult {
  const resource = zoneResource(hz);
  const values = recordsAt(records, zone, 'MX').flatMap((r) => r.values);
  if (values.length === 0) return { status: 'fail', resource, message: 'noMx', data: { zone }, detail: 'mx' };
  const hosts = values.map((v) => normName(v.trim().split(/\s+/)[1] ?? ''));
  const nulls = hosts.filter((h) => h === '');
  if (nulls.length > 0 && values.length === 1) return { status: 'pass', resource, message: 'nullMx', data: { zone }, detail: 'mx' };
  if (nulls.length > 0) return { status: 'fail', resource, message: 'badNullMx', data: { zone, hosts: values.join(', ') }, detail: 'mx' };
  return { status: 'pass', resource, message: 'mx', data: { zone, hosts: hosts.join(', ') }, detail: 'mx' };
}

function spfResult(hz: HostedZone, zone: string, records: RecordSet[], resolve: TxtResolver): CheckResult {
  const resource = zoneResource(hz);
  const base = { resource, detail: 'spf' } as const;
  const spf = recordsAt(records, zone, 'TXT').flatMap((r) => r.values.map(txtString)).filter(isSpfRecord);
  if (spf.length === 0) {
    const typeOnly = recordsAt(records, zone, 'SPF').length > 0;
    return { ...base, status: 'fail', message: typeOnly ? 'spfTypeOnly' : 'noSpf', data: { zone } };
  }
  if (spf.length > 1) return { ...base, status: 'fail', message: 'manySpf', data: { zone, count: spf.length } };
  const record = spf[0]!;
  const parsed = parseSpf(record);
  if (!parsed.ok) return { ...base, status: 'fail', message: 'syntax', data: { zone, record, error: parsed.error } };

  const a = analyseSpf(parsed.terms, resolve, zone);
  const problems: string[] = [];
  const meaning = ALL_MEANING[a.finalAll];
  if (meaning) problems.push(meaning);
  if (a.lookups > LOOKUP_LIMIT) problems.push(`needs ${a.lookups} DNS lookups, more than the ${LOOKUP_LIMIT} allowed (receivers return permerror)`);
  for (const e of a.errors) problems.push(`is broken: ${e} (receivers return permerror)`);
  for (const inc of a.openIncludes) problems.push(`passes every sender through ${inc}, whose record ends in +all`);
  if (problems.length > 0) {
    return { ...base, status: 'fail', message: 'spfBad', data: { zone, record, problems: problems.join('; ') }, ...(a.finalAll === '+' ? { severity: 'high' as const } : {}) };
  }
  if (a.unknown.length > 0 || a.finalAll === 'unknown') {
    return { ...base, status: 'unknown', message: 'spfUnknown', data: { zone, record, lookups: a.lookups, why: a.unknown.join('; ') || 'the redirect could not be followed' } };
  }
  return { ...base, status: 'pass', message: 'spf', data: { zone, all: `${a.finalAll}all`, lookups: a.lookups } };
}

export default createMxSpfCheck();
