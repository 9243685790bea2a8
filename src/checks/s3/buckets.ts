import type { Bucket, Inventory } from '../../inventory/index.js';
import { accountResource, missing, type MISSING } from '../helpers.js';
import type { CheckResult, ResourceRef } from '../types.js';

/** A bucket as a resource: S3 names are global, but each bucket lives in (and is reported in) its region. */
export function bucketResource(b: Bucket): ResourceRef {
  return {
    id: b.arn,
    type: 'AWS::S3::Bucket',
    region: b.region,
    ...(b.location ? { location: b.location } : {}),
    ...(b.condition ? { condition: b.condition } : {}),
  };
}

/** Runs `each` over the buckets, or gives one `unknown` for the account when they could not be listed. */
export function forEachBucket<M extends string>(inv: Inventory, each: (b: Bucket) => CheckResult<M>[]): CheckResult<M | typeof MISSING>[] {
  const list = inv.s3.buckets;
  if (list.state === 'ok') return list.value.flatMap(each);
  if (list.state === 'absent') return [];
  return [missing(accountResource(inv), list, 'the S3 buckets')];
}

/** The account's buckets by name (empty when they could not be listed), for lookups from other resources. */
export function bucketsByName(inv: Inventory): Map<string, Bucket> {
  const list = inv.s3.buckets;
  return new Map(list.state === 'ok' ? list.value.map((b) => [b.name, b]) : []);
}
