import type { Alarm, DbCluster, DbInstance } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ResourceRef } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { notifies, watches } from './alarms.js';

type Coverage = { kind: 'alarm'; alarm: Alarm } | { kind: 'silent'; alarm: Alarm } | { kind: 'none' };

/** The best alarm on DatabaseConnections for one dimension value: one that notifies, else a silent one. */
function coverage(alarms: Alarm[], dimension: 'DBInstanceIdentifier' | 'DBClusterIdentifier', id: string): Coverage {
  const on = alarms.filter((a) => watches(a, 'AWS/RDS', 'DatabaseConnections', { name: dimension, value: id }));
  const live = on.find(notifies);
  if (live) return { kind: 'alarm', alarm: live };
  return on[0] ? { kind: 'silent', alarm: on[0] } : { kind: 'none' };
}

const dbResource = (x: DbInstance | DbCluster, type: string, region: string): ResourceRef => ({
  id: x.arn,
  type,
  region,
  ...(x.location ? { location: x.location } : {}),
  ...(x.condition ? { condition: x.condition } : {}),
});

export default defineCheck({
  id: 'cloudwatch.rds-connections-alarm',
  title: 'Each database has an alarm on its connection count',
  description:
    'A jump in database connections is a sign of trouble: a leaked password being tried, an injection flaw being farmed, or a runaway client. An alarm on DatabaseConnections, set above the usual trend, makes someone look.',
  severity: 'low',
  guideIds: ['cloudwatch.rds-connections-alarm'],
  needs: ['regions.*.rds.instances', 'regions.*.rds.clusters', 'regions.*.cloudwatch.alarms'],
  permissions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'cloudwatch:DescribeAlarms'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'For each database, look at the DatabaseConnections trend and create an alarm, in the database\'s region, a margin above its usual peak, notifying an SNS topic someone reads. For an Aurora cluster one alarm on the cluster (DBClusterIdentifier) covers its instances.',
    cli: 'aws cloudwatch put-metric-alarm --region REGION --alarm-name DB_ID-connections --namespace AWS/RDS --metric-name DatabaseConnections --dimensions Name=DBInstanceIdentifier,Value=DB_ID --statistic Maximum --period 300 --evaluation-periods 2 --threshold 200 --comparison-operator GreaterThanThreshold --alarm-actions arn:aws:sns:REGION:ACCOUNT:ops-alerts',
    cloudformation:
      'DbConnectionsAlarm:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/RDS\n    MetricName: DatabaseConnections\n    Dimensions:\n      - Name: DBInstanceIdentifier\n        Value: !Ref Database\n    Statistic: Maximum\n    Period: 300\n    EvaluationPeriods: 2\n    Threshold: 200\n    ComparisonOperator: GreaterThanThreshold\n    AlarmActions:\n      - !Ref OpsTopic',
    terraform:
      'resource "aws_cloudwatch_metric_alarm" "db_connections" {\n  alarm_name          = "${aws_db_instance.main.identifier}-connections"\n  namespace           = "AWS/RDS"\n  metric_name         = "DatabaseConnections"\n  dimensions          = { DBInstanceIdentifier = aws_db_instance.main.identifier }\n  statistic           = "Maximum"\n  period              = 300\n  evaluation_periods  = 2\n  threshold           = 200\n  comparison_operator = "GreaterThanThreshold"\n  alarm_actions       = [aws_sns_topic.ops.arn]\n}',
  },
  messages: {
    alarmed: '{{kind}} {{db}} has a connection-count alarm ({{alarm}}, threshold {{threshold}}).',
    viaCluster: 'DB instance {{db}} is covered by the connection-count alarm of its cluster {{cluster}} ({{alarm}}).',
    viaMembers: 'DB cluster {{db}} has no alarm of its own, but each of its instances has a connection-count alarm.',
    silent: '{{kind}} {{db}} has a connection-count alarm ({{alarm}}) that notifies nobody.',
    none: '{{kind}} {{db}} has no alarm on DatabaseConnections in {{region}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const instances = r.rds.instances;
      const clusters = r.rds.clusters;
      const here = accountResource(inventory, region);
      if (instances.state !== 'ok' && instances.state !== 'absent') out.push(missing(here, instances, `the DB instances of ${region}`, 'instances'));
      if (clusters.state !== 'ok' && clusters.state !== 'absent') out.push(missing(here, clusters, `the DB clusters of ${region}`, 'clusters'));
      const dbs = instances.state === 'ok' ? instances.value : [];
      const cls = clusters.state === 'ok' ? clusters.value : [];
      if (dbs.length === 0 && cls.length === 0) continue;
      const alarmsAttr = r.cloudwatch.alarms;
      if (alarmsAttr.state !== 'ok' && alarmsAttr.state !== 'absent') {
        for (const d of dbs) out.push(missing(dbResource(d, 'AWS::RDS::DBInstance', region), alarmsAttr, `the CloudWatch alarms of ${region}`));
        for (const c of cls) out.push(missing(dbResource(c, 'AWS::RDS::DBCluster', region), alarmsAttr, `the CloudWatch alarms of ${region}`));
        continue;
      }
      const alarms = alarmsAttr.state === 'ok' ? alarmsAttr.value : [];
      const threshold = (a: Alarm) => (a.threshold === undefined ? 'anomaly band' : String(a.threshold));

      const clusterCov = new Map(cls.map((c) => [c.id, coverage(alarms, 'DBClusterIdentifier', c.id)]));
      const instanceCov = new Map(dbs.map((d) => [d.id, coverage(alarms, 'DBInstanceIdentifier', d.id)]));

      for (const d of dbs) {
        const resource = dbResource(d, 'AWS::RDS::DBInstance', region);
        const own = instanceCov.get(d.id) ?? { kind: 'none' as const };
        const viaCluster = d.clusterId ? clusterCov.get(d.clusterId) : undefined;
        const data = { kind: 'DB instance', db: d.id, region };
        if (own.kind === 'alarm') out.push({ status: 'pass', resource, message: 'alarmed', data: { ...data, alarm: own.alarm.name, threshold: threshold(own.alarm) } });
        else if (viaCluster?.kind === 'alarm') out.push({ status: 'pass', resource, message: 'viaCluster', data: { ...data, cluster: d.clusterId ?? '', alarm: viaCluster.alarm.name } });
        // Its cluster's alarm would cover it: with the clusters unread, no alarm of its own proves nothing.
        else if (d.clusterId && clusters.state !== 'ok' && clusters.state !== 'absent') out.push(missing(resource, clusters, `whether cluster ${d.clusterId} has a connection-count alarm that covers DB instance ${d.id}`));
        else if (own.kind === 'silent') out.push({ status: 'fail', resource, message: 'silent', data: { ...data, alarm: own.alarm.name } });
        else out.push({ status: 'fail', resource, message: 'none', data });
      }
      for (const c of cls) {
        const resource = dbResource(c, 'AWS::RDS::DBCluster', region);
        const own = clusterCov.get(c.id) ?? { kind: 'none' as const };
        const data = { kind: 'DB cluster', db: c.id, region };
        const members = c.memberIds.map((m) => instanceCov.get(m));
        if (own.kind === 'alarm') out.push({ status: 'pass', resource, message: 'alarmed', data: { ...data, alarm: own.alarm.name, threshold: threshold(own.alarm) } });
        else if (members.length > 0 && members.every((m) => m?.kind === 'alarm')) out.push({ status: 'pass', resource, message: 'viaMembers', data });
        // Alarms on every member would cover it: with the instances unread, that is unknown.
        else if (c.memberIds.length > 0 && instances.state !== 'ok' && instances.state !== 'absent') out.push(missing(resource, instances, `whether the instances of DB cluster ${c.id} have connection-count alarms`));
        else if (own.kind === 'silent') out.push({ status: 'fail', resource, message: 'silent', data: { ...data, alarm: own.alarm.name } });
        else out.push({ status: 'fail', resource, message: 'none', data });
      }
    }
    return out;
  },
});
