import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { clusterRef, instanceRef, isLive, standaloneInstances } from './databases.js';

type Message = 'verify' | 'verifyUnencrypted';

export default defineCheck({
  id: 'rds.app-encryption',
  title: 'Sensitive fields are encrypted by the application where storage encryption is not enough',
  description:
    'Storage encryption protects disks and snapshots, not data read through the database: anyone with a database login, an SQL injection or a dump sees every field in clear. Encrypting the most sensitive fields in the application, with keys kept outside the database, closes that gap. No AWS API can tell whether an application does it.',
  severity: 'low',
  guideIds: ['rds.app-encryption'],
  needs: ['regions.*.rds.instances', 'regions.*.rds.clusters'],
  permissions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'List the sensitive columns (personal data, payment data, secrets, health data). Encrypt them in the application before they are written, with data keys from AWS KMS (envelope encryption, e.g. the AWS Encryption SDK) rather than a key stored in the database or in the code; the database then holds only ciphertext. Database functions such as MySQL AES_ENCRYPT keep the key in the SQL traffic and logs: prefer the application layer.',
  },
  messages: {
    verify:
      'Verify by hand: the sensitive fields stored in {{kind}} {{db}} ({{engine}}) are encrypted by the application with keys kept outside the database (for example KMS data keys), or the data it holds needs no more than storage encryption.',
    verifyUnencrypted:
      'Verify by hand: {{kind}} {{db}} ({{engine}}) stores its data unencrypted, so application-level encryption is the only protection its sensitive fields have at rest; check that the application encrypts them with keys kept outside the database.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const { instances, clusters } = r.rds;
      if (instances.state !== 'ok' && instances.state !== 'absent') out.push(missing(accountResource(inventory, region), instances, 'the DB instances', 'instances'));
      if (clusters.state !== 'ok' && clusters.state !== 'absent') out.push(missing(accountResource(inventory, region), clusters, 'the DB clusters', 'clusters'));
      const dbs = [
        ...standaloneInstances(r).map((d) => ({ resource: instanceRef(d, region), kind: 'DB instance', id: d.id, engine: d.engine, encrypted: d.storageEncrypted })),
        ...(clusters.state === 'ok' ? clusters.value.filter((c) => isLive(c.status)) : []).map((c) => ({ resource: clusterRef(c, region), kind: 'DB cluster', id: c.id, engine: c.engine, encrypted: c.storageEncrypted })),
      ];
      for (const d of dbs) {
        out.push({
          status: 'manual',
          resource: d.resource,
          message: d.encrypted ? 'verify' : 'verifyUnencrypted',
          data: { kind: d.kind, db: d.id, engine: d.engine },
          ...(d.encrypted ? {} : { severity: 'medium' as const }),
        });
      }
    }
    return out;
  },
});
