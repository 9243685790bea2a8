import { arns } from '../../iac/arns.js';
import { asNum, asTags } from '../../iac/fields.js';
import { Unknown } from '../../iac/value.js';
import { declared, fieldsOf, knownStrings, str, type TfMapper } from './context.js';

function dbInstance(member: boolean): TfMapper {
  return (m) => {
    const c = m.cfg;
    const id = String(c.identifier ?? c.id ?? m.address);
    const arn = arns.rdsDb(m.where, id);
    const f = fieldsOf(m, arn);
    const cluster = str(c.cluster_identifier);
    const restored = c.snapshot_identifier != null || c.replicate_source_db != null;
    const port = asNum(c.port);
    m.c.region(m.where.region).dbInstances.push({
      ...declared(m),
      id,
      arn,
      engine: str(c.engine) ?? (member ? 'aurora' : ''),
      ...(str(c.engine_version) ? { engineVersion: str(c.engine_version) } : {}),
      ...(str(c.instance_class) ? { instanceClass: str(c.instance_class) } : {}),
      status: 'available',
      // The provider sends false when publicly_accessible is not set.
      publiclyAccessible: f.bool('publicly_accessible', c.publicly_accessible, false, false, 'publiclyAccessible'),
      storageEncrypted: member
        ? false // joined from the cluster
        : f.bool(
            'storage_encrypted',
            c.storage_encrypted ?? (restored ? new Unknown('storage encryption follows the snapshot or source database', m.location) : undefined),
            false,
            true,
            'storageEncrypted',
          ),
      ...(str(c.kms_key_id) ? { kmsKeyId: str(c.kms_key_id) } : {}),
      securityGroupIds: knownStrings(f, 'vpc_security_group_ids', c.vpc_security_group_ids),
      ...(typeof port === 'number' ? { endpoint: { port } } : {}),
      ...(cluster ? { clusterId: cluster } : {}),
      tags: asTags(c.tags),
    });
  };
}

const cluster: TfMapper = (m) => {
  const c = m.cfg;
  const id = String(c.cluster_identifier ?? c.id ?? m.address);
  const arn = arns.rdsCluster(m.where, id);
  const f = fieldsOf(m, arn);
  const serverless = c.engine_mode === 'serverless';
  const restored = c.snapshot_identifier != null || c.replication_source_identifier != null;
  const port = asNum(c.port);
  m.c.region(m.where.region).dbClusters.push({
    ...declared(m),
    id,
    arn,
    engine: str(c.engine) ?? 'aurora',
    status: 'available',
    // Aurora Serverless v1 is always encrypted; otherwise the provider's default is false.
    storageEncrypted: serverless
      ? true
      : f.bool('storage_encrypted', c.storage_encrypted ?? (restored ? new Unknown('storage encryption follows the snapshot or source cluster', m.location) : undefined), false, true, 'storageEncrypted'),
    ...(str(c.kms_key_id) ? { kmsKeyId: str(c.kms_key_id) } : {}),
    ...(c.publicly_accessible != null ? { publiclyAccessible: f.bool('publicly_accessible', c.publicly_accessible, false, false, 'publiclyAccessible') } : {}),
    securityGroupIds: knownStrings(f, 'vpc_security_group_ids', c.vpc_security_group_ids),
    memberIds: [],
    ...(typeof port === 'number' ? { port } : {}),
    tags: asTags(c.tags),
  });
};

export const rdsMappers: Record<string, TfMapper> = {
  aws_db_instance: dbInstance(false),
  aws_rds_cluster_instance: dbInstance(true),
  aws_rds_cluster: cluster,
};
