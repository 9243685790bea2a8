import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './access-restricted.js';
import { fromGroup, inRegion, sg, tcp } from '../ec2/__tests__/fixtures.js';
import { cluster, db, rdsArn, snapshot } from './__tests__/fixtures.js';

const dbSg = sg('sg-db', { name: 'db', ingress: [fromGroup(5432, 'sg-app'), tcp(5432, '203.0.113.0/24'), tcp(22, '0.0.0.0/0')] });

testCheck(check, {
  pass: [
    {
      name: 'a private instance reached from the app group and an office block; a wide rule on another port does not reach the database',
      inventory: [inRegion({ rds: { instances: ok([db('orders', { securityGroupIds: ['sg-db'] })]), clusters: ok([]), snapshots: ok([]) }, ec2: { securityGroups: ok([dbSg]) } })],
      findings: [
        { status: 'pass', resourceId: rdsArn('db', 'orders'), detail: 'public', message: 'DB instance orders is not publicly accessible.' },
        { status: 'pass', resourceId: rdsArn('db', 'orders'), detail: 'ingress', message: 'DB instance orders admits its port only from security groups or from address blocks no wider than /16 (IPv4) and /56 (IPv6).' },
      ],
    },
    {
      name: 'an Aurora cluster with private members; snapshots private or shared with named accounts',
      inventory: [
        inRegion({
          rds: {
            instances: ok([db('prod-1', { clusterId: 'prod', securityGroupIds: ['sg-db'] })]),
            clusters: ok([cluster('prod', { securityGroupIds: ['sg-db'], memberIds: ['prod-1'] })]),
            snapshots: ok([snapshot('s-1'), snapshot('s-2', { restoreAccounts: ok(['111122223333']) }), snapshot('s-auto', { snapshotType: 'automated', restoreAccounts: { state: 'absent' } })]),
          },
          ec2: { securityGroups: ok([sg('sg-db', { ingress: [fromGroup(5432, 'sg-app')] })]) },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: rdsArn('cluster', 'prod'), detail: 'public', message: 'DB cluster prod is not publicly accessible.' },
        { status: 'pass', resourceId: rdsArn('cluster', 'prod'), detail: 'ingress', message: 'DB cluster prod admits its port only from security groups or from address blocks no wider than /16 (IPv4) and /56 (IPv6).' },
        { status: 'pass', resourceId: rdsArn('snapshot', 's-1'), message: 'DB snapshot s-1 is not shared.' },
        { status: 'pass', resourceId: rdsArn('snapshot', 's-2'), message: 'DB snapshot s-2 is not public; it is shared with 1 account(s).' },
        { status: 'pass', resourceId: rdsArn('snapshot', 's-auto'), message: 'DB snapshot s-auto is not shared.' },
      ],
    },
  ],
  fail: [
    {
      name: 'a public instance open to the world on its port is critical',
      inventory: [
        inRegion({
          rds: { instances: ok([db('analytics', { engine: 'mysql', publiclyAccessible: true, securityGroupIds: ['sg-a'], endpoint: { port: 3306 } })]), clusters: ok([]), snapshots: ok([]) },
          ec2: { securityGroups: ok([sg('sg-a', { name: 'analytics-db', ingress: [tcp(3306, '0.0.0.0/0')] })]) },
        }),
      ],
      findings: [
        { status: 'fail', resourceId: rdsArn('db', 'analytics'), detail: 'public', message: 'DB instance analytics is publicly accessible (PubliclyAccessible = true): it has an address reachable from the internet.' },
        { status: 'fail', resourceId: rdsArn('db', 'analytics'), severity: 'critical', detail: 'ingress:sg-a:tcp:3306-3306<-cidr4:0.0.0.0/0', message: 'DB instance analytics admits 0.0.0.0/0 to TCP port 3306 through security group sg-a (analytics-db).' },
      ],
    },
    {
      name: 'a private instance admitting a /8 and ::/0; an Aurora cluster made public by a member',
      inventory: [
        inRegion({
          rds: {
            instances: ok([db('orders', { securityGroupIds: ['sg-w'] }), db('rep-1', { clusterId: 'rep', publiclyAccessible: true })]),
            clusters: ok([cluster('rep', { memberIds: ['rep-1'] })]),
            snapshots: ok([]),
          },
          ec2: { securityGroups: ok([sg('sg-w', { name: 'wide', ingress: [tcp(5432, '10.0.0.0/8'), tcp(5432, '::/0')] })]) },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: rdsArn('db', 'orders'), detail: 'public', message: 'DB instance orders is not publicly accessible.' },
        { status: 'fail', resourceId: rdsArn('db', 'orders'), severity: 'medium', detail: 'ingress:sg-w:tcp:5432-5432<-cidr4:10.0.0.0/8', message: 'DB instance orders admits 10.0.0.0/8 to TCP port 5432 through security group sg-w (wide).' },
        { status: 'fail', resourceId: rdsArn('db', 'orders'), severity: 'high', detail: 'ingress:sg-w:tcp:5432-5432<-cidr6:::/0', message: 'DB instance orders admits ::/0 to TCP port 5432 through security group sg-w (wide).' },
        { status: 'fail', resourceId: rdsArn('cluster', 'rep'), detail: 'public', message: 'DB cluster rep is publicly accessible (public members: rep-1): it has an address reachable from the internet.' },
      ],
    },
    {
      name: 'a public snapshot',
      inventory: [inRegion({ rds: { instances: ok([]), clusters: ok([]), snapshots: ok([snapshot('export', { restoreAccounts: ok(['all']) })]) } })],
      findings: [{ status: 'fail', resourceId: rdsArn('snapshot', 'export'), severity: 'critical', message: 'DB snapshot export can be restored by any AWS account (its restore attribute includes "all").' }],
    },
  ],
  unknown: [
    {
      name: "a group that is not in the inventory, and a snapshot whose attributes could not be read",
      inventory: [
        inRegion({
          rds: { instances: ok([db('orders', { securityGroupIds: ['sg-gone'] })]), clusters: ok([]), snapshots: ok([snapshot('s-x', { restoreAccounts: failed('rds:DescribeDBSnapshotAttributes', 'AccessDenied') })]) },
          ec2: { securityGroups: ok([]) },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: rdsArn('db', 'orders'), detail: 'public', message: 'DB instance orders is not publicly accessible.' },
        { status: 'unknown', resourceId: rdsArn('db', 'orders'), detail: 'ingress:sg-gone', message: 'DB instance orders uses security group sg-gone, which is not among the security groups read in us-east-1: its ingress could not be judged.' },
        { status: 'unknown', resourceId: rdsArn('snapshot', 's-x'), message: 'Could not read who may restore DB snapshot s-x: rds:DescribeDBSnapshotAttributes failed: AccessDenied.' },
      ],
    },
    {
      // Aurora keeps PubliclyAccessible on its instances: without them the cluster is not "not public".
      name: 'an Aurora cluster whose member instances could not be read',
      inventory: [
        inRegion({
          rds: { instances: failed('rds:DescribeDBInstances', 'AccessDenied'), clusters: ok([cluster('prod', { securityGroupIds: ['sg-db'], memberIds: ['prod-1'] })]), snapshots: ok([]) },
          ec2: { securityGroups: ok([sg('sg-db', { ingress: [fromGroup(5432, 'sg-app')] })]) },
        }),
      ],
      findings: [
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'instances', message: 'Could not read the DB instances: rds:DescribeDBInstances failed: AccessDenied.' },
        {
          status: 'unknown',
          resourceId: rdsArn('cluster', 'prod'),
          detail: 'public',
          message: 'Could not read the members of DB cluster prod (their PubliclyAccessible flags decide whether it is public): rds:DescribeDBInstances failed: AccessDenied.',
        },
        { status: 'pass', resourceId: rdsArn('cluster', 'prod'), detail: 'ingress', message: 'DB cluster prod admits its port only from security groups or from address blocks no wider than /16 (IPv4) and /56 (IPv6).' },
      ],
    },
    {
      name: 'security groups could not be read',
      inventory: [inRegion({ rds: { instances: ok([db('orders', { securityGroupIds: ['sg-db'] })]), clusters: ok([]), snapshots: ok([]) } })],
      findings: [
        { status: 'pass', resourceId: rdsArn('db', 'orders'), detail: 'public', message: 'DB instance orders is not publicly accessible.' },
        { status: 'unknown', resourceId: rdsArn('db', 'orders'), detail: 'ingress', message: 'Could not read the security groups of DB instance orders: ec2:DescribeSecurityGroups failed: not collected: not part of this inventory.' },
      ],
    },
  ],
});
