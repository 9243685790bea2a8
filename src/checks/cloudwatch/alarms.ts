import type { Alarm } from '../../inventory/index.js';

/** One metric an alarm watches: its own, or one of a metric-math alarm's. */
export interface WatchedMetric {
  namespace?: string;
  metricName?: string;
  dimensions: Array<{ name: string; value: string }>;
}

export function metricsOf(a: Alarm): WatchedMetric[] {
  const own: WatchedMetric[] = a.metricName ? [{ namespace: a.namespace, metricName: a.metricName, dimensions: a.dimensions }] : [];
  return [...own, ...a.metrics];
}

/** Whether the alarm watches `namespace/metricName`, optionally with one dimension set to a value. */
export function watches(a: Alarm, namespace: string, metricName: string, dimension?: { name: string; value: string }): boolean {
  return metricsOf(a).some(
    (m) =>
      m.metricName === metricName &&
      (m.namespace === undefined || m.namespace === namespace) &&
      (!dimension || m.dimensions.some((d) => d.name === dimension.name && d.value === dimension.value)),
  );
}

/** An alarm that tells someone: actions enabled and at least one action on ALARM. */
export function notifies(a: Alarm): boolean {
  return a.actionsEnabled && a.alarmActions.length > 0;
}

export function alarmResource(a: Alarm, region: string) {
  return { id: a.arn, type: 'AWS::CloudWatch::Alarm', region, ...(a.location ? { location: a.location } : {}), ...(a.condition ? { condition: a.condition } : {}) };
}
