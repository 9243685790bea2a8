import { z } from 'zod';
import { attr, ResourceBase } from './attr.js';

const MetricSchema = z.object({
  namespace: z.string().optional(),
  metricName: z.string().optional(),
  dimensions: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
});

export const AlarmSchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  name: z.string(),
  ...MetricSchema.shape,
  /** Metric-math alarms: the metrics they read. */
  metrics: z.array(MetricSchema).default([]),
  statistic: z.string().optional(),
  threshold: z.number().optional(),
  comparisonOperator: z.string().optional(),
  actionsEnabled: z.boolean(),
  alarmActions: z.array(z.string()),
  okActions: z.array(z.string()).default([]),
  insufficientDataActions: z.array(z.string()).default([]),
  stateValue: z.string().optional(),
});
export type Alarm = z.infer<typeof AlarmSchema>;

export const CloudWatchSchema = z.object({ alarms: attr(z.array(AlarmSchema)) });
export type CloudWatchInventory = z.infer<typeof CloudWatchSchema>;
