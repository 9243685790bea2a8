import { ok, type Acl, type Bucket, type LifecycleRule } from '../../../inventory/index.js';
import { ALL_USERS_URI, AUTHENTICATED_USERS_URI, LOG_DELIVERY_URI } from '../../../inventory/index.js';
import { asBool, asNum, asStr, asTags } from '../../iac/fields.js';
import { newBucket, parsePolicy } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { refOf } from '../identity.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

/** The grants of a canned ACL, as S3 applies them. */
export function cannedAcl(name: string): Acl {
  const owner = { grantee: { type: 'CanonicalUser' as const }, permission: 'FULL_CONTROL' as const };
  const group = (uri: string, permission: Acl['grants'][number]['permission']) => ({ grantee: { type: 'Group' as const, uri }, permission });
  switch (name.toLowerCase().replace(/[-_]/g, '')) {
    case 'publicread':
      return { grants: [owner, group(ALL_USERS_URI, 'READ')] };
    case 'publicreadwrite':
      return { grants: [owner, group(ALL_USERS_URI, 'READ'), group(ALL_USERS_URI, 'WRITE')] };
    case 'authenticatedread':
      return { grants: [owner, group(AUTHENTICATED_USERS_URI, 'READ')] };
    case 'logdeliverywrite':
      return { grants: [owner, group(LOG_DELIVERY_URI, 'WRITE'), group(LOG_DELIVERY_URI, 'READ_ACP')] };
    default:
      return { grants: [owner] };
  }
}

const bucket: Mapper = (m) => {
  const p = m.props;
  const name = String(refOf(m.type, m.logicalId, () => p, m.where));
  const b: Bucket = newBucket(name, m.where.region, m.where.partition, declared(m));
  const f = fieldsOf(m, b.arn);
  if (p.AccessControl !== undefined) b.acl = f.attr(p.AccessControl, (v) => cannedAcl(String(v)));
  if (p.PublicAccessBlockConfiguration !== undefined) {
    // A configuration block that leaves a setting out turns that setting off.
    b.publicAccessBlock = f.attr(p.PublicAccessBlockConfiguration, (v) => {
      const c = obj(v);
      return {
        blockPublicAcls: asBool(c.BlockPublicAcls) === true,
        ignorePublicAcls: asBool(c.IgnorePublicAcls) === true,
        blockPublicPolicy: asBool(c.BlockPublicPolicy) === true,
        restrictPublicBuckets: asBool(c.RestrictPublicBuckets) === true,
      };
    });
  }
  const ownership = list(obj(p.OwnershipControls).Rules)[0];
  if (ownership !== undefined) {
    b.ownershipControls = f.attr(obj(ownership).ObjectOwnership, (v) =>
      v === 'BucketOwnerPreferred' || v === 'ObjectWriter' ? v : 'BucketOwnerEnforced',
    );
  }
  if (p.VersioningConfiguration !== undefined) {
    b.versioning = f.attr(obj(p.VersioningConfiguration).Status, (v) => ({
      status: v === 'Enabled' ? 'Enabled' : v === 'Suspended' ? 'Suspended' : 'Disabled',
      mfaDelete: 'Disabled', // CloudFormation cannot enable MFA delete
    }));
  }
  const sse = list(obj(p.BucketEncryption).ServerSideEncryptionConfiguration);
  if (sse.length) {
    b.encryption = f.attr(sse, () => ({
      rules: sse.map((r) => {
        const d = obj(obj(r).ServerSideEncryptionByDefault);
        const key = asStr(d.KMSMasterKeyID);
        const bk = asBool(obj(r).BucketKeyEnabled);
        return {
          algorithm: String(asStr(d.SSEAlgorithm) ?? 'AES256'),
          ...(typeof key === 'string' ? { kmsKeyId: key } : {}),
          ...(typeof bk === 'boolean' ? { bucketKeyEnabled: bk } : {}),
        };
      }),
    }));
  }
  const rules = list(obj(p.LifecycleConfiguration).Rules);
  if (rules.length) b.lifecycle = f.attr(rules, () => rules.map((r) => lifecycleRule(obj(r))));
  if (p.LoggingConfiguration !== undefined) {
    b.logging = f.attr(p.LoggingConfiguration, (v) => {
      const l = obj(v);
      const prefix = asStr(l.LogFilePrefix);
      // Without a destination, S3 writes the logs to the bucket itself.
      return { targetBucket: String(asStr(l.DestinationBucketName) ?? name), ...(typeof prefix === 'string' ? { targetPrefix: prefix } : {}) };
    });
  }
  b.tags = ok(asTags(p.Tags));
  m.c.buckets.push(b);
};

function lifecycleRule(r: Record<string, unknown>): LifecycleRule {
  const transitions = [...list(r.Transitions), ...list(r.Transition)].map((t) => {
    const o = obj(t);
    const days = asNum(o.TransitionInDays);
    const date = asStr(o.TransitionDate);
    return {
      storageClass: String(asStr(o.StorageClass) ?? ''),
      ...(typeof days === 'number' ? { days } : {}),
      ...(typeof date === 'string' ? { date } : {}),
    };
  });
  const nct = [...list(r.NoncurrentVersionTransitions), ...list(r.NoncurrentVersionTransition)].map((t) => {
    const o = obj(t);
    const days = asNum(o.TransitionInDays);
    return { storageClass: String(asStr(o.StorageClass) ?? ''), ...(typeof days === 'number' ? { days } : {}) };
  });
  const id = asStr(r.Id);
  const prefix = asStr(r.Prefix);
  const exp = asNum(r.ExpirationInDays);
  // TagFilters and the size bounds narrow the rule to some objects (a rule's filter in the S3 API).
  const tags = asTags(r.TagFilters);
  const gt = asNum(r.ObjectSizeGreaterThan);
  const lt = asNum(r.ObjectSizeLessThan);
  return {
    enabled: r.Status === 'Enabled',
    transitions,
    noncurrentVersionTransitions: nct,
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof prefix === 'string' ? { prefix } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(typeof gt === 'number' ? { objectSizeGreaterThan: gt } : {}),
    ...(typeof lt === 'number' ? { objectSizeLessThan: lt } : {}),
    ...(typeof exp === 'number' ? { expirationDays: exp } : {}),
  };
}

const bucketPolicy: Mapper = (m) => {
  const target = asStr(m.props.Bucket);
  if (typeof target !== 'string') return; // a deploy-time bucket: cannot tell which one it governs
  const doc = parsePolicy(m.props.PolicyDocument);
  const value: Bucket['policy'] = isUnknown(doc)
    ? { state: 'unknown', reason: doc.reason, location: doc.location ?? m.location }
    : doc === undefined
      ? { state: 'unknown', reason: 'the policy document is not an object', location: m.location }
      : fieldsOf(m, target).attr(doc, (d) => d as Record<string, unknown>);
  m.c.bucketParts.push({ bucket: target, field: 'policy', value, location: m.location });
};

export const s3Mappers: Record<string, Mapper> = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
};

