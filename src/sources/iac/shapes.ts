import {
  absent,
  ok,
  type Bucket,
  type PolicyDocument,
  type SecurityGroupRule,
  type SourceLocation,
} from '../../inventory/index.js';
import type { FieldReader } from './fields.js';
import { asNum, asStr } from './fields.js';
import { Unknown, UnknownJson, findUnknown, isRecord, isUnknown } from './value.js';

/** Provenance of one declared resource. */
export interface Declared {
  location?: SourceLocation;
  condition?: string;
}

export function provenance(d: Declared): Declared {
  return { ...(d.location ? { location: d.location } : {}), ...(d.condition ? { condition: d.condition } : {}) };
}

/**
 * A bucket as S3 creates it when a template sets nothing: since April 2023 new buckets block
 * public access and disable ACLs (BucketOwnerEnforced); since January 2023 they encrypt with
 * SSE-S3. No policy, no versioning, no lifecycle, no logging.
 */
export function newBucket(name: string, region: string, partition: string, d: Declared): Bucket {
  return {
    ...provenance(d),
    name,
    arn: `arn:${partition}:s3:::${name}`,
    region,
    acl: ok({ grants: [{ grantee: { type: 'CanonicalUser' }, permission: 'FULL_CONTROL' }] }),
    policy: absent(),
    policyStatus: absent(),
    publicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    ownershipControls: ok('BucketOwnerEnforced'),
    versioning: ok({ status: 'Disabled', mfaDelete: 'Disabled' }),
    encryption: ok({ rules: [{ algorithm: 'AES256', bucketKeyEnabled: false }] }),
    lifecycle: absent(),
    logging: absent(),
    tags: ok({}),
  };
}

/** A policy document from a template: an object, or JSON text (Terraform's jsonencode, heredocs). */
export function parsePolicy(v: unknown): PolicyDocument | Unknown | undefined {
  // Partly known JSON: the statements are there, with Unknowns where values are missing.
  if (v instanceof UnknownJson && isRecord(v.partial)) return v.partial;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(v) ? v : undefined;
}

/**
 * An identity policy with deploy-time values: the values become a placeholder that matches no
 * real principal, action or resource, and the principal's passes become `unknown` (the field is
 * deferred). A bucket or topic policy is an Attr and takes the unknown state whole instead.
 */
export function identityPolicy(f: FieldReader, field: string, v: unknown): PolicyDocument | undefined {
  const doc = parsePolicy(v);
  if (doc === undefined) return undefined;
  if (isUnknown(doc)) {
    f.defer(field, doc);
    return { Version: '2012-10-17', Statement: [] };
  }
  const u = findUnknown(doc);
  if (!u) return doc;
  f.defer(field, u);
  return replaceUnknowns(doc) as PolicyDocument;
}

function replaceUnknowns(v: unknown): unknown {
  if (isUnknown(v)) return `\${deploy-time: ${v.reason}}`;
  if (Array.isArray(v)) return v.map(replaceUnknowns);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceUnknowns(x)]));
  return v;
}

export type RuleSource = SecurityGroupRule['source'];

/** Normalises a protocol name as DescribeSecurityGroupRules gives it: '-1', 'tcp', 'udp', 'icmp', 'icmpv6' or a number. */
export function normProtocol(p: string): string {
  const s = p.toLowerCase();
  if (s === 'all' || s === '-1' || s === '') return '-1';
  if (s === '6') return 'tcp';
  if (s === '17') return 'udp';
  if (s === '1') return 'icmp';
  if (s === '58') return 'icmpv6';
  return s;
}

/**
 * One rule per source, as the live collector flattens them. A rule whose protocol, ports or
 * source is known only at deploy time is left out of the list and deferred: it is never read as
 * open to the world, and the group never passes while it is there.
 */
/** The worst a deploy-time rule can be: all traffic from anywhere. */
export const OPEN_RULES: SecurityGroupRule[] = [
  { protocol: '-1', source: { kind: 'cidr4', value: '0.0.0.0/0' } },
  { protocol: '-1', source: { kind: 'cidr6', value: '::/0' } },
];

export function sgRules(
  f: FieldReader,
  label: string,
  direction: 'ingress' | 'egress',
  r: { protocol: unknown; from: unknown; to: unknown; description?: unknown; sources: Array<{ kind: RuleSource['kind']; value: unknown; account?: unknown }> },
): SecurityGroupRule[] {
  const proto = asStr(r.protocol);
  const from = asNum(r.from);
  const to = asNum(r.to);
  for (const [what, v] of [
    ['protocol', proto],
    ['from port', from],
    ['to port', to],
  ] as const) {
    if (isUnknown(v)) {
      f.defer(`${label} ${what}`, v, { prop: direction, append: OPEN_RULES });
      return [];
    }
  }
  const protocol = normProtocol(typeof proto === 'string' ? proto : '-1');
  const allPorts = protocol === '-1';
  const description = asStr(r.description);
  const out: SecurityGroupRule[] = [];
  for (const s of r.sources) {
    const value = asStr(s.value);
    if (isUnknown(value)) {
      f.defer(`${label} ${s.kind === 'group' ? 'source group' : 'source'}`, value, { prop: direction, append: OPEN_RULES });
      continue;
    }
    if (value === undefined || value === '') continue;
    const account = asStr(s.account);
    const source: RuleSource =
      s.kind === 'group'
        ? { kind: 'group', value, ...(typeof account === 'string' ? { account } : {}) }
        : { kind: s.kind, value };
    out.push({
      protocol,
      ...(allPorts || typeof from !== 'number' ? {} : { fromPort: from }),
      ...(allPorts || typeof to !== 'number' ? {} : { toPort: to }),
      source,
      ...(typeof description === 'string' && description !== '' ? { description } : {}),
    });
  }
  return out;
}
