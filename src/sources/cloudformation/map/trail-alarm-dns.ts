import { ok, type Alarm, type Trail } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStrList } from '../../iac/fields.js';
import { isUnknown } from '../../iac/value.js';
import { refOf } from '../identity.js';
import { knownStrings } from './ec2.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] | undefined => {
  const l = asStrList(v);
  return l === undefined || isUnknown(l) ? undefined : l.filter((x): x is string => typeof x === 'string');
};

const trail: Mapper = (m) => {
  const p = m.props;
  const name = String(refOf(m.type, m.logicalId, () => p, m.where));
  const arn = arns.trail(m.where, name);
  const f = fieldsOf(m, arn);
  const topic = str(p.SnsTopicName);
  const selectors = list(p.EventSelectors).map(obj);
  const advanced = list(p.AdvancedEventSelectors).map(obj);
  const t: Trail = {
    ...declared(m),
    arn,
    name,
    homeRegion: m.where.region,
    isMultiRegion: f.bool('IsMultiRegionTrail', p.IsMultiRegionTrail, false, true, 'isMultiRegion'),
    isOrganizationTrail: f.bool('IsOrganizationTrail', p.IsOrganizationTrail, false, false, 'isOrganizationTrail'),
    includeGlobalServiceEvents: f.bool('IncludeGlobalServiceEvents', p.IncludeGlobalServiceEvents, true, true, 'includeGlobalServiceEvents'),
    ...(str(p.S3BucketName) ? { s3BucketName: str(p.S3BucketName) } : {}),
    ...(str(p.S3KeyPrefix) ? { s3KeyPrefix: str(p.S3KeyPrefix) } : {}),
    ...(topic ? { snsTopicArn: topic.startsWith('arn:') ? topic : arns.topic(m.where, topic) } : {}),
    ...(str(p.KMSKeyId) ? { kmsKeyId: str(p.KMSKeyId) } : {}),
    logFileValidationEnabled: f.bool('EnableLogFileValidation', p.EnableLogFileValidation, false, true, 'logFileValidationEnabled'),
    ...(str(p.CloudWatchLogsLogGroupArn) ? { cloudWatchLogsLogGroupArn: str(p.CloudWatchLogsLogGroupArn) } : {}),
    status: f.attr(p.IsLogging, (v) => ({ isLogging: asBool(v) === true })),
    eventSelectors: f.attr([selectors, advanced], () => ({
      // A trail created without selectors logs all management events, read and write.
      classic:
        selectors.length || advanced.length
          ? selectors.map((s) => ({
              readWriteType: s.ReadWriteType === 'ReadOnly' || s.ReadWriteType === 'WriteOnly' ? s.ReadWriteType : 'All',
              includeManagementEvents: asBool(s.IncludeManagementEvents) !== false,
              excludeManagementEventSources: strs(s.ExcludeManagementEventSources) ?? [],
            }))
          : [{ readWriteType: 'All' as const, includeManagementEvents: true, excludeManagementEventSources: [] }],
      advanced: advanced.map((a) => ({
        ...(str(a.Name) ? { name: str(a.Name) } : {}),
        fieldSelectors: list(a.FieldSelectors).map((fs) => {
          const o = obj(fs);
          const pick = (k: string) => (strs(o[k]) ? { [k.charAt(0).toLowerCase() + k.slice(1)]: strs(o[k]) } : {});
          return { field: String(o.Field ?? ''), ...pick('Equals'), ...pick('NotEquals'), ...pick('StartsWith'), ...pick('NotStartsWith'), ...pick('EndsWith'), ...pick('NotEndsWith') };
        }),
      })),
    })),
  };
  m.c.region(m.where.region).trails.push(t);
};

function metricOf(o: Record<string, unknown>) {
  return {
    ...(str(o.Namespace) ? { namespace: str(o.Namespace) } : {}),
    ...(str(o.MetricName) ? { metricName: str(o.MetricName) } : {}),
    dimensions: list(o.Dimensions).flatMap((d) => {
      const dn = str(obj(d).Name);
      const dv = str(obj(d).Value);
      return dn && dv !== undefined ? [{ name: dn, value: dv }] : [];
    }),
  };
}

const alarm: Mapper = (m) => {
  const p = m.props;
  const name = String(refOf(m.type, m.logicalId, () => p, m.where));
  const arn = arns.alarm(m.where, name);
  const f = fieldsOf(m, arn);
  const threshold = asNum(p.Threshold);
  const a: Alarm = {
    ...declared(m),
    arn,
    name,
    ...metricOf(p),
    metrics: list(p.Metrics).flatMap((x) => {
      const metric = obj(obj(obj(x).MetricStat).Metric);
      return Object.keys(metric).length ? [metricOf(metric)] : [];
    }),
    ...(str(p.Statistic) ? { statistic: str(p.Statistic) } : {}),
    ...(typeof threshold === 'number' ? { threshold } : {}),
    ...(str(p.ComparisonOperator) ? { comparisonOperator: str(p.ComparisonOperator) } : {}),
    actionsEnabled: f.bool('ActionsEnabled', p.ActionsEnabled, true, true, 'actionsEnabled'),
    alarmActions: knownStrings(f, 'AlarmActions', p.AlarmActions),
    okActions: knownStrings(f, 'OKActions', p.OKActions),
    insufficientDataActions: knownStrings(f, 'InsufficientDataActions', p.InsufficientDataActions),
  };
  m.c.region(m.where.region).alarms.push(a);
};

const fqdn = (n: string) => (n.endsWith('.') ? n : `${n}.`);

const zone: Mapper = (m) => {
  const p = m.props;
  const name = str(p.Name) ?? m.logicalId;
  m.c.hostedZones.push({
    ...declared(m),
    id: m.logicalId,
    arn: arns.hostedZone(m.where, m.logicalId),
    name: fqdn(name),
    private: list(p.VPCs).length > 0,
    records: ok([]),
  });
};

function record(m: Parameters<Mapper>[0], r: Record<string, unknown>, zoneRef: unknown): void {
  const zoneId = str(zoneRef);
  const name = str(r.Name);
  const type = str(r.Type);
  if (!zoneId || !name || !type) return;
  const ttl = asNum(r.TTL);
  const alias = obj(r.AliasTarget);
  const values = strs(r.ResourceRecords) ?? [];
  m.c.records.push({
    zoneId,
    record: {
      name: fqdn(name),
      type,
      ...(typeof ttl === 'number' ? { ttl } : {}),
      values,
      ...(str(alias.DNSName) ? { aliasTarget: { dnsName: str(alias.DNSName)!, ...(str(alias.HostedZoneId) ? { hostedZoneId: str(alias.HostedZoneId) } : {}) } } : {}),
      location: m.location,
    },
  });
}

const recordSet: Mapper = (m) => record(m, m.props, m.props.HostedZoneId ?? m.props.HostedZoneName);
const recordSetGroup: Mapper = (m) => {
  for (const r of list(m.props.RecordSets)) record(m, obj(r), m.props.HostedZoneId ?? m.props.HostedZoneName);
};

export const trailAlarmDnsMappers: Record<string, Mapper> = {
  'AWS::CloudTrail::Trail': trail,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::Route53::HostedZone': zone,
  'AWS::Route53::RecordSet': recordSet,
  'AWS::Route53::RecordSetGroup': recordSetGroup,
};
