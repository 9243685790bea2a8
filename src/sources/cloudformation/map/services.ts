import { absent, ok } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asStr } from '../../iac/fields.js';
import { parsePolicy } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { refOf } from '../identity.js';
import { knownStrings } from './ec2.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Protocols whose subscriptions are confirmed without a human (AWS endpoints in the account). */
const AUTO_CONFIRMED = new Set(['lambda', 'sqs', 'firehose', 'application']);

const detector: Mapper = (m) => {
  const f = fieldsOf(m, arns.detector(m.where, m.logicalId));
  const enabled = f.bool('Enable', m.props.Enable, true, true);
  const freq = str(m.props.FindingPublishingFrequency);
  m.c.region(m.where.region).detectors.push({ id: m.logicalId, status: enabled ? 'ENABLED' : 'DISABLED', ...(freq ? { findingPublishingFrequency: freq } : {}) });
};

const firewall: Mapper = (m) => {
  const p = m.props;
  const arn = String(refOf(m.type, m.logicalId, () => p, m.where));
  const f = fieldsOf(m, arn);
  const vpc = asStr(p.VpcId);
  if (isUnknown(vpc)) f.defer('VpcId', vpc);
  const policy = str(p.FirewallPolicyArn);
  m.c.region(m.where.region).firewalls.push({
    ...declared(m),
    arn,
    name: str(p.FirewallName) ?? m.logicalId,
    vpcId: typeof vpc === 'string' ? vpc : '',
    subnetIds: list(p.SubnetMappings).flatMap((s) => (str(obj(s).SubnetId) ? [str(obj(s).SubnetId)!] : [])),
    ...(policy ? { policyArn: policy } : {}),
  });
};

const topic: Mapper = (m) => {
  const p = m.props;
  const arn = String(refOf(m.type, m.logicalId, () => p, m.where));
  const key = str(p.KmsMasterKeyId);
  const region = m.c.region(m.where.region);
  region.topics.push({
    ...declared(m),
    arn,
    // A topic without a policy resource has AWS's default policy (owner only): not public.
    policy: absent(),
    ...(key ? { kmsMasterKeyId: key } : {}),
    subscriptions: ok([]),
  });
  list(p.Subscription).forEach((s, i) => {
    const protocol = String(obj(s).Protocol ?? '');
    region.subscriptions.push({ topicArn: arn, subscription: { arn: arns.subscription(m.where, arn.split(':').pop() ?? '', `${m.logicalId}-${i + 1}`), protocol, pending: !AUTO_CONFIRMED.has(protocol) } });
  });
};

const topicPolicy: Mapper = (m) => {
  const f = fieldsOf(m, m.logicalId);
  const doc = parsePolicy(m.props.PolicyDocument);
  for (const t of knownStrings(f, 'Topics', m.props.Topics)) {
    m.c.region(m.where.region).topicPolicies.push({
      topicArn: t,
      policy: isUnknown(doc)
        ? { state: 'unknown', reason: doc.reason, location: doc.location ?? m.location }
        : fieldsOf(m, t).attr(doc ?? {}, (d) => d as Record<string, unknown>),
    });
  }
};

const subscription: Mapper = (m) => {
  const t = str(m.props.TopicArn);
  if (!t) return;
  const protocol = String(m.props.Protocol ?? '');
  m.c.region(m.where.region).subscriptions.push({
    topicArn: t,
    subscription: { arn: arns.subscription(m.where, t.split(':').pop() ?? '', m.logicalId), protocol, pending: !AUTO_CONFIRMED.has(protocol) },
  });
};

const key: Mapper = (m) => {
  const p = m.props;
  const arn = arns.kmsKey(m.where, m.logicalId);
  const f = fieldsOf(m, arn);
  const spec = str(p.KeySpec) ?? 'SYMMETRIC_DEFAULT';
  m.c.region(m.where.region).keys.push({
    ...declared(m),
    arn,
    id: m.logicalId,
    manager: 'CUSTOMER',
    state: f.bool('Enabled', p.Enabled, true, true) ? 'Enabled' : 'Disabled',
    aliases: [],
    // Only symmetric encryption keys can rotate; rotation is off unless asked for.
    ...(spec === 'SYMMETRIC_DEFAULT' ? { rotationEnabled: f.attr(p.EnableKeyRotation ?? false, (v) => asBool(v) === true) } : {}),
  });
};

const alias: Mapper = (m) => {
  const target = str(m.props.TargetKeyId);
  const name = str(m.props.AliasName);
  if (target && name) m.c.region(m.where.region).keyAliases.push({ keyRef: target, alias: name });
};

export const serviceMappers: Record<string, Mapper> = {
  'AWS::GuardDuty::Detector': detector,
  'AWS::NetworkFirewall::Firewall': firewall,
  'AWS::SNS::Topic': topic,
  'AWS::SNS::TopicPolicy': topicPolicy,
  'AWS::SNS::Subscription': subscription,
  'AWS::KMS::Key': key,
  'AWS::KMS::Alias': alias,
};
