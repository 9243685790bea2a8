import { ok, type Alarm, type Trail } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStrList } from '../../iac/fields.js';
import { isUnknown } from '../../iac/value.js';
import { blocks, declared, fieldsOf, knownStrings, rec, str, type TfMapContext, type TfMapper } from './context.js';

const strs = (v: unknown): string[] | undefined => {
  const l = asStrList(v);
  return l === undefined || isUnknown(l) ? undefined : l.filter((x): x is string => typeof x === 'string');
};

const trail: TfMapper = (m) => {
  const c = m.cfg;
  const name = String(c.name ?? m.address);
  const arn = arns.trail(m.where, name);
  const f = fieldsOf(m, arn);
  const topic = str(c.sns_topic_name);
  const selectors = blocks(c.event_selector);
  const advanced = blocks(c.advanced_event_selector);
  const t: Trail = {
    ...declared(m),
    arn,
    name,
    homeRegion: m.where.region,
    isMultiRegion: f.bool('is_multi_region_trail', c.is_multi_region_trail, false, true, 'isMultiRegion'),
    isOrganizationTrail: f.bool('is_organization_trail', c.is_organization_trail, false, false, 'isOrganizationTrail'),
    includeGlobalServiceEvents: f.bool('include_global_service_events', c.include_global_service_events, true, true, 'includeGlobalServiceEvents'),
    ...(str(c.s3_bucket_name) ? { s3BucketName: str(c.s3_bucket_name) } : {}),
    ...(str(c.s3_key_prefix) ? { s3KeyPrefix: str(c.s3_key_prefix) } : {}),
    ...(topic ? { snsTopicArn: topic.startsWith('arn:') ? topic : arns.topic(m.where, topic) } : {}),
    ...(str(c.kms_key_id) ? { kmsKeyId: str(c.kms_key_id) } : {}),
    logFileValidationEnabled: f.bool('enable_log_file_validation', c.enable_log_file_validation, false, true, 'logFileValidationEnabled'),
    ...(str(c.cloud_watch_logs_group_arn) ? { cloudWatchLogsLogGroupArn: str(c.cloud_watch_logs_group_arn) } : {}),
    status: f.attr(c.enable_logging ?? true, (v) => ({ isLogging: asBool(v) !== false })),
    eventSelectors: f.attr([selectors, advanced], () => ({
      // Without selectors a trail logs all management events, read and write.
      classic:
        selectors.length || advanced.length
          ? selectors.map((x) => {
              const s = rec(x);
              const rw = s.read_write_type;
              return {
                readWriteType: rw === 'ReadOnly' || rw === 'WriteOnly' ? rw : ('All' as const),
                includeManagementEvents: asBool(s.include_management_events) !== false,
                excludeManagementEventSources: strs(s.exclude_management_event_sources) ?? [],
              };
            })
          : [{ readWriteType: 'All' as const, includeManagementEvents: true, excludeManagementEventSources: [] }],
      advanced: advanced.map((x) => {
        const a = rec(x);
        return {
          ...(str(a.name) ? { name: str(a.name) } : {}),
          fieldSelectors: blocks(a.field_selector).map((y) => {
            const o = rec(y);
            const pick = (k: string, out: string) => (strs(o[k])?.length ? { [out]: strs(o[k]) } : {});
            return {
              field: String(o.field ?? ''),
              ...pick('equals', 'equals'),
              ...pick('not_equals', 'notEquals'),
              ...pick('starts_with', 'startsWith'),
              ...pick('not_starts_with', 'notStartsWith'),
              ...pick('ends_with', 'endsWith'),
              ...pick('not_ends_with', 'notEndsWith'),
            };
          }),
        };
      }),
    })),
  };
  m.c.region(m.where.region).trails.push(t);
};

function dims(v: unknown) {
  return Object.entries(rec(v)).flatMap(([name, value]) => (typeof value === 'string' ? [{ name, value }] : []));
}

const alarm: TfMapper = (m) => {
  const c = m.cfg;
  const name = String(c.alarm_name ?? m.address);
  const arn = arns.alarm(m.where, name);
  const f = fieldsOf(m, arn);
  const threshold = asNum(c.threshold);
  const a: Alarm = {
    ...declared(m),
    arn,
    name,
    ...(str(c.namespace) ? { namespace: str(c.namespace) } : {}),
    ...(str(c.metric_name) ? { metricName: str(c.metric_name) } : {}),
    dimensions: dims(c.dimensions),
    metrics: blocks(c.metric_query).flatMap((q) => {
      const metric = rec(blocks(rec(q).metric)[0]);
      return Object.keys(metric).length ? [{ ...(str(metric.namespace) ? { namespace: str(metric.namespace) } : {}), ...(str(metric.metric_name) ? { metricName: str(metric.metric_name) } : {}), dimensions: dims(metric.dimensions) }] : [];
    }),
    ...(str(c.statistic) ? { statistic: str(c.statistic) } : {}),
    ...(typeof threshold === 'number' ? { threshold } : {}),
    ...(str(c.comparison_operator) ? { comparisonOperator: str(c.comparison_operator) } : {}),
    actionsEnabled: f.bool('actions_enabled', c.actions_enabled, true, true, 'actionsEnabled'),
    alarmActions: knownStrings(f, 'alarm_actions', c.alarm_actions),
    okActions: knownStrings(f, 'ok_actions', c.ok_actions),
    insufficientDataActions: knownStrings(f, 'insufficient_data_actions', c.insufficient_data_actions),
  };
  m.c.region(m.where.region).alarms.push(a);
};

const fqdn = (n: string) => (n.endsWith('.') ? n : `${n}.`);

const zone: TfMapper = (m) => {
  const id = String(m.cfg.zone_id ?? m.address);
  m.c.hostedZones.push({
    ...declared(m),
    id,
    arn: arns.hostedZone(m.where, id),
    name: fqdn(String(m.cfg.name ?? m.address)),
    private: blocks(m.cfg.vpc).length > 0,
    records: ok([]),
  });
};

function record(m: TfMapContext): void {
  const c = m.cfg;
  const zoneId = str(c.zone_id);
  const name = str(c.name);
  const type = str(c.type);
  if (!zoneId || name === undefined || !type) return;
  const ttl = asNum(c.ttl);
  const alias = rec(blocks(c.alias)[0]);
  // The provider quotes TXT values that are not quoted yet, as Route 53 stores them.
  const values = (strs(c.records) ?? []).map((v) => (type === 'TXT' || type === 'SPF') && !v.startsWith('"') ? `"${v}"` : v);
  m.c.records.push({
    zoneId,
    record: {
      name,
      type,
      ...(typeof ttl === 'number' ? { ttl } : {}),
      values,
      ...(str(alias.name) ? { aliasTarget: { dnsName: str(alias.name)!, ...(str(alias.zone_id) ? { hostedZoneId: str(alias.zone_id) } : {}) } } : {}),
      location: m.location,
    },
  });
}

export const trailAlarmDnsMappers: Record<string, TfMapper> = {
  aws_cloudtrail: trail,
  aws_cloudwatch_metric_alarm: alarm,
  aws_route53_zone: zone,
  aws_route53_record: record,
};
