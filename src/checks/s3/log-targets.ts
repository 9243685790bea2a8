import type { Attr, Inventory } from '../../inventory/index.js';
import { regionsOf } from '../helpers.js';

/** Buckets that receive logs, with who sends them; and the sources that could not be read. */
export interface LogTargets {
  /** bucket name → senders, in words ("trail main", "access logs of load balancer web"). */
  senders: Map<string, string[]>;
  /** Lists or attributes that could not be read: a bucket may receive logs we cannot see. */
  unread: Attr<unknown>[];
}

/** CloudFront names its log bucket by domain: name.s3.amazonaws.com (or a regional form). */
export function bucketOfDomain(domain: string): string | undefined {
  const m = /^(.+?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/i.exec(domain);
  return m?.[1];
}

/** arn:aws:s3:::bucket/prefix → bucket. */
function bucketOfArn(a: string): string | undefined {
  const m = /^arn:[^:]+:s3:::([^/]+)/.exec(a);
  return m?.[1];
}

/**
 * Every bucket the inventory shows receiving logs: CloudTrail trails, classic and v2 load balancer
 * access (and connection) logs, CloudFront standard logs, S3 server access logs, VPC flow logs to S3.
 */
export function logTargets(inv: Inventory): LogTargets {
  const senders = new Map<string, string[]>();
  const unread: Attr<unknown>[] = [];
  const add = (bucket: string | undefined, who: string) => {
    if (!bucket) return;
    const list = senders.get(bucket) ?? [];
    if (!list.includes(who)) list.push(who);
    senders.set(bucket, list);
  };
  const listOf = <T>(a: Attr<T[]>): T[] => {
    if (a.state === 'ok') return a.value;
    if (a.state !== 'absent') unread.push(a);
    return [];
  };

  for (const [, r] of regionsOf(inv)) {
    // Shadow copies of a multi-region trail appear in every region: `add` dedupes by sender.
    for (const t of listOf(r.cloudtrail.trails)) add(t.s3BucketName, `trail ${t.name}`);
    for (const lb of listOf(r.elb.classic)) {
      if (lb.accessLog.state === 'ok') {
        if (lb.accessLog.value.enabled) add(lb.accessLog.value.bucket, `access logs of load balancer ${lb.name}`);
      } else if (lb.accessLog.state !== 'absent') unread.push(lb.accessLog);
    }
    for (const lb of listOf(r.elb.v2)) {
      if (lb.attributes.state !== 'ok') {
        if (lb.attributes.state !== 'absent') unread.push(lb.attributes);
        continue;
      }
      const at = lb.attributes.value;
      if (at['access_logs.s3.enabled'] === 'true') add(at['access_logs.s3.bucket'], `access logs of load balancer ${lb.name}`);
      if (at['connection_logs.s3.enabled'] === 'true') add(at['connection_logs.s3.bucket'], `connection logs of load balancer ${lb.name}`);
    }
    for (const fl of listOf(r.ec2.flowLogs)) {
      if (fl.destinationType === 's3' && fl.destination) add(bucketOfArn(fl.destination), `flow log ${fl.id}`);
    }
  }
  for (const d of listOf(inv.cloudfront.distributions)) {
    if (d.logging?.enabled && d.logging.bucket) add(bucketOfDomain(d.logging.bucket), `standard logs of distribution ${d.id}`);
  }
  for (const b of listOf(inv.s3.buckets)) {
    if (b.logging.state === 'ok') add(b.logging.value.targetBucket, `server access logs of bucket ${b.name}`);
    else if (b.logging.state !== 'absent') unread.push(b.logging);
  }
  return { senders, unread };
}
