import type { Limit } from '../../src/sources/aws/limits.js';
import type { CollectorKnobs } from './run-collection.js';

/**
 * Collector settings a run can be measured with. `current` is the collector as shipped; the
 * others are candidate changes, applied through LiveOptions (limits, unitConcurrency) so that
 * their effect is measured before anyone edits src/sources/aws/limits.ts or index.ts.
 */

// S3 publishes no per-account rate for bucket-configuration reads (5,500 GET/s per prefix, and
// each bucket is its own): bound them by the SDK's socket pool (50 per client), not 100/s.
const S3: Partial<Limit> = { concurrency: 50, perInterval: 1000, intervalMs: 1000 };
// WAF allows ListResourcesForWebACL one request per second, and it is most of WAF's calls: with a
// single key for all of WAF, one request per 1.1 s is the only rate that never overruns it (the
// margin absorbs the jitter between leaving our limiter and reaching AWS).
const WAF: Partial<Limit> = { concurrency: 1, perInterval: 1, intervalMs: 1100 };
// Units wait for one of 8 slots in plan order (global first, then regions alphabetically), so
// us-east-1's units start late. Units are I/O-bound and the per-service limits bound the request
// rates: let every unit start at once.
const ALL_UNITS = 256;

/** Our limiter out of the way (concurrency kept), for the per-action pacing to decide alone. */
const OUT_OF_THE_WAY: Partial<Limit> = { perInterval: 10_000, intervalMs: 1000 };
const PACED_SERVICES = ['ec2', 'wafv2', 'elb', 'route53', 'cloudfront', 'rds', 'cloudtrail', 'cloudwatch', 'kms', 'sns', 'iam', 'guardduty', 'inspector2', 'network-firewall', 'account'];

export const VARIANTS: Readonly<Record<string, CollectorKnobs>> = {
  current: {},
  's3-limit': { limits: { s3: S3 } },
  units: { unitConcurrency: ALL_UNITS },
  // Values only: what limits.ts and index.ts can do today, without new code.
  proposed: { limits: { s3: S3, wafv2: WAF }, unitConcurrency: ALL_UNITS },
  // A code change measured ahead: limits keyed as AWS keys its buckets (per action for EC2, WAF,
  // KMS, SNS..., per API version for ELB), as token buckets with AWS's burst, waiting for a token.
  'per-action': {
    limits: { s3: S3, ...Object.fromEntries(PACED_SERVICES.map((s) => [s, OUT_OF_THE_WAY])) },
    unitConcurrency: ALL_UNITS,
    pacePerAction: true,
  },
};
