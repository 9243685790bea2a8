import { z } from 'zod';
import type { Alarm } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { alarmResource, metricsOf, notifies, watches } from './alarms.js';

/** Billing metrics exist only in US East (N. Virginia). */
const BILLING_REGION = 'us-east-1';

const Options = z.object({
  /** How many distinct thresholds the guide's advice amounts to: the usual bill, and 10-20% above it. */
  suggestedThresholds: z.number().int().min(1).default(2),
});

/** A per-service alarm (ServiceName dimension) watches one service's charges, not the bill. */
const isTotal = (a: Alarm): boolean =>
  metricsOf(a).some((m) => m.metricName === 'EstimatedCharges' && !m.dimensions.some((d) => d.name === 'ServiceName'));

export default defineCheck({
  id: 'cloudwatch.billing-alarm',
  title: 'Billing alarms watch estimated charges (about the usual monthly bill, and 10-20% above it)',
  description:
    'Someone who takes over an account usually starts by running up a bill (crypto-mining fleets in every region). An alarm on estimated charges is often the first signal. The guide sets two: one at the usual monthly bill, one 10-20% above it.',
  severity: 'medium',
  guideIds: ['cloudwatch.billing-alarm'],
  needs: ['regions.us-east-1.cloudwatch.alarms'],
  permissions: ['cloudwatch:DescribeAlarms'],
  sources: ['aws', 'cloudformation', 'terraform'],
  remediation: {
    text: 'Turn on "Receive CloudWatch billing alerts" in the Billing preferences (as root or a billing administrator), then create, in us-east-1, an alarm on AWS/Billing EstimatedCharges (Currency USD) at the usual monthly bill and another 10-20% above it, each notifying an SNS topic that a person reads.',
    cli: 'aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name billing-usual --namespace AWS/Billing --metric-name EstimatedCharges --dimensions Name=Currency,Value=USD --statistic Maximum --period 21600 --evaluation-periods 1 --threshold 1000 --comparison-operator GreaterThanThreshold --alarm-actions arn:aws:sns:us-east-1:ACCOUNT:billing-alerts\n# and a second one 10-20% higher, e.g. --alarm-name billing-high --threshold 1200',
    cloudformation:
      '# Deploy in us-east-1\nBillingAlarmUsual:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/Billing\n    MetricName: EstimatedCharges\n    Dimensions:\n      - Name: Currency\n        Value: USD\n    Statistic: Maximum\n    Period: 21600\n    EvaluationPeriods: 1\n    Threshold: 1000\n    ComparisonOperator: GreaterThanThreshold\n    AlarmActions:\n      - !Ref BillingTopic',
    terraform:
      'provider "aws" {\n  alias  = "billing"\n  region = "us-east-1"\n}\nresource "aws_cloudwatch_metric_alarm" "billing" {\n  for_each            = { usual = 1000, high = 1200 }\n  provider            = aws.billing\n  alarm_name          = "billing-${each.key}"\n  namespace           = "AWS/Billing"\n  metric_name         = "EstimatedCharges"\n  dimensions          = { Currency = "USD" }\n  statistic           = "Maximum"\n  period              = 21600\n  evaluation_periods  = 1\n  threshold           = each.value\n  comparison_operator = "GreaterThanThreshold"\n  alarm_actions       = [aws_sns_topic.billing.arn]\n}',
  },
  messages: {
    watched: 'Estimated charges are watched at {{count}} threshold(s) ({{thresholds}}).',
    fewThresholds: 'Estimated charges are watched at {{count}} threshold(s) ({{thresholds}}); the guide suggests {{suggested}}: the usual bill and 10-20% above it.',
    none: 'No alarm with an action watches the estimated charges (AWS/Billing EstimatedCharges in us-east-1).',
    perServiceOnly: 'Only per-service billing alarms have actions ({{alarms}}); none watches the whole bill.',
    alarmOk: 'Billing alarm {{alarm}} (threshold {{threshold}}) notifies {{count}} action(s).',
    alarmSilent: 'Billing alarm {{alarm}} (threshold {{threshold}}) notifies nobody: {{why}}.',
    notScanned: 'Billing metrics live in us-east-1, which was not scanned: the billing alarms could not be seen.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const account = accountResource(inventory, BILLING_REGION);
    const region = inventory.regions[BILLING_REGION];
    if (!region) return inventory.meta.source === 'aws' ? [{ status: 'unknown', resource: account, message: 'notScanned', detail: 'coverage' }] : [];
    const alarms = region.cloudwatch.alarms;
    if (alarms.state !== 'ok' && alarms.state !== 'absent') return [missing(account, alarms, `the CloudWatch alarms of ${BILLING_REGION}`, 'coverage')];
    const billing = (alarms.state === 'ok' ? alarms.value : []).filter((a) => watches(a, 'AWS/Billing', 'EstimatedCharges'));
    const out: CheckResult[] = [];
    const threshold = (a: Alarm) => (a.threshold === undefined ? 'anomaly band' : String(a.threshold));

    for (const a of billing) {
      const resource = alarmResource(a, BILLING_REGION);
      if (notifies(a)) out.push({ status: 'pass', resource, message: 'alarmOk', data: { alarm: a.name, threshold: threshold(a), count: a.alarmActions.length } });
      else {
        const why = !a.actionsEnabled ? 'its actions are disabled' : 'it has no alarm action';
        out.push({ status: 'fail', resource, message: 'alarmSilent', data: { alarm: a.name, threshold: threshold(a), why } });
      }
    }

    // A template set is not the whole account: IaC inventories get only the per-alarm verdicts.
    if (inventory.meta.source !== 'aws') return out;
    const live = billing.filter(notifies);
    const total = live.filter(isTotal);
    const thresholds = [...new Set(total.map(threshold))].sort((x, y) => Number(x) - Number(y));
    if (total.length === 0) {
      out.push(
        live.length > 0
          ? { status: 'fail', resource: account, message: 'perServiceOnly', data: { alarms: live.map((a) => a.name).join(', ') }, detail: 'coverage' }
          : { status: 'fail', resource: account, message: 'none', detail: 'coverage' },
      );
    } else if (thresholds.length < options.suggestedThresholds) {
      out.push({ status: 'pass', resource: account, message: 'fewThresholds', data: { count: thresholds.length, thresholds: thresholds.join(', '), suggested: options.suggestedThresholds }, detail: 'coverage', severity: 'low' });
    } else {
      out.push({ status: 'pass', resource: account, message: 'watched', data: { count: thresholds.length, thresholds: thresholds.join(', ') }, detail: 'coverage' });
    }
    return out;
  },
});
