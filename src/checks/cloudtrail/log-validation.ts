import { defineCheck } from '../types.js';
import { forEachTrail, trailLabel, trailResource } from './trails.js';

export default defineCheck({
  id: 'cloudtrail.log-validation',
  title: 'Log file integrity validation is on',
  description:
    'With validation on, CloudTrail signs an hourly digest of every log file it delivers, so a log that was edited or deleted after delivery can be proven so (aws cloudtrail validate-logs). Without it, tampering leaves no trace.',
  severity: 'medium',
  guideIds: ['cloudtrail.log-validation'],
  needs: ['regions.*.cloudtrail.trails'],
  permissions: ['cloudtrail:DescribeTrails'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['3.2'], fsbp: ['CloudTrail.4'] },
  remediation: {
    text: 'Turn on log file validation for the trail. Digests are delivered from then on; check them with aws cloudtrail validate-logs.',
    cli: 'aws cloudtrail update-trail --name TRAIL --enable-log-file-validation',
    cloudformation: 'MainTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    EnableLogFileValidation: true',
    terraform: 'resource "aws_cloudtrail" "main" {\n  # ...\n  enable_log_file_validation = true\n}',
  },
  messages: {
    on: 'Trail {{trail}} validates its log files.',
    off: 'Trail {{trail}} does not validate its log files: changed or deleted logs would go unnoticed.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachTrail(inventory, (t) => [
      {
        status: t.logFileValidationEnabled ? 'pass' : 'fail',
        resource: trailResource(inventory, t),
        message: t.logFileValidationEnabled ? 'on' : 'off',
        data: { trail: trailLabel(inventory, t) },
      },
    ]);
  },
});
