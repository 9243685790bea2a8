import { z } from 'zod';
import type { DbSnapshot, RegionalInventory, SecurityGroup } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ResourceRef, type Severity } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { describeSource, describeSpan, isWorld, portSpan, prefixLength, ruleKey, sgLabel, spanIncludes } from '../ec2/sg-rules.js';
import { clusterRef, instanceRef, isLive, snapshotKind, snapshotRef, standaloneInstances } from './databases.js';

const options = z.object({
  /** IPv4 sources wider than this prefix fail; /16 is the largest block a VPC can have. */
  minPrefixIpv4: z.number().int().min(0).max(32).default(16),
  /** IPv6 sources wider than this prefix fail; /56 is a VPC's IPv6 block. */
  minPrefixIpv6: z.number().int().min(0).max(128).default(56),
});
type Options = z.infer<typeof options>;

type Message =
  | 'notPublic'
  | 'public'
  | 'ingressRestricted'
  | 'ingressWide'
  | 'groupNotFound'
  | 'snapshotPublic'
  | 'snapshotPrivate'
  | 'snapshotShared';

interface Db {
  resource: ResourceRef;
  kind: 'DB instance' | 'DB cluster';
  id: string;
  publiclyAccessible: boolean | undefined;
  securityGroupIds: string[];
  port: number | undefined;
}

function databases(r: RegionalInventory, region: string): Db[] {
  const clusters = r.rds.clusters.state === 'ok' ? r.rds.clusters.value.filter((c) => isLive(c.status)) : [];
  return [
    ...standaloneInstances(r).map((d): Db => ({
      resource: instanceRef(d, region),
      kind: 'DB instance',
      id: d.id,
      publiclyAccessible: d.publiclyAccessible,
      securityGroupIds: d.securityGroupIds,
      port: d.endpoint?.port,
    })),
    ...clusters.map((c): Db => ({ resource: clusterRef(c, region), kind: 'DB cluster', id: c.id, publiclyAccessible: c.publiclyAccessible, securityGroupIds: c.securityGroupIds, port: c.port })),
  ];
}

/** Aurora members carry PubliclyAccessible themselves: a cluster is public when any member is. */
function publicMembers(r: RegionalInventory, clusterId: string): string[] {
  const instances = r.rds.instances.state === 'ok' ? r.rds.instances.value : [];
  return instances.filter((i) => i.clusterId === clusterId && i.publiclyAccessible && isLive(i.status)).map((i) => i.id);
}

function wide(rule: SecurityGroup['ingress'][number], o: Options): boolean {
  const s = rule.source;
  if (s.kind === 'cidr4') return prefixLength(s.value, 4) < o.minPrefixIpv4;
  if (s.kind === 'cidr6') return prefixLength(s.value, 6) < o.minPrefixIpv6;
  return false;
}

function judgeIngress(db: Db, r: RegionalInventory, region: string, isPublic: boolean, o: Options): CheckResult<Message | 'missing'>[] {
  const groups = r.ec2.securityGroups;
  if (groups.state !== 'ok') return [missing(db.resource, groups, `the security groups of ${db.kind} ${db.id}`, 'ingress')];
  const base = { kind: db.kind, db: db.id };
  const out: CheckResult<Message>[] = [];
  for (const id of db.securityGroupIds) {
    const sg = groups.value.find((g) => g.id === id);
    if (!sg) {
      out.push({ status: 'unknown', resource: db.resource, message: 'groupNotFound', detail: `ingress:${id}`, data: { ...base, group: id, region } });
      continue;
    }
    for (const rule of sg.ingress) {
      const span = portSpan(rule);
      // Only rules that reach the database port matter; without a known port every rule may.
      if (span.kind === 'portless' || (db.port !== undefined && !spanIncludes(span, db.port))) continue;
      if (!wide(rule, o)) continue;
      const severity: Severity = isWorld(rule) ? (isPublic ? 'critical' : 'high') : 'medium';
      out.push({
        status: 'fail',
        resource: db.resource,
        message: 'ingressWide',
        severity,
        detail: `ingress:${sg.id}:${ruleKey(rule)}`,
        data: { ...base, group: sgLabel(sg), source: describeSource(rule), ports: describeSpan(span) },
      });
    }
  }
  if (out.length === 0 && db.securityGroupIds.length > 0) {
    out.push({ status: 'pass', resource: db.resource, message: 'ingressRestricted', detail: 'ingress', data: { ...base, v4: o.minPrefixIpv4, v6: o.minPrefixIpv6 } });
  }
  return out;
}

function judgeSnapshot(s: DbSnapshot, region: string): CheckResult<Message | 'missing'> {
  const resource = snapshotRef(s, region);
  const data = { kind: snapshotKind(s), snapshot: s.id };
  const a = s.restoreAccounts;
  // No restore attribute at all: nobody else may restore it.
  if (a.state === 'absent') return { status: 'pass', resource, message: 'snapshotPrivate', data };
  if (a.state !== 'ok') return missing(resource, a, `who may restore ${data.kind} ${s.id}`);
  if (a.value.includes('all')) return { status: 'fail', resource, message: 'snapshotPublic', severity: 'critical', data };
  return a.value.length > 0
    ? { status: 'pass', resource, message: 'snapshotShared', data: { ...data, count: a.value.length }, evidence: { restoreAccounts: a.value } }
    : { status: 'pass', resource, message: 'snapshotPrivate', data };
}

