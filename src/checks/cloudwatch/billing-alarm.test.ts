import type { z } from 'zod';
import { failed, ok, type AlarmSchema, type InventoryPart } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './billing-alarm.js';

const ACCOUNT = `arn:aws:iam::${TEST_ACCOUNT}:root`;
const arn = (name: string) => `arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:alarm:${name}`;
const TOPIC = `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:billing`;
type Dim = { name: string; value: string };
const alarm = (name: string, threshold: number | undefined, over: { actionsEnabled?: boolean; alarmActions?: string[]; dimensions?: Dim[] } = {}) => ({
  arn: arn(name),
  name,
  namespace: 'AWS/Billing',
  metricName: 'EstimatedCharges',
  dimensions: over.dimensions ?? [{ name: 'Currency', value: 'USD' }],
  threshold,
  actionsEnabled: over.actionsEnabled ?? true,
  alarmActions: over.alarmActions ?? [TOPIC],
});
const alarms = (...a: Array<z.input<typeof AlarmSchema>>): InventoryPart => ({ regions: { 'us-east-1': { cloudwatch: { alarms: ok(a) } } } });
const ok1 = (name: string, t: number) => ({ status: 'pass' as const, resourceId: arn(name), message: `Billing alarm ${name} (threshold ${t}) notifies 1 action(s).` });
const none = { status: 'fail' as const, resourceId: ACCOUNT, detail: 'coverage', message: 'No alarm with an action watches the estimated charges (AWS/Billing EstimatedCharges in us-east-1).' };

testCheck(check, {
  pass: [
    {
      name: "the guide's two thresholds: the usual bill and 20% above it",
      inventory: [alarms(alarm('usual', 1000), alarm('high', 1200))],
      findings: [ok1('usual', 1000), ok1('high', 1200), { status: 'pass', resourceId: ACCOUNT, detail: 'coverage', message: 'Estimated charges are watched at 2 threshold(s) (1000, 1200).' }],
    },
    {
      name: 'one threshold: a pass with a note of low severity',
      inventory: [alarms(alarm('usual', 1000))],
      findings: [ok1('usual', 1000), { status: 'pass', resourceId: ACCOUNT, detail: 'coverage', severity: 'low', message: 'Estimated charges are watched at 1 threshold(s) (1000); the guide suggests 2: the usual bill and 10-20% above it.' }],
    },
    {
      name: 'a metric-math alarm over EstimatedCharges counts; alarms on other metrics are ignored',
      inventory: [
        alarms(
          { arn: arn('math'), name: 'math', metrics: [{ namespace: 'AWS/Billing', metricName: 'EstimatedCharges', dimensions: [{ name: 'Currency', value: 'USD' }] }], threshold: 900, actionsEnabled: true, alarmActions: [TOPIC] },
          { arn: arn('cpu'), name: 'cpu', namespace: 'AWS/EC2', metricName: 'CPUUtilization', threshold: 90, actionsEnabled: true, alarmActions: [] },
        ),
      ],
      options: { suggestedThresholds: 1 },
      findings: [ok1('math', 900), { status: 'pass', resourceId: ACCOUNT, detail: 'coverage', message: 'Estimated charges are watched at 1 threshold(s) (900).' }],
    },
  ],
  fail: [
    { name: 'no alarm at all', inventory: [alarms()], findings: [none] },
    {
      name: 'an alarm with its actions disabled, and one with no action',
      inventory: [alarms(alarm('disabled', 1000, { actionsEnabled: false }), alarm('silent', 1200, { alarmActions: [] }))],
      findings: [
        { status: 'fail', resourceId: arn('disabled'), message: 'Billing alarm disabled (threshold 1000) notifies nobody: its actions are disabled.' },
        { status: 'fail', resourceId: arn('silent'), message: 'Billing alarm silent (threshold 1200) notifies nobody: it has no alarm action.' },
        none,
      ],
    },
    {
      name: 'a Terraform alarm without action fails; a template set gives no verdict on the whole account',
      source: 'terraform',
      inventory: [alarms(alarm('silent', 1200, { alarmActions: [] }))],
      findings: [{ status: 'fail', resourceId: arn('silent'), message: 'Billing alarm silent (threshold 1200) notifies nobody: it has no alarm action.' }],
    },
    {
      name: 'only a per-service alarm (ServiceName dimension) watches charges',
      inventory: [alarms(alarm('ec2-charges', 300, { dimensions: [{ name: 'ServiceName', value: 'AmazonEC2' }, { name: 'Currency', value: 'USD' }] }))],
      findings: [ok1('ec2-charges', 300), { status: 'fail', resourceId: ACCOUNT, detail: 'coverage', message: 'Only per-service billing alarms have actions (ec2-charges); none watches the whole bill.' }],
    },
  ],
  unknown: [
    {
      name: 'us-east-1 was not scanned: billing metrics live only there',
      regions: ['eu-west-1'],
      inventory: [],
      findings: [{ status: 'unknown', resourceId: ACCOUNT, detail: 'coverage', message: 'Billing metrics live in us-east-1, which was not scanned: the billing alarms could not be seen.' }],
    },
    {
      name: 'the alarms could not be read',
      inventory: [{ regions: { 'us-east-1': { cloudwatch: { alarms: failed('cloudwatch:DescribeAlarms', 'AccessDenied') } } } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT, detail: 'coverage', message: 'Could not read the CloudWatch alarms of us-east-1: cloudwatch:DescribeAlarms failed: AccessDenied.' }],
    },
  ],
});
