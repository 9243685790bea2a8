import type { Inventory } from '../../src/inventory/index.js';
import { isThrottle } from '../../src/sources/aws/errors.js';

export interface FailedRead {
  call: string;
  /** The AWS code at the head of the error text ('RequestLimitExceeded: ...'). */
  code: string;
  count: number;
  example: string;
}

/** Every attribute in the inventory that holds a failed read, grouped by call and code. */
export function failedReads(inv: Inventory): FailedRead[] {
  const groups = new Map<string, FailedRead>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.state === 'error' && typeof o.call === 'string' && typeof o.error === 'string') {
      // Parts the live source never gathers (the host) are marked "not collected": not failures.
      if (o.error.startsWith('not collected')) return;
      const code = o.error.split(':')[0]?.trim() || 'Error';
      const key = `${o.call}\u0000${code}`;
      const g = groups.get(key) ?? { call: o.call, code, count: 0, example: o.error };
      g.count++;
      groups.set(key, g);
      return;
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(inv);
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** Whether a failed read was a throttle (what the issue calls a throttling error reaching the user). */
export const isThrottleRead = (r: FailedRead): boolean => isThrottle({ name: r.code });

const len = (a: { state: string; value?: unknown } | undefined): number => (a?.state === 'ok' && Array.isArray(a.value) ? a.value.length : 0);

/** Resource counts, to prove the collector saw the whole account. */
export function resourceCounts(inv: Inventory): Record<string, number> {
  const regions = Object.values(inv.regions);
  const sum = (f: (r: (typeof regions)[number]) => number) => regions.reduce((s, r) => s + f(r), 0);
  return {
    buckets: len(inv.s3.buckets),
    iamUsers: len(inv.iam.users),
    iamRoles: len(inv.iam.roles),
    credentialReportRows: len(inv.iam.credentialReport),
    hostedZones: len(inv.route53.hostedZones),
    recordSets: inv.route53.hostedZones.state === 'ok' ? inv.route53.hostedZones.value.reduce((s, z) => s + len(z.records), 0) : 0,
    distributions: len(inv.cloudfront.distributions),
    instances: sum((r) => len(r.ec2.instances)),
    volumes: sum((r) => len(r.ec2.volumes)),
    snapshots: sum((r) => len(r.ec2.snapshots)),
    securityGroups: sum((r) => len(r.ec2.securityGroups)),
    networkInterfaces: sum((r) => len(r.ec2.networkInterfaces)),
    loadBalancers: sum((r) => len(r.elb.classic) + len(r.elb.v2)),
    dbInstances: sum((r) => len(r.rds.instances)),
    alarms: sum((r) => len(r.cloudwatch.alarms)),
    kmsKeys: sum((r) => len(r.kms.keys)),
  };
}
