import { minimatch } from 'minimatch';
import type { AnyCheck } from './types.js';
import { accountChecks } from './account/index.js';
import { s3Checks } from './s3/index.js';
import { cloudfrontChecks } from './cloudfront/index.js';
import { wafChecks } from './waf/index.js';
import { ebsChecks } from './ebs/index.js';
import { ec2Checks } from './ec2/index.js';
import { rdsChecks } from './rds/index.js';
import { elbChecks } from './elb/index.js';
import { vpcChecks } from './vpc/index.js';
import { inspectorChecks } from './inspector/index.js';
import { cloudtrailChecks } from './cloudtrail/index.js';
import { cloudwatchChecks } from './cloudwatch/index.js';
import { route53Checks } from './route53/index.js';
import { hostChecks } from './host/index.js';

/** Every check Rampart has, one folder per guide section. */
export const ALL_CHECKS: readonly AnyCheck[] = [
  ...accountChecks,
  ...s3Checks,
  ...hostChecks,
  ...ec2Checks,
  ...rdsChecks,
  ...cloudtrailChecks,
  ...cloudwatchChecks,
  ...ebsChecks,
  ...route53Checks,
  ...elbChecks,
  ...cloudfrontChecks,
  ...vpcChecks,
  ...inspectorChecks,
  ...wafChecks,
];

const byId = new Map(ALL_CHECKS.map((c) => [c.id, c]));

export function getCheck(id: string): AnyCheck | undefined {
  return byId.get(id);
}

export class UnknownCheckError extends Error {}

/**
 * Checks selected by id or glob (`s3.*`), by guide id, or all when no pattern is given. An
 * exact check id selects that check only; a guide id selects every check that covers it.
 * A pattern that selects nothing is an error: a typo must not silently scan less.
 */
export function selectChecks(patterns: readonly string[] | undefined, from: readonly AnyCheck[] = ALL_CHECKS): AnyCheck[] {
  if (!patterns || patterns.length === 0) return [...from];
  const picked = new Set<AnyCheck>();
  for (const p of patterns) {
    // An exact check id means that check alone, even when it is also a guide id other checks cover.
    const exact = from.filter((c) => c.id === p);
    const hits = exact.length ? exact : from.filter((c) => minimatch(c.id, p) || c.guideIds.some((g) => minimatch(g, p)));
    if (hits.length === 0) throw new UnknownCheckError(`no check matches "${p}" (see: rampart checks)`);
    hits.forEach((h) => picked.add(h));
  }
  return from.filter((c) => picked.has(c));
}
