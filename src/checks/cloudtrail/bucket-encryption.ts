import { z } from 'zod';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { forEachTrail, trailBucket, trailLabel, trailResource } from './trails.js';

const Options = z.object({
  /** CIS 3.5 asks for SSE-KMS on the trail; the guide accepts AWS-managed keys (SSE-S3) too. */
  requireKms: z.boolean().default(false),
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
    sseS3: 'Trail {{trail}} writes to bucket {{bucket}}, encrypted with S3-managed keys (SSE-S3) only; SSE-KMS on the trail also controls who can decrypt.',
    sseS3Required: 'Trail {{trail}} has no KMS key: its logs in bucket {{bucket}} are encrypted with S3-managed keys (SSE-S3) only, and this configuration requires SSE-KMS.',
    none: 'Trail {{trail}} has no KMS key and its bucket {{bucket}} has no default encryption.',
    elsewhere: 'Trail {{trail}} has no KMS key, and its bucket {{bucket}} is not among this account\'s buckets (an organisation trail or another account\'s log archive): scan that account to judge its encryption.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    return forEachTrail(inventory, (t): CheckResult[] => {
      const resource = trailResource(inventory, t);
      const trail = trailLabel(inventory, t);
      if (t.kmsKeyId) return [{ status: 'pass', resource, message: 'trailKms', data: { trail, key: t.kmsKeyId } }];
      const where = trailBucket(inventory, t);
      const bucket = t.s3BucketName ?? '';
      switch (where.kind) {
        case 'none':
          return [missing(resource, { state: 'unknown', reason: 'the trail names no bucket' }, `the bucket of trail ${trail}`)];
        case 'unread':
          return [missing(resource, where.attr, `the bucket of trail ${trail}`)];
        case 'elsewhere':
          return [{ status: 'unknown', resource, message: 'elsewhere', data: { trail, bucket } }];
        case 'bucket': {
          const enc = where.bucket.encryption;
          if (enc.state === 'absent') return [{ status: 'fail', resource, message: 'none', data: { trail, bucket } }];
          if (enc.state !== 'ok') return [missing(resource, enc, `the default encryption of bucket ${bucket}`)];
          if (enc.value.rules.length === 0) return [{ status: 'fail', resource, message: 'none', data: { trail, bucket } }];
          if (enc.value.rules.some((r) => r.algorithm.startsWith('aws:kms'))) {
            return [{ status: 'pass', resource, message: 'bucketKms', data: { trail, bucket } }];
          }
          return options.requireKms
            ? [{ status: 'fail', resource, message: 'sseS3Required', data: { trail, bucket } }]
            : [{ status: 'pass', resource, message: 'sseS3', data: { trail, bucket }, severity: 'info' }];
        }
      }
    });
  },
});
