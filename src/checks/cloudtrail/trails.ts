import { accountOfArn, type Attr, type Bucket, type Inventory, type Trail } from '../../inventory/index.js';
import { accountResource, missing, MISSING, regionsOf } from '../helpers.js';
import type { CheckResult, ResourceRef } from '../types.js';

/** A region whose trail list could not be read. */
export interface UnreadRegion {
  region: string;
  attr: Attr<unknown>;
}

/**
 * Every trail once. DescribeTrails shows a multi-region or organisation trail in every region
 * (shadow copies), so the same ARN appears many times; the copy listed in the trail's home
 * region is kept when there is one, since that is where its status and selectors were read.
 */
export function distinctTrails(inv: Inventory): { trails: Trail[]; unread: UnreadRegion[] } {
  const byArn = new Map<string, { trail: Trail; home: boolean }>();
  const unread: UnreadRegion[] = [];
  for (const [region, r] of regionsOf(inv)) {
    const list = r.cloudtrail.trails;
    if (list.state !== 'ok') {
      if (list.state !== 'absent') unread.push({ region, attr: list });
      continue;
    }
    for (const trail of list.value) {
      const home = trail.homeRegion === region;
      const seen = byArn.get(trail.arn);
      if (!seen || (home && !seen.home)) byArn.set(trail.arn, { trail, home });
    }
  }
  const trails = [...byArn.values()].map((v) => v.trail).sort((a, b) => a.arn.localeCompare(b.arn));
  return { trails, unread };
}

/** The trail as the resource of a finding; an organisation trail belongs to the account that owns it. */
export function trailResource(inv: Inventory, trail: Trail): ResourceRef {
  const owner = accountOfArn(trail.arn);
  return {
    id: trail.arn,
    type: 'AWS::CloudTrail::Trail',
    region: trail.homeRegion,
    ...(owner && owner !== inv.meta.accountId ? { account: owner } : {}),
    ...(trail.location ? { location: trail.location } : {}),
    ...(trail.condition ? { condition: trail.condition } : {}),
  };
}

export function bucketResource(inv: Inventory, name: string, bucket?: Bucket): ResourceRef {
  return {
    id: bucket?.arn ?? `arn:${inv.meta.partition}:s3:::${name}`,
    type: 'AWS::S3::Bucket',
    region: bucket?.region ?? 'global',
    ...(bucket?.location ? { location: bucket.location } : {}),
  };
}

/** What we know of a trail's bucket. */
export type TrailBucket =
  | { kind: 'bucket'; bucket: Bucket }
  /** The bucket list itself could not be read. */
  | { kind: 'unread'; attr: Attr<unknown> }
  /** Not among this account's buckets: an organisation trail, or a log archive in another account. */
  | { kind: 'elsewhere' }
  /** The trail names no bucket (a template that leaves it to deploy time). */
  | { kind: 'none' };

export function trailBucket(inv: Inventory, trail: Trail): TrailBucket {
  if (!trail.s3BucketName) return { kind: 'none' };
  const list = inv.s3.buckets;
  if (list.state !== 'ok') return { kind: 'unread', attr: list };
  const bucket = list.value.find((b) => b.name === trail.s3BucketName);
  return bucket ? { kind: 'bucket', bucket } : { kind: 'elsewhere' };
}

/** Trails grouped by the bucket they deliver to, for checks whose verdict is the bucket's. */
export function trailsByBucket(trails: Trail[]): Map<string, Trail[]> {
  const out = new Map<string, Trail[]>();
  for (const t of trails) {
    if (!t.s3BucketName) continue;
    out.set(t.s3BucketName, [...(out.get(t.s3BucketName) ?? []), t]);
  }
  return out;
}

/** Where CloudTrail writes the account's logs: [prefix/]AWSLogs/[o-org/]account/CloudTrail/. */
export function logPrefix(trail: Trail, account: string): string {
  const base = trail.s3KeyPrefix ? `${trail.s3KeyPrefix.replace(/\/+$/, '')}/` : '';
  // An organisation trail writes under AWSLogs/<org id>/<account>/; the org id is not in the trail,
  // so callers match that form with a prefix test on 'AWSLogs/'.
  return trail.isOrganizationTrail ? `${base}AWSLogs/` : `${base}AWSLogs/${account}/CloudTrail/`;
}

/** Names for messages: the trail's name, with its owner when it belongs to another account. */
export function trailLabel(inv: Inventory, trail: Trail): string {
  const owner = accountOfArn(trail.arn);
  return owner && owner !== inv.meta.accountId ? `${trail.name} (account ${owner})` : trail.name;
}

/**
 * Runs `each` over every distinct trail, and gives one `unknown` per region whose trail list
 * could not be read (its single-region trails are unseen).
 */
export function forEachTrail<M extends string>(
  inv: Inventory,
  each: (trail: Trail) => CheckResult<M>[],
): CheckResult<M | typeof MISSING>[] {
  const { trails, unread } = distinctTrails(inv);
  const out: CheckResult<M | typeof MISSING>[] = trails.flatMap(each);
  for (const u of unread) out.push(missing(accountResource(inv, u.region), u.attr, `the trails of ${u.region}`));
  return out;
}

/** One bucket that trails deliver to, with what we know of it. */
export interface TrailBucketGroup {
  name: string;
  /** The bucket, when it is among this account's buckets. */
  bucket?: Bucket;
  /** The trails that deliver there, for messages. */
  trails: string;
  trailList: Trail[];
  /** True when the bucket list was read and this bucket is not in it. */
  elsewhere: boolean;
  /** Set when the bucket list itself could not be read. */
  unreadList?: Attr<unknown>;
}

/**
 * Runs `each` once per bucket that trails deliver to (several trails may share one), and gives
 * one `unknown` per region whose trail list could not be read.
 */
export function forEachTrailBucket<M extends string>(
  inv: Inventory,
  each: (g: TrailBucketGroup) => CheckResult<M>[],
): CheckResult<M | typeof MISSING>[] {
  const { trails, unread } = distinctTrails(inv);
  const list = inv.s3.buckets;
  const out: CheckResult<M | typeof MISSING>[] = [];
  for (const [name, group] of [...trailsByBucket(trails)].sort(([a], [b]) => a.localeCompare(b))) {
    const bucket = list.state === 'ok' ? list.value.find((b) => b.name === name) : undefined;
    out.push(
      ...each({
        name,
        ...(bucket ? { bucket } : {}),
        trails: group.map((t) => trailLabel(inv, t)).join(', '),
        trailList: group,
        elsewhere: list.state === 'ok' && !bucket,
        ...(list.state !== 'ok' ? { unreadList: list } : {}),
      }),
    );
  }
  for (const u of unread) out.push(missing(accountResource(inv, u.region), u.attr, `the trails of ${u.region}`));
  return out;
}
