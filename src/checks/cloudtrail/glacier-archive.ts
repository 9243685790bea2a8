import { z } from 'zod';
import type { LifecycleRule } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { forEachTrail, logPrefix, trailBucket, trailLabel, trailResource } from './trails.js';

const Options = z.object({
  /** Storage classes that count as an archive. */
  archiveClasses: z.array(z.string()).default(['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR']),
});

/**
 * A rule covers the logs when its prefix is a prefix of the trail's log path: a narrower one (one
 * region's folder) leaves the rest behind. An organisation trail writes under AWSLogs/<org id>/,
 * an id the trail does not carry, so a rule on exactly that folder counts too.
 */
function covers(rule: LifecycleRule, path: string, orgTrail: boolean): boolean {
  const p = rule.prefix ?? '';
  if (path.startsWith(p)) return true;
  return orgTrail && p.startsWith(path) && /^o-[a-z0-9]{10,32}\/$/.test(p.slice(path.length));
}

const hasTags = (r: LifecycleRule) => Object.keys(r.tags ?? {}).length > 0;
const hasSize = (r: LifecycleRule) => r.objectSizeGreaterThan !== undefined || r.objectSizeLessThan !== undefined;

function sizeLabel(r: LifecycleRule): string {
  const parts = [
    ...(r.objectSizeGreaterThan !== undefined ? [`larger than ${r.objectSizeGreaterThan} bytes`] : []),
    ...(r.objectSizeLessThan !== undefined ? [`smaller than ${r.objectSizeLessThan} bytes`] : []),
  ];
  return parts.join(' and ');
}

export default defineCheck({
  id: 'cloudtrail.glacier-archive',
  title: 'Old trail logs move to Glacier by a lifecycle rule',
  description:
    'Logs must be kept for years but are rarely read after a few weeks. A lifecycle transition to a Glacier class keeps them cheaply, out of everyday reach.',
  severity: 'low',
  guideIds: ['cloudtrail.glacier-archive'],
  needs: ['regions.*.cloudtrail.trails', 's3.buckets'],
  permissions: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets', 's3:GetLifecycleConfiguration'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'Add a lifecycle rule on the log bucket that moves the trail\'s logs to Glacier Flexible Retrieval or Deep Archive after the period you still search them (for example 90 days), and expires them after your retention period.',
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket LOG_BUCKET --lifecycle-configuration \'{"Rules":[{"ID":"archive-trail-logs","Status":"Enabled","Filter":{"Prefix":"AWSLogs/"},"Transitions":[{"Days":90,"StorageClass":"GLACIER"}],"Expiration":{"Days":2555}}]}\'',
    cloudformation:
      'LogBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    LifecycleConfiguration:\n      Rules:\n        - Id: archive-trail-logs\n          Status: Enabled\n          Prefix: AWSLogs/\n          Transitions:\n            - StorageClass: GLACIER\n              TransitionInDays: 90\n          ExpirationInDays: 2555',
    terraform:
      'resource "aws_s3_bucket_lifecycle_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    id     = "archive-trail-logs"\n    status = "Enabled"\n    filter { prefix = "AWSLogs/" }\n    transition {\n      days          = 90\n      storage_class = "GLACIER"\n    }\n    expiration { days = 2555 }\n  }\n}',
  },
  messages: {
    archived: 'Trail {{trail}}: bucket {{bucket}} moves its logs to {{storageClass}} after {{after}} (rule {{rule}}).',
    noArchive: 'Trail {{trail}}: no enabled lifecycle rule of bucket {{bucket}} moves its logs to a Glacier class.',
    noLifecycle: 'Trail {{trail}}: bucket {{bucket}} has no lifecycle configuration, so its logs never move to Glacier.',
    tagFiltered:
      'Trail {{trail}}: rule {{rule}} of bucket {{bucket}} moves to {{storageClass}} only objects tagged {{tags}}; CloudTrail does not tag its log files, so the rule never applies to them.',
    sizeFiltered:
      'Trail {{trail}}: rule {{rule}} of bucket {{bucket}} moves to {{storageClass}} only objects {{size}}, so log files of other sizes never move to Glacier.',
    elsewhere: 'Trail {{trail}}: bucket {{bucket}} is not among this account\'s buckets (an organisation trail or another account\'s log archive): scan that account to judge it.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const classes = new Set(options.archiveClasses.map((c) => c.toUpperCase()));
    return forEachTrail(inventory, (t): CheckResult[] => {
      const resource = trailResource(inventory, t);
      const trail = trailLabel(inventory, t);
      const bucket = t.s3BucketName ?? '';
      const where = trailBucket(inventory, t);
      if (where.kind === 'none') return [missing(resource, { state: 'unknown', reason: 'the trail names no bucket' }, `the bucket of trail ${trail}`)];
      if (where.kind === 'unread') return [missing(resource, where.attr, `the bucket of trail ${trail}`)];
      if (where.kind === 'elsewhere') return [{ status: 'unknown', resource, message: 'elsewhere', data: { trail, bucket } }];
      const lc = where.bucket.lifecycle;
      if (lc.state === 'absent') return [{ status: 'fail', resource, message: 'noLifecycle', data: { trail, bucket } }];
      if (lc.state !== 'ok') return [missing(resource, lc, `the lifecycle configuration of bucket ${bucket}`)];
      const path = logPrefix(t, inventory.meta.accountId);
      // A filtered rule that would archive otherwise explains the failure better than "no rule".
      let filtered: CheckResult | undefined;
      for (const rule of lc.value) {
        if (!rule.enabled || !covers(rule, path, t.isOrganizationTrail)) continue;
        const tr = rule.transitions.find((x) => classes.has(x.storageClass.toUpperCase()));
        if (!tr) continue;
        const base = { trail, bucket, storageClass: tr.storageClass, rule: rule.id ?? '(unnamed)' };
        if (hasTags(rule)) {
          const tags = Object.entries(rule.tags ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
          filtered ??= { status: 'fail', resource, message: 'tagFiltered', data: { ...base, tags } };
          continue;
        }
        if (hasSize(rule)) {
          filtered ??= { status: 'fail', resource, message: 'sizeFiltered', data: { ...base, size: sizeLabel(rule) } };
          continue;
        }
        const after = tr.days !== undefined ? `${tr.days} days` : tr.date ? `${tr.date}` : 'creation';
        return [{ status: 'pass', resource, message: 'archived', data: { ...base, after } }];
      }
      if (filtered) return [filtered];
      return [{ status: 'fail', resource, message: 'noArchive', data: { trail, bucket } }];
    });
  },
});
