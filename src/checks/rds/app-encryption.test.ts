import { ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './app-encryption.js';
import { inRegion } from '../ec2/__tests__/fixtures.js';
import { cluster, db, rdsArn } from './__tests__/fixtures.js';

testCheck(check, {
  pass: [
    {
      name: 'one manual finding per database, louder where storage is unencrypted',
      inventory: [
        inRegion({
          rds: {
            instances: ok([db('analytics', { engine: 'mysql', storageEncrypted: false }), db('prod-1', { clusterId: 'prod' })]),
            clusters: ok([cluster('prod')]),
          },
        }),
      ],
      findings: [
        {
          status: 'manual',
          resourceId: rdsArn('db', 'analytics'),
          severity: 'medium',
          message:
            'Verify by hand: DB instance analytics (mysql) stores its data unencrypted, so application-level encryption is the only protection its sensitive fields have at rest; check that the application encrypts them with keys kept outside the database.',
        },
        {
          status: 'manual',
          resourceId: rdsArn('cluster', 'prod'),
          message:
            'Verify by hand: the sensitive fields stored in DB cluster prod (aurora-postgresql) are encrypted by the application with keys kept outside the database (for example KMS data keys), or the data it holds needs no more than storage encryption.',
        },
      ],
    },
  ],
  fail: [],
  unknown: [
    {
      name: 'the DB instances could not be read',
      inventory: [inRegion({ rds: { clusters: ok([]) } })],
      findings: [{ status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'instances', message: 'Could not read the DB instances: rds:DescribeDBInstances failed: not collected: not part of this inventory.' }],
    },
  ],
});
