import { z } from 'zod';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { ancestors } from './dns-text.js';
import { inventoryResolver, publicZones, type TxtResolver } from './resolver.js';
import { zoneName, zoneResource } from './zone-resource.js';

const Options = z.object({
  /** TXT records outside the account (e.g. a _dmarc CNAME target at a DMARC provider). */
  externalTxt: z.record(z.string(), z.array(z.string())).default({}),
});

/** The tags of a DMARC record (RFC 7489 §6.3), or an error. */
function parseDmarc(txt: string): { tags: Map<string, string> } | { error: string } {
  const parts = txt.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const tags = new Map<string, string>();
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq < 0) return { error: `"${p}" is not a tag=value pair` };
    tags.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim());
  }
  if (parts[0]?.replace(/\s/g, '') !== 'v=DMARC1') return { error: 'it does not start with "v=DMARC1"' };
  const policy = tags.get('p')?.toLowerCase();
  if (!policy) return { error: 'it has no p= tag' };
  if (!['none', 'quarantine', 'reject'].includes(policy)) return { error: `p=${policy} is not none, quarantine or reject` };
  return { tags };
}

const isDmarc = (txt: string): boolean => /^v\s*=\s*DMARC1\s*(;|$)/.test(txt);

/** Looks up _dmarc.<name>: its DMARC records, or why it is not known. */
function lookup(resolve: TxtResolver, name: string): { records: string[] } | { unknown: string } {
  const a = resolve(`_dmarc.${name}`);
  if (a.kind === 'unknown') return { unknown: a.reason };
  return { records: a.kind === 'records' ? a.values.filter(isDmarc) : [] };
}

export function createDmarcCheck(fallback?: TxtResolver) {
  return defineCheck({
    id: 'route53.dmarc',
    title: 'Every public domain publishes a DMARC record',
    description:
      'SPF alone does not protect the From: address people see; DMARC ties SPF and DKIM to it and tells receivers what to do with mail that fails (p=quarantine or reject). Without a DMARC record receivers decide for themselves, and no reports show who sends as the domain.',
    severity: 'low',
    guideIds: ['route53.mx-spf'],
    needs: ['route53.hostedZones'],
    permissions: ['route53:ListHostedZones', 'route53:ListResourceRecordSets'],
    sources: ['aws', 'cloudformation', 'terraform'],
    remediation: {
      text: 'Publish a TXT record at _dmarc.<domain>: start with "v=DMARC1; p=none; rua=mailto:..." to collect reports, then move to p=quarantine and p=reject once legitimate senders pass. A domain that sends no mail can go straight to p=reject.',
      cli: 'aws route53 change-resource-record-sets --hosted-zone-id ZONE_ID --change-batch \'{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"_dmarc.example.com.","Type":"TXT","TTL":300,"ResourceRecords":[{"Value":"\\"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\\""}]}}]}\'',
      cloudformation:
        'DmarcRecord:\n  Type: AWS::Route53::RecordSet\n  Properties:\n    HostedZoneId: !Ref Zone\n    Name: _dmarc.example.com.\n    Type: TXT\n    TTL: 300\n    ResourceRecords:\n      - \'"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"\'',
      terraform:
        'resource "aws_route53_record" "dmarc" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = "_dmarc.example.com"\n  type    = "TXT"\n  ttl     = 300\n  records = ["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"]\n}',
    },
    messages: {
      enforced: 'Zone {{zone}} publishes a DMARC record with p={{policy}}.',
      monitorOnly: 'Zone {{zone}} publishes a DMARC record with p=none: receivers report failures but still deliver spoofed mail.',
      inherited: 'Zone {{zone}} has no DMARC record of its own; receivers use the one of {{parent}} (p={{policy}}).',
      none: 'Zone {{zone}} publishes no DMARC record at _dmarc.{{zone}}.',
      many: 'Zone {{zone}} publishes {{count}} DMARC records: receivers then ignore DMARC for the domain.',
      invalid: 'Zone {{zone}}: the DMARC record "{{record}}" is invalid ({{error}}), so receivers ignore it.',
      unknown: 'Zone {{zone}}: the DMARC record could not be looked up: {{why}}.',
      missing: 'Could not read {{what}}: {{why}}.',
    },
    options: Options,
    evaluate({ inventory, options }) {
      const zonesAttr = inventory.route53.hostedZones;
      if (zonesAttr.state !== 'ok' && zonesAttr.state !== 'absent') {
        return [missing(accountResource(inventory), zonesAttr, 'the hosted zones')];
      }
      const resolve = inventoryResolver(inventory, options.externalTxt, fallback);
      const known = new Set(publicZones(inventory).map(zoneName));
      const out: CheckResult[] = [];
      for (const hz of publicZones(inventory)) {
        const resource = zoneResource(hz);
        const zone = zoneName(hz);
        if (hz.records.state !== 'ok') {
          out.push(missing(resource, hz.records, `the records of zone ${zone}`));
          continue;
        }
        const own = lookup(resolve, zone);
        if ('unknown' in own) {
          out.push({ status: 'unknown', resource, message: 'unknown', data: { zone, why: own.unknown } });
          continue;
        }
        if (own.records.length > 1) {
          out.push({ status: 'fail', resource, message: 'many', data: { zone, count: own.records.length } });
          continue;
        }
        const record = own.records[0];
        if (record !== undefined) {
          const parsed = parseDmarc(record);
          if ('error' in parsed) out.push({ status: 'fail', resource, message: 'invalid', data: { zone, record, error: parsed.error } });
          else {
            const policy = parsed.tags.get('p')?.toLowerCase() ?? 'none';
            out.push(
              policy === 'none'
                ? { status: 'pass', resource, message: 'monitorOnly', data: { zone }, severity: 'info' }
                : { status: 'pass', resource, message: 'enforced', data: { zone, policy } },
            );
          }
          continue;
        }
        // A subdomain falls back to its organisational domain's record (RFC 7489 §6.6.3): take the
        // highest known parent zone as that domain, and its sp= (else p=) as the policy.
        const parent = [...ancestors(zone)].reverse().find((n) => known.has(n));
        const inherited = parent ? lookup(resolve, parent) : undefined;
        // The parent's record decides; when it cannot be looked up, neither can the verdict.
        if (inherited && 'unknown' in inherited) {
          out.push({ status: 'unknown', resource, message: 'unknown', data: { zone, why: `it has none of its own, and the record of ${parent ?? 'its parent'} it would inherit is not known: ${inherited.unknown}` } });
          continue;
        }
        const parentRecord = inherited && 'records' in inherited && inherited.records.length === 1 ? inherited.records[0] : undefined;
        const parentParsed = parentRecord !== undefined ? parseDmarc(parentRecord) : undefined;
        if (parent && parentParsed && 'tags' in parentParsed) {
          const policy = (parentParsed.tags.get('sp') ?? parentParsed.tags.get('p') ?? 'none').toLowerCase();
          out.push({ status: 'pass', resource, message: 'inherited', data: { zone, parent, policy } });
        } else out.push({ status: 'fail', resource, message: 'none', data: { zone } });
      }
      return out;
    },
  });
}

export default createDmarcCheck();
