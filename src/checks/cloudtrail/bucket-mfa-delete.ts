import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { bucketResource, forEachTrailBucket } from './trails.js';

export default defineCheck({
  id: 'cloudtrail.bucket-mfa-delete',
  title: "The trail's bucket is versioned with MFA Delete",
  description:
    'If CloudTrail cannot be switched off, an intruder deletes the logs instead. Versioning keeps every deleted or overwritten log; MFA Delete means no stolen key or runaway script can purge those versions or suspend versioning without the MFA device.',
  severity: 'medium',
  guideIds: ['cloudtrail.bucket-mfa-delete'],
  needs: ['regions.*.cloudtrail.trails', 's3.buckets'],
  permissions: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets', 's3:GetBucketVersioning'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['2.1.2'] },
  remediation: {
    text: 'Enable versioning with MFA Delete on the log bucket. Only the root user can do it, through the API or CLI, with its MFA device. (An S3 Object Lock retention on the bucket is the modern alternative where root use is not wanted.)',
    cli: '# As the root user, with its MFA device:\naws s3api put-bucket-versioning --bucket LOG_BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device 123456"',
    cloudformation:
      '# CloudFormation can enable versioning but not MFA Delete (that needs the root MFA code):\nLogBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration:\n      Status: Enabled',
    terraform:
      'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  mfa    = "arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device 123456"\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
  },
  messages: {
    on: 'Bucket {{bucket}} (trail {{trails}}) is versioned with MFA Delete.',
    noMfa: 'Bucket {{bucket}} (trail {{trails}}) is versioned, but without MFA Delete: its log versions can be purged with a stolen key.',
    unversioned: 'Bucket {{bucket}} (trail {{trails}}) is not versioned (versioning {{status}}): deleted logs are gone for good.',
    elsewhere: 'Bucket {{bucket}} (trail {{trails}}) is not among this account\'s buckets (an organisation trail or another account\'s log archive): scan that account to judge it.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachTrailBucket(inventory, ({ name, bucket, trails, elsewhere, unreadList }): CheckResult[] => {
      const resource = bucketResource(inventory, name, bucket);
      const data = { bucket: name, trails };
      if (unreadList) return [missing(resource, unreadList, `bucket ${name}`)];
      if (elsewhere || !bucket) return [{ status: 'unknown', resource, message: 'elsewhere', data }];
      const v = bucket.versioning;
      // GetBucketVersioning on a never-versioned bucket returns no Status: some sources record that as absent.
      if (v.state === 'absent') return [{ status: 'fail', resource, message: 'unversioned', data: { ...data, status: 'never enabled' } }];
      if (v.state !== 'ok') return [missing(resource, v, `the versioning of bucket ${name}`)];
      if (v.value.status !== 'Enabled') return [{ status: 'fail', resource, message: 'unversioned', data: { ...data, status: v.value.status } }];
      return v.value.mfaDelete === 'Enabled'
        ? [{ status: 'pass', resource, message: 'on', data }]
        : [{ status: 'fail', resource, message: 'noMfa', data }];
    });
  },
});
