import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Alarm } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { listAll } from '../list.js';
import { compact } from '../outcome.js';

const commands = commandTable([[DescribeAlarmsCommand, 'cloudwatch:DescribeAlarms']]);

const dims = (d: Array<{ Name?: string; Value?: string }> | undefined) => (d ?? []).map((x) => ({ name: x.Name ?? '', value: x.Value ?? '' }));

function alarm(a: MetricAlarm): Alarm {
  return compact({
    arn: a.AlarmArn ?? '',
    name: a.AlarmName ?? '',
    namespace: a.Namespace,
    metricName: a.MetricName,
    dimensions: dims(a.Dimensions),
    metrics: (a.Metrics ?? [])
      .filter((m) => m.MetricStat?.Metric)
      .map((m) =>
        compact({
          namespace: m.MetricStat?.Metric?.Namespace,
          metricName: m.MetricStat?.Metric?.MetricName,
          dimensions: dims(m.MetricStat?.Metric?.Dimensions),
        }),
      ),
    statistic: a.Statistic ?? a.ExtendedStatistic,
    threshold: a.Threshold,
    comparisonOperator: a.ComparisonOperator,
    actionsEnabled: a.ActionsEnabled !== false,
    alarmActions: a.AlarmActions ?? [],
    okActions: a.OKActions ?? [],
    insufficientDataActions: a.InsufficientDataActions ?? [],
    stateValue: a.StateValue,
  });
}

/** Metric alarms of one region; the billing alarms (AWS/Billing) exist only in us-east-1. */
export const cloudwatchCollector: RegionalCollector = {
  service: 'cloudwatch',
  scope: 'regional',
  fills: ['cloudwatch'],
  commands,
  async collect(ctx) {
    const cw = ctx.client(CloudWatchClient);
    const alarms = await listAll(
      ctx,
      cw,
      (NextToken) => new DescribeAlarmsCommand({ NextToken, MaxRecords: 100, AlarmTypes: ['MetricAlarm'] }),
      (o) => o.NextToken,
      (o) => (o.MetricAlarms ?? []).map(alarm),
    );
    return { cloudwatch: { alarms } };
  },
};