export default defineCheck({
  id: 'rds.access-restricted',
  title: "Databases are not publicly accessible and admit only the application's security groups or known addresses",
  description:
    'A publicly accessible database gets an internet address; a security group rule from 0.0.0.0/0 or another wide block then lets the whole internet try its login. Only the application that needs the database (its security group) or a few known addresses should reach the port. A snapshot restorable by "all" gives any AWS account a full copy of the data.',
  severity: 'high',
  guideIds: ['rds.access-restricted'],
  needs: ['regions.*.rds.instances', 'regions.*.rds.clusters', 'regions.*.rds.snapshots', 'regions.*.ec2.securityGroups'],
  permissions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes', 'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes', 'ec2:DescribeSecurityGroups'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['2.3.3'], fsbp: ['RDS.1', 'RDS.2'] },
  remediation: {
    text: "Turn off public accessibility, place the database in private subnets, and replace wide CIDR sources in its security groups with the application's security group (or a short list of known addresses). Remove 'all' from the restore attribute of shared snapshots; share with named accounts instead.",
    cli: 'aws rds modify-db-instance --db-instance-identifier mydb --no-publicly-accessible --apply-immediately\naws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 5432 --cidr 0.0.0.0/0\naws ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 5432 --source-group sg-0fedcba9876543210\naws rds modify-db-snapshot-attribute --db-snapshot-identifier mysnap --attribute-name restore --values-to-remove all',
    cloudformation:
      'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    PubliclyAccessible: false\n    DBSubnetGroupName: !Ref PrivateSubnets\n    VPCSecurityGroups: [!Ref DatabaseSecurityGroup]\nDatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: PostgreSQL from the app tier only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        SourceSecurityGroupId: !Ref AppSecurityGroup\n        Description: App tier',
    terraform:
      'resource "aws_db_instance" "main" {\n  publicly_accessible    = false\n  db_subnet_group_name   = aws_db_subnet_group.private.name\n  vpc_security_group_ids = [aws_security_group.db.id]\n}\n\nresource "aws_vpc_security_group_ingress_rule" "db_from_app" {\n  security_group_id            = aws_security_group.db.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n  referenced_security_group_id = aws_security_group.app.id\n  description                  = "App tier"\n}',
  },
  messages: {
    notPublic: '{{kind}} {{db}} is not publicly accessible.',
    public: '{{kind}} {{db}} is publicly accessible ({{members}}): it has an address reachable from the internet.',
    ingressRestricted: '{{kind}} {{db}} admits its port only from security groups or from address blocks no wider than /{{v4}} (IPv4) and /{{v6}} (IPv6).',
    ingressWide: '{{kind}} {{db}} admits {{source}} to {{ports}} through security group {{group}}.',
    groupNotFound: '{{kind}} {{db}} uses security group {{group}}, which is not among the security groups read in {{region}}: its ingress could not be judged.',
    snapshotPublic: '{{kind}} {{snapshot}} can be restored by any AWS account (its restore attribute includes "all").',
    snapshotPrivate: '{{kind}} {{snapshot}} is not shared.',
    snapshotShared: '{{kind}} {{snapshot}} is not public; it is shared with {{count}} account(s).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const account = accountResource(inventory, region);
      const { instances, clusters, snapshots } = r.rds;
      if (instances.state !== 'ok' && instances.state !== 'absent') out.push(missing(account, instances, 'the DB instances', 'instances'));
      if (clusters.state !== 'ok' && clusters.state !== 'absent') out.push(missing(account, clusters, 'the DB clusters', 'clusters'));
      if (snapshots.state !== 'ok' && snapshots.state !== 'absent') out.push(missing(account, snapshots, 'the DB snapshots', 'snapshots'));
      for (const db of databases(r, region)) {
        const members = db.kind === 'DB cluster' ? publicMembers(r, db.id) : [];
        const isPublic = db.publiclyAccessible === true || members.length > 0;
        const base = { kind: db.kind, db: db.id };
        // A cluster without the flag (Aurora) is judged through its members: unread members decide nothing.
        if (db.kind === 'DB cluster' && db.publiclyAccessible === undefined && instances.state !== 'ok' && instances.state !== 'absent') {
          out.push(missing(db.resource, instances, `the members of DB cluster ${db.id} (their PubliclyAccessible flags decide whether it is public)`, 'public'));
        } else if (db.publiclyAccessible !== undefined || db.kind === 'DB cluster') {
          out.push(
            isPublic
              ? { status: 'fail', resource: db.resource, message: 'public', detail: 'public', data: { ...base, members: members.length > 0 ? `public members: ${members.join(', ')}` : 'PubliclyAccessible = true' } }
              : { status: 'pass', resource: db.resource, message: 'notPublic', detail: 'public', data: base },
          );
        }
        out.push(...judgeIngress(db, r, region, isPublic, o));
      }
      for (const s of snapshots.state === 'ok' ? snapshots.value : []) out.push(judgeSnapshot(s, region));
    }
    return out;
  },
});
