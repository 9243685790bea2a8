import type { CollectorKnobs } from './run-collection.js';

/**
 * Collector settings a run can be measured with. `current` is the collector as shipped; the
 * others are candidate changes, applied through LiveOptions (limits, unitConcurrency) so that
 * their effect is measured before anyone edits src/sources/aws/limits.ts or index.ts.
 */
export const VARIANTS: Readonly<Record<string, CollectorKnobs>> = {
  current: {},
  // S3 publishes no per-account rate for bucket-configuration reads (5,500 GET/s per prefix, and
  // each bucket is its own): bound them by the SDK's socket pool (50 per client) instead of 100/s.
  's3-limit': { limits: { s3: { concurrency: 50, perInterval: 1000, intervalMs: 1000 } } },
  // Units wait for one of 8 slots in plan order (global first, then regions alphabetically), so
  // us-east-1's EC2 unit starts late. Units are I/O-bound; the per-service limiters already
  // bound the request rates, so let every unit start at once.
  units: { unitConcurrency: 256 },
  proposed: { limits: { s3: { concurrency: 50, perInterval: 1000, intervalMs: 1000 } }, unitConcurrency: 256 },
  // What-if, not a proposal: EC2 allowed 40/s per region. AWS's buckets are per action (20/s
  // each), so this overruns DescribeSnapshotAttribute's: measures how the SDK's retries cope.
  'ec2-40': { limits: { s3: { concurrency: 50, perInterval: 1000, intervalMs: 1000 }, ec2: { concurrency: 20, perInterval: 40, intervalMs: 1000 } }, unitConcurrency: 256 },
};
