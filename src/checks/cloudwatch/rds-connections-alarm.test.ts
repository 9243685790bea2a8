import type { z } from 'zod';
import { failed, ok, type AlarmSchema, type DbClusterSchema, type DbInstanceSchema, type InventoryPart } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './rds-connections-alarm.js';

const ACCOUNT = `arn:aws:iam::${TEST_ACCOUNT}:root`;
const dbArn = (id: string, region = 'us-east-1') => `arn:aws:rds:${region}:${TEST_ACCOUNT}:db:${id}`;
const clusterArn = (id: string) => `arn:aws:rds:us-east-1:${TEST_ACCOUNT}:cluster:${id}`;
const euCluster = `arn:aws:rds:eu-west-1:${TEST_ACCOUNT}:cluster:eu`;
const TOPIC = `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:ops`;
const db = (id: string, clusterId?: string) => ({ id, arn: dbArn(id), engine: 'postgres', publiclyAccessible: false, storageEncrypted: true, securityGroupIds: [], ...(clusterId ? { clusterId } : {}) });
const cluster = (id: string, memberIds: string[]) => ({ id, arn: clusterArn(id), engine: 'aurora-postgresql', storageEncrypted: true, securityGroupIds: [], memberIds });
const alarm = (name: string, dim: 'DBInstanceIdentifier' | 'DBClusterIdentifier', id: string, actions = [TOPIC]) => ({
  arn: `arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:alarm:${name}`,
  name,
  namespace: 'AWS/RDS',
  metricName: 'DatabaseConnections',
  dimensions: [{ name: dim, value: id }],
  threshold: 200,
  actionsEnabled: true,
  alarmActions: actions,
});
type In<T extends z.ZodType> = Array<z.input<T>>;
const region = (r: string, p: { instances?: In<typeof DbInstanceSchema>; clusters?: In<typeof DbClusterSchema>; alarms?: In<typeof AlarmSchema> }): InventoryPart => ({
  regions: { [r]: { rds: { instances: ok(p.instances ?? []), clusters: ok(p.clusters ?? []) }, cloudwatch: { alarms: ok(p.alarms ?? []) } } },
});

testCheck(check, {
  pass: [
    {
      name: 'an instance alarm, and a cluster alarm that covers its member',
      inventory: [region('us-east-1', { instances: [db('billing'), db('aurora-1', 'aurora')], clusters: [cluster('aurora', ['aurora-1'])], alarms: [alarm('billing-conn', 'DBInstanceIdentifier', 'billing'), alarm('aurora-conn', 'DBClusterIdentifier', 'aurora')] })],
      findings: [
        { status: 'pass', resourceId: dbArn('billing'), message: 'DB instance billing has a connection-count alarm (billing-conn, threshold 200).' },
        { status: 'pass', resourceId: dbArn('aurora-1'), message: 'DB instance aurora-1 is covered by the connection-count alarm of its cluster aurora (aurora-conn).' },
        { status: 'pass', resourceId: clusterArn('aurora'), message: 'DB cluster aurora has a connection-count alarm (aurora-conn, threshold 200).' },
      ],
    },
    {
      name: 'a cluster whose every member has its own alarm',
      inventory: [region('us-east-1', { instances: [db('a-1', 'a'), db('a-2', 'a')], clusters: [cluster('a', ['a-1', 'a-2'])], alarms: [alarm('a1', 'DBInstanceIdentifier', 'a-1'), alarm('a2', 'DBInstanceIdentifier', 'a-2')] })],
      findings: [
        { status: 'pass', resourceId: dbArn('a-1'), message: 'DB instance a-1 has a connection-count alarm (a1, threshold 200).' },
        { status: 'pass', resourceId: dbArn('a-2'), message: 'DB instance a-2 has a connection-count alarm (a2, threshold 200).' },
        { status: 'pass', resourceId: clusterArn('a'), message: 'DB cluster a has no alarm of its own, but each of its instances has a connection-count alarm.' },
      ],
    },
  ],
  fail: [
    {
      name: "an alarm in another region, or on another database's dimension, does not count",
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [region('us-east-1', { instances: [db('billing')], alarms: [alarm('other', 'DBInstanceIdentifier', 'reports')] }), region('eu-west-1', { alarms: [alarm('billing-eu', 'DBInstanceIdentifier', 'billing')] })],
      findings: [{ status: 'fail', resourceId: dbArn('billing'), message: 'DB instance billing has no alarm on DatabaseConnections in us-east-1.' }],
    },
    {
      name: 'an alarm that notifies nobody',
      inventory: [region('us-east-1', { instances: [db('billing')], alarms: [alarm('billing-conn', 'DBInstanceIdentifier', 'billing', [])] })],
      findings: [{ status: 'fail', resourceId: dbArn('billing'), message: 'DB instance billing has a connection-count alarm (billing-conn) that notifies nobody.' }],
    },
  ],
  unknown: [
    {
      name: 'the alarms could not be read where databases exist',
      inventory: [region('us-east-1', { instances: [db('billing')] }), { regions: { 'us-east-1': { cloudwatch: { alarms: failed('cloudwatch:DescribeAlarms', 'AccessDenied') } } } }],
      findings: [{ status: 'unknown', resourceId: dbArn('billing'), message: 'Could not read the CloudWatch alarms of us-east-1: cloudwatch:DescribeAlarms failed: AccessDenied.' }],
    },
    {
      // Never a fail on a guess: the unread list could hold the alarm's coverage (cluster alarm, or alarms on every member).
      name: 'without their own alarm, an instance whose cluster and a cluster whose instances could not be read',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        { regions: { 'us-east-1': { rds: { instances: ok([db('aurora-1', 'aurora')]), clusters: failed('rds:DescribeDBClusters', 'AccessDenied') }, cloudwatch: { alarms: ok([]) } } } },
        { regions: { 'eu-west-1': { rds: { instances: failed('rds:DescribeDBInstances', 'AccessDenied'), clusters: ok([{ ...cluster('eu', ['eu-1']), arn: euCluster }]) }, cloudwatch: { alarms: ok([]) } } } },
      ],
      findings: [
        { status: 'unknown', resourceId: ACCOUNT, detail: 'clusters', message: 'Could not read the DB clusters of us-east-1: rds:DescribeDBClusters failed: AccessDenied.' },
        { status: 'unknown', resourceId: dbArn('aurora-1'), message: 'Could not read whether cluster aurora has a connection-count alarm that covers DB instance aurora-1: rds:DescribeDBClusters failed: AccessDenied.' },
        { status: 'unknown', resourceId: ACCOUNT, detail: 'instances', message: 'Could not read the DB instances of eu-west-1: rds:DescribeDBInstances failed: AccessDenied.' },
        { status: 'unknown', resourceId: euCluster, message: 'Could not read whether the instances of DB cluster eu have connection-count alarms: rds:DescribeDBInstances failed: AccessDenied.' },
      ],
    },
    {
      name: 'the databases could not be listed',
      inventory: [{ regions: { 'us-east-1': { rds: { instances: failed('rds:DescribeDBInstances', 'AccessDenied'), clusters: ok([]) }, cloudwatch: { alarms: ok([]) } } } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT, detail: 'instances', message: 'Could not read the DB instances of us-east-1: rds:DescribeDBInstances failed: AccessDenied.' }],
    },
  ],
});
