import { ok, type Acl, type Bucket, type Grant, type LifecycleRule } from '../../../inventory/index.js';
import { asBool, asNum, asTags } from '../../iac/fields.js';
import { newBucket, parsePolicy } from '../../iac/shapes.js';
import type { BucketAttrField } from '../../iac/collector.js';
import { isUnknown, type Unknown } from '../../iac/value.js';
import { cannedAcl } from '../../cloudformation/map/s3.js';
import { block, blocks, declared, fieldsOf, rec, str, type TfMapContext, type TfMapper } from './context.js';

/** The bucket a split resource names (its `bucket` argument is the bucket's name). */
function target(m: TfMapContext): string | undefined {
  const b = m.cfg.bucket;
  return typeof b === 'string' ? b.replace(/^arn:[^:]+:s3:::/, '') : undefined;
}

function part<K extends BucketAttrField>(m: TfMapContext, field: K, value: (f: ReturnType<typeof fieldsOf>) => Bucket[K]): void {
  const bucket = target(m);
  if (!bucket) return; // a deploy-time bucket name: cannot tell which bucket it configures
  const f = fieldsOf(m, `arn:${m.where.partition}:s3:::${bucket}`);
  m.c.bucketParts.push({ bucket, field, value: value(f), location: m.location });
}

function sseRules(rules: Array<Record<string, unknown> | Unknown>) {
  return rules.map((r) => {
    const d = rec(block(rec(r).apply_server_side_encryption_by_default));
    const key = str(d.kms_master_key_id);
    const bk = asBool(rec(r).bucket_key_enabled);
    return { algorithm: str(d.sse_algorithm) ?? 'AES256', ...(key ? { kmsKeyId: key } : {}), ...(typeof bk === 'boolean' ? { bucketKeyEnabled: bk } : {}) };
  });
}

