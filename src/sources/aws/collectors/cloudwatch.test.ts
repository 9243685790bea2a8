import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { cloudwatchCollector } from './cloudwatch.js';

const mocks = mockAll();
const cw = mocks.get(CloudWatchClient);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
beforeEach(() => mocks.reset());

describe('cloudwatch collector', () => {
  it('follows DescribeAlarms pages and keeps the metrics of metric-math alarms', async () => {
    cw.on(DescribeAlarmsCommand, { NextToken: undefined })
      .resolves({
        MetricAlarms: [
          { AlarmName: 'billing', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:billing', Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges', Dimensions: [{ Name: 'Currency', Value: 'USD' }], Threshold: 100, ComparisonOperator: 'GreaterThanThreshold', ActionsEnabled: true, AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'], Statistic: 'Maximum' },
        ],
        NextToken: 'p2',
      })
      .on(DescribeAlarmsCommand, { NextToken: 'p2' })
      .resolves({
        MetricAlarms: [
          { AlarmName: 'math', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:math', ActionsEnabled: false, Metrics: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/RDS', MetricName: 'DatabaseConnections' }, Period: 60, Stat: 'Sum' } }, { Id: 'e1', Expression: 'm1*2' }] },
        ],
      });
    const { part } = await collect(cloudwatchCollector, 'us-east-1');
    const [billing, math] = okValue(part.cloudwatch?.alarms);
    expect(billing).toMatchObject({ name: 'billing', namespace: 'AWS/Billing', metricName: 'EstimatedCharges', dimensions: [{ name: 'Currency', value: 'USD' }], threshold: 100, actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'], statistic: 'Maximum' });
    expect(math).toMatchObject({ name: 'math', actionsEnabled: false, metrics: [{ namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: [] }] });
  });
});
