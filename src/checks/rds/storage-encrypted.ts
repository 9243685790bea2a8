import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { clusterRef, instanceRef, isLive, snapshotKind, snapshotRef, standaloneInstances } from './databases.js';

type Message = 'instanceEncrypted' | 'instanceUnencrypted' | 'clusterEncrypted' | 'clusterUnencrypted' | 'snapshotEncrypted' | 'snapshotUnencrypted';

export default defineCheck({
  id: 'rds.storage-encrypted',
  title: 'Database storage and its snapshots are encrypted',
  description:
    'RDS encryption at rest covers the storage, automated backups, read replicas and snapshots. It can only be chosen when a database is created, so an unencrypted database stays unencrypted until it is rebuilt from an encrypted snapshot copy.',
  severity: 'medium',
  guideIds: ['rds.storage-encrypted'],
  needs: ['regions.*.rds.instances', 'regions.*.rds.clusters', 'regions.*.rds.snapshots'],
  permissions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBSnapshots', 'rds:DescribeDBClusterSnapshots'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['2.3.1'], fsbp: ['RDS.3', 'RDS.4', 'RDS.27'] },
  remediation: {
    text: 'Snapshot the unencrypted database, copy the snapshot with a KMS key (the copy is encrypted), restore a new database from the copy, switch the application over and delete the old database and its unencrypted snapshots. Create new databases with storage encryption on.',
    cli: 'aws rds create-db-snapshot --db-instance-identifier mydb --db-snapshot-identifier mydb-plain\naws rds copy-db-snapshot --source-db-snapshot-identifier mydb-plain --target-db-snapshot-identifier mydb-encrypted --kms-key-id alias/aws/rds\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier mydb-new --db-snapshot-identifier mydb-encrypted',
    cloudformation: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.medium\n    AllocatedStorage: "50"\n    StorageEncrypted: true\n    KmsKeyId: !Ref DatabaseKey',
    terraform: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  instance_class    = "db.t4g.medium"\n  allocated_storage = 50\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n}',
  },
  messages: {
    instanceEncrypted: 'DB instance {{db}} ({{engine}}) has encrypted storage.',
    instanceUnencrypted: 'DB instance {{db}} ({{engine}}) stores its data unencrypted.',
    clusterEncrypted: 'DB cluster {{db}} ({{engine}}) has encrypted storage.',
    clusterUnencrypted: 'DB cluster {{db}} ({{engine}}) stores its data unencrypted.',
    snapshotEncrypted: '{{kind}} {{snapshot}} is encrypted.',
    snapshotUnencrypted: '{{kind}} {{snapshot}} is not encrypted.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const account = accountResource(inventory, region);
      const { instances, clusters, snapshots } = r.rds;
      if (instances.state !== 'ok' && instances.state !== 'absent') out.push(missing(account, instances, 'the DB instances', 'instances'));
      if (clusters.state !== 'ok' && clusters.state !== 'absent') out.push(missing(account, clusters, 'the DB clusters', 'clusters'));
      if (snapshots.state !== 'ok' && snapshots.state !== 'absent') out.push(missing(account, snapshots, 'the DB snapshots', 'snapshots'));
      for (const db of standaloneInstances(r)) {
        const data = { db: db.id, engine: db.engine };
        out.push({ status: db.storageEncrypted ? 'pass' : 'fail', resource: instanceRef(db, region), message: db.storageEncrypted ? 'instanceEncrypted' : 'instanceUnencrypted', data });
      }
      for (const c of clusters.state === 'ok' ? clusters.value.filter((c) => isLive(c.status)) : []) {
        const data = { db: c.id, engine: c.engine };
        out.push({ status: c.storageEncrypted ? 'pass' : 'fail', resource: clusterRef(c, region), message: c.storageEncrypted ? 'clusterEncrypted' : 'clusterUnencrypted', data });
      }
      for (const s of snapshots.state === 'ok' ? snapshots.value : []) {
        const data = { kind: snapshotKind(s), snapshot: s.id };
        out.push({ status: s.encrypted ? 'pass' : 'fail', resource: snapshotRef(s, region), message: s.encrypted ? 'snapshotEncrypted' : 'snapshotUnencrypted', data });
      }
    }
    return out;
  },
});