function lifecycleRules(rules: Array<Record<string, unknown> | Unknown>, legacy: boolean): LifecycleRule[] {
  return rules.map((x) => {
    const r = rec(x);
    const filter = rec(block(r.filter));
    const and = rec(block(filter.and));
    const prefix = str(r.prefix) ?? str(filter.prefix) ?? str(and.prefix);
    // The legacy lifecycle_rule takes a tags map; the split resource a filter.tag block or filter.and.tags.
    const tag = rec(block(filter.tag));
    const tags = { ...asTags(r.tags), ...asTags(and.tags), ...(str(tag.key) !== undefined ? { [str(tag.key)!]: str(tag.value) ?? '' } : {}) };
    const gt = asNum(filter.object_size_greater_than ?? and.object_size_greater_than);
    const lt = asNum(filter.object_size_less_than ?? and.object_size_less_than);
    const exp = rec(block(r.expiration));
    const days = asNum(exp.days);
    const id = str(r.id);
    return {
      enabled: legacy ? asBool(r.enabled) === true : r.status === 'Enabled',
      ...(id ? { id } : {}),
      ...(prefix ? { prefix } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
      ...(typeof gt === 'number' ? { objectSizeGreaterThan: gt } : {}),
      ...(typeof lt === 'number' ? { objectSizeLessThan: lt } : {}),
      transitions: blocks(r.transition).map((t) => {
        const o = rec(t);
        const d = asNum(o.days);
        return { storageClass: str(o.storage_class) ?? '', ...(typeof d === 'number' ? { days: d } : {}), ...(str(o.date) ? { date: str(o.date) } : {}) };
      }),
      noncurrentVersionTransitions: blocks(r.noncurrent_version_transition).map((t) => {
        const o = rec(t);
        const d = asNum(o.noncurrent_days ?? o.days);
        return { storageClass: str(o.storage_class) ?? '', ...(typeof d === 'number' ? { days: d } : {}) };
      }),
      ...(typeof days === 'number' ? { expirationDays: days } : {}),
    };
  });
}

const bucket: TfMapper = (m) => {
  const c = m.cfg;
  const name = typeof c.bucket === 'string' ? c.bucket : m.address;
  const b = newBucket(name, m.where.region, m.where.partition, declared(m));
  const f = fieldsOf(m, b.arn);
  // Provider v3 arguments, still accepted (deprecated) by v4 and v5.
  if (c.acl !== undefined && c.acl !== null) b.acl = f.attr(c.acl, (v) => cannedAcl(String(v)));
  if (c.policy !== undefined && c.policy !== null) b.policy = policyAttr(f, c.policy, m);
  const ver = blocks(c.versioning)[0];
  if (ver !== undefined) {
    b.versioning = f.attr(ver, (v) => ({
      status: asBool(rec(v).enabled) === true ? 'Enabled' : 'Disabled',
      mfaDelete: asBool(rec(v).mfa_delete) === true ? 'Enabled' : 'Disabled',
    }));
  }
  const sse = blocks(c.server_side_encryption_configuration)[0];
  if (sse !== undefined) b.encryption = f.attr(sse, (v) => ({ rules: sseRules(blocks(rec(v).rule)) }));
  const lc = blocks(c.lifecycle_rule);
  if (lc.length) b.lifecycle = f.attr(lc, () => lifecycleRules(lc, true));
  const log = blocks(c.logging)[0];
  if (log !== undefined) b.logging = f.attr(log, (v) => ({ targetBucket: String(rec(v).target_bucket ?? ''), ...(str(rec(v).target_prefix) ? { targetPrefix: str(rec(v).target_prefix) } : {}) }));
  b.tags = ok(asTags(c.tags));
  m.c.buckets.push(b);
};

function policyAttr(f: ReturnType<typeof fieldsOf>, v: unknown, m: TfMapContext): Bucket['policy'] {
  const doc = parsePolicy(v);
  if (isUnknown(doc)) return { state: 'unknown', reason: doc.reason, location: doc.location ?? m.location };
  if (doc === undefined) return { state: 'unknown', reason: 'the policy is not a JSON object', location: m.location };
  return f.attr(doc, (d) => d as Record<string, unknown>);
}

function grantOf(g: Record<string, unknown>): Grant | undefined {
  const grantee = rec(block(g.grantee));
  const type = grantee.type === 'Group' ? 'Group' : grantee.type === 'AmazonCustomerByEmail' ? 'AmazonCustomerByEmail' : 'CanonicalUser';
  const permission = str(g.permission);
  if (!permission || !['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP'].includes(permission)) return undefined;
  return {
    grantee: { type, ...(str(grantee.id) ? { id: str(grantee.id) } : {}), ...(str(grantee.uri) ? { uri: str(grantee.uri) } : {}), ...(str(grantee.display_name) ? { displayName: str(grantee.display_name) } : {}) },
    permission: permission as Grant['permission'],
  };
}

const mappers: Record<string, TfMapper> = {
  aws_s3_bucket: bucket,
  aws_s3_bucket_policy: (m) => part(m, 'policy', (f) => policyAttr(f, m.cfg.policy, m)),
  aws_s3_bucket_acl: (m) =>
    part(m, 'acl', (f) => {
      const acp = blocks(m.cfg.access_control_policy)[0];
      if (acp !== undefined) {
        return f.attr(acp, (v): Acl => ({ grants: blocks(rec(v).grant).flatMap((g) => grantOf(rec(g)) ?? []) }));
      }
      return f.attr(m.cfg.acl ?? 'private', (v) => cannedAcl(String(v)));
    }),
  aws_s3_bucket_public_access_block: (m) =>
    part(m, 'publicAccessBlock', (f) =>
      // Each setting defaults to false in this resource.
      f.attr([m.cfg.block_public_acls, m.cfg.ignore_public_acls, m.cfg.block_public_policy, m.cfg.restrict_public_buckets], () => ({
        blockPublicAcls: asBool(m.cfg.block_public_acls) === true,
        ignorePublicAcls: asBool(m.cfg.ignore_public_acls) === true,
        blockPublicPolicy: asBool(m.cfg.block_public_policy) === true,
        restrictPublicBuckets: asBool(m.cfg.restrict_public_buckets) === true,
      })),
    ),
  aws_s3_bucket_versioning: (m) =>
    part(m, 'versioning', (f) =>
      f.attr(block(m.cfg.versioning_configuration), (v) => {
        const s = rec(v).status;
        return { status: s === 'Enabled' ? 'Enabled' : s === 'Suspended' ? 'Suspended' : 'Disabled', mfaDelete: rec(v).mfa_delete === 'Enabled' ? 'Enabled' : 'Disabled' };
      }),
    ),
  aws_s3_bucket_server_side_encryption_configuration: (m) => part(m, 'encryption', (f) => f.attr(blocks(m.cfg.rule), (v) => ({ rules: sseRules(v as Array<Record<string, unknown>>) }))),
  aws_s3_bucket_lifecycle_configuration: (m) => part(m, 'lifecycle', (f) => f.attr(blocks(m.cfg.rule), (v) => lifecycleRules(v as Array<Record<string, unknown>>, false))),
  aws_s3_bucket_logging: (m) =>
    part(m, 'logging', (f) =>
      f.attr([m.cfg.target_bucket, m.cfg.target_prefix], () => ({ targetBucket: String(m.cfg.target_bucket ?? ''), ...(str(m.cfg.target_prefix) ? { targetPrefix: str(m.cfg.target_prefix) } : {}) })),
    ),
  aws_s3_bucket_ownership_controls: (m) =>
    part(m, 'ownershipControls', (f) =>
      f.attr(rec(block(m.cfg.rule)).object_ownership, (v) => (v === 'BucketOwnerPreferred' || v === 'ObjectWriter' ? v : 'BucketOwnerEnforced')),
    ),
  aws_s3_account_public_access_block: (m) => {
    const f = fieldsOf(m, `arn:${m.where.partition}:iam::${m.where.account}:root`);
    m.c.accountPublicAccessBlock = f.attr([m.cfg.block_public_acls, m.cfg.ignore_public_acls, m.cfg.block_public_policy, m.cfg.restrict_public_buckets], () => ({
      blockPublicAcls: asBool(m.cfg.block_public_acls) === true,
      ignorePublicAcls: asBool(m.cfg.ignore_public_acls) === true,
      blockPublicPolicy: asBool(m.cfg.block_public_policy) === true,
      restrictPublicBuckets: asBool(m.cfg.restrict_public_buckets) === true,
    }));
  },
};

export const s3Mappers = mappers;
