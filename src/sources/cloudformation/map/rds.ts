import { arns } from '../../iac/arns.js';
import { asNum, asStr } from '../../iac/fields.js';
import { Unknown } from '../../iac/value.js';
import { refOf } from '../identity.js';
import { knownStrings } from './ec2.js';
import { declared, fieldsOf, type Mapper } from './context.js';

const dbInstance: Mapper = (m) => {
  const p = m.props;
  const id = String(refOf(m.type, m.logicalId, () => p, m.where));
  const arn = arns.rdsDb(m.where, id);
  const f = fieldsOf(m, arn);
  const cluster = asStr(p.DBClusterIdentifier);
  // Unset, RDS decides from whether the subnets' VPC has an internet gateway: not in the template.
  // Aurora members take it from the cluster's subnet group and default to private.
  const publicDefault = p.PubliclyAccessible === undefined && cluster === undefined
    ? new Unknown('PubliclyAccessible is not set: RDS decides from whether the VPC of the subnets has an internet gateway', m.location)
    : p.PubliclyAccessible;
  const restored = p.DBSnapshotIdentifier !== undefined || p.SourceDBInstanceIdentifier !== undefined;
  const encryptedInput = p.StorageEncrypted === undefined && restored
    ? new Unknown('StorageEncrypted follows the snapshot or source instance it is created from', m.location)
    : p.StorageEncrypted;
  const key = asStr(p.KmsKeyId);
  const port = asNum(p.Port);
  m.c.region(m.where.region).dbInstances.push({
    ...declared(m),
    id,
    arn,
    engine: typeof p.Engine === 'string' ? p.Engine : cluster !== undefined ? 'aurora' : '',
    ...(typeof p.EngineVersion === 'string' ? { engineVersion: p.EngineVersion } : {}),
    ...(typeof p.DBInstanceClass === 'string' ? { instanceClass: p.DBInstanceClass } : {}),
    status: 'available',
    publiclyAccessible: f.bool('PubliclyAccessible', publicDefault, false, false, 'publiclyAccessible'),
    storageEncrypted: f.bool('StorageEncrypted', encryptedInput, false, true, 'storageEncrypted'),
    ...(typeof key === 'string' ? { kmsKeyId: key } : {}),
    securityGroupIds: knownStrings(f, 'VPCSecurityGroups', p.VPCSecurityGroups),
    ...(typeof port === 'number' ? { endpoint: { port } } : {}),
    ...(typeof cluster === 'string' ? { clusterId: cluster } : {}),
    tags: {},
  });
};

const dbCluster: Mapper = (m) => {
  const p = m.props;
  const id = String(refOf(m.type, m.logicalId, () => p, m.where));
  const arn = arns.rdsCluster(m.where, id);
  const f = fieldsOf(m, arn);
  const restored = p.SnapshotIdentifier !== undefined || p.SourceDBClusterIdentifier !== undefined;
  // Aurora Serverless v1 clusters are always encrypted.
  const serverless = p.EngineMode === 'serverless';
  const encryptedInput = p.StorageEncrypted === undefined && restored && !serverless
    ? new Unknown('StorageEncrypted follows the snapshot or source cluster it is created from', m.location)
    : p.StorageEncrypted;
  const key = asStr(p.KmsKeyId);
  const port = asNum(p.Port);
  m.c.region(m.where.region).dbClusters.push({
    ...declared(m),
    id,
    arn,
    engine: typeof p.Engine === 'string' ? p.Engine : '',
    status: 'available',
    storageEncrypted: serverless ? true : f.bool('StorageEncrypted', encryptedInput, false, true, 'storageEncrypted'),
    ...(typeof key === 'string' ? { kmsKeyId: key } : {}),
    ...(p.PubliclyAccessible !== undefined ? { publiclyAccessible: f.bool('PubliclyAccessible', p.PubliclyAccessible, false, false, 'publiclyAccessible') } : {}),
    securityGroupIds: knownStrings(f, 'VpcSecurityGroupIds', p.VpcSecurityGroupIds),
    memberIds: [],
    ...(typeof port === 'number' ? { port } : {}),
    tags: {},
  });
};

export const rdsMappers: Record<string, Mapper> = {
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBCluster': dbCluster,
};
