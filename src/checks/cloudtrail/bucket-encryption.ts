import { z } from 'zod';
import type { Inventory, Trail } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ResourceRef } from '../types.js';
import { missing } from '../helpers.js';
import { forEachTrail, trailBucket, trailLabel, trailResource } from './trails.js';

const Options = z.object({
  /**
   * CIS 3.5 and FSBP CloudTrail.2 ask for SSE-KMS on the trail itself, beyond the guide's "encrypted
   * at rest": a second verdict per trail says whether it has its own key. false leaves it out.
   */
  trailKmsVerdict: z.boolean().default(true),
});

export default defineCheck({
  id: 'cloudtrail.bucket-encryption',
  title: 'Trail logs are encrypted at rest (SSE-KMS on the trail, or bucket default encryption)',
  description:
    'Logs tell an intruder what you can see. SSE-KMS on the trail adds a second lock: reading a log needs kms:Decrypt on the key as well as s3:GetObject, and every use of the key is itself logged.',
  severity: 'medium',
  guideIds: ['cloudtrail.bucket-encryption'],
  needs: ['regions.*.cloudtrail.trails', 's3.buckets'],
  permissions: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets', 's3:GetEncryptionConfiguration'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['3.5'], fsbp: ['CloudTrail.2'] },
  remediation: {
    text: 'Give the trail a customer managed KMS key (its key policy must let cloudtrail.amazonaws.com use it for this trail and let log readers decrypt). At the least, keep default encryption on the bucket.',
    cli: 'aws cloudtrail update-trail --name TRAIL --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID',
    cloudformation: 'MainTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    KMSKeyId: !GetAtt TrailKey.Arn',
    terraform: 'resource "aws_cloudtrail" "main" {\n  # ...\n  kms_key_id = aws_kms_key.cloudtrail.arn\n}',
  },
  messages: {
    trailKms: 'Trail {{trail}} encrypts its logs with KMS key {{key}}.',
    bucketKms: 'Trail {{trail}} writes to bucket {{bucket}}, whose default encryption is SSE-KMS.',
    sseS3: 'Trail {{trail}} writes to bucket {{bucket}}, encrypted at rest with S3-managed keys (SSE-S3).',
    sseS3Default:
      'Trail {{trail}} writes to bucket {{bucket}}, which names no default encryption: CloudTrail still encrypts every log file it delivers with S3-managed keys (SSE-S3).',
    elsewhere: 'Trail {{trail}} has no KMS key, and its bucket {{bucket}} is not among this account\'s buckets (an organisation trail or another account\'s log archive): scan that account to judge its encryption.',
    ownKey: 'Trail {{trail}} has its own KMS key: reading its logs needs kms:Decrypt as well as s3:GetObject.',
    noOwnKey: 'Trail {{trail}} has no KMS key of its own (CIS 3.5, FSBP CloudTrail.2): anyone with s3:GetObject on the bucket reads its logs.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    return forEachTrail(inventory, (t): CheckResult[] => {
      const resource = trailResource(inventory, t);
      const trail = trailLabel(inventory, t);
      const out = [atRest(inventory, t, resource, trail)];
      if (options.trailKmsVerdict) {
        out.push(
          t.kmsKeyId
            ? { status: 'pass', resource, message: 'ownKey', data: { trail }, detail: 'trail-kms' }
            : { status: 'fail', resource, message: 'noOwnKey', data: { trail }, detail: 'trail-kms', severity: 'low' },
        );
      }
      return out;
    });
  },
});

/** The guide's question: are the logs encrypted at rest at all (trail key, or bucket default)? */
function atRest(inventory: Inventory, t: Trail, resource: ResourceRef, trail: string): CheckResult {
  const base = { resource, detail: 'at-rest' } as const;
  if (t.kmsKeyId) return { ...base, status: 'pass', message: 'trailKms', data: { trail, key: t.kmsKeyId } };
  const where = trailBucket(inventory, t);
  const bucket = t.s3BucketName ?? '';
  switch (where.kind) {
    case 'none':
      return missing(resource, { state: 'unknown', reason: 'the trail names no bucket' }, `the bucket of trail ${trail}`, 'at-rest');
    case 'unread':
      return missing(resource, where.attr, `the bucket of trail ${trail}`, 'at-rest');
    case 'elsewhere':
      return { ...base, status: 'unknown', message: 'elsewhere', data: { trail, bucket } };
    case 'bucket': {
      const enc = where.bucket.encryption;
      if (enc.state !== 'ok' && enc.state !== 'absent') return missing(resource, enc, `the default encryption of bucket ${bucket}`, 'at-rest');
      const rules = enc.state === 'ok' ? enc.value.rules : [];
      // CloudTrail delivers its log files SSE-S3 encrypted when the trail names no key, whatever the
      // bucket says (CloudTrail User Guide; and S3 has encrypted every new object since January 2023).
      if (rules.length === 0) return { ...base, status: 'pass', message: 'sseS3Default', data: { trail, bucket } };
      if (rules.some((r) => r.algorithm.startsWith('aws:kms'))) return { ...base, status: 'pass', message: 'bucketKms', data: { trail, bucket } };
      return { ...base, status: 'pass', message: 'sseS3', data: { trail, bucket } };
    }
  }
}
