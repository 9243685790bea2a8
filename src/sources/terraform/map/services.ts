import { absent, ok } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool } from '../../iac/fields.js';
import { parsePolicy } from '../../iac/shapes.js';
import { isUnknown } from '../../iac/value.js';
import { blocks, declared, fieldsOf, optStr, rec, str, type TfMapContext, type TfMapper } from './context.js';

/** Protocols whose subscriptions are confirmed without a human. */
const AUTO_CONFIRMED = new Set(['lambda', 'sqs', 'firehose', 'application']);

function topicPolicy(m: TfMapContext, topicArn: string, v: unknown) {
  const doc = parsePolicy(v);
  return isUnknown(doc)
    ? ({ state: 'unknown', reason: doc.reason, location: doc.location ?? m.location } as const)
    : fieldsOf(m, topicArn).attr(doc ?? {}, (d) => d as Record<string, unknown>);
}

export const serviceMappers: Record<string, TfMapper> = {
  aws_guardduty_detector: (m) => {
    const f = fieldsOf(m, arns.detector(m.where, m.address));
    const freq = str(m.cfg.finding_publishing_frequency);
    m.c.region(m.where.region).detectors.push({
      id: String(m.cfg.id ?? m.address),
      status: f.bool('enable', m.cfg.enable, true, true) ? 'ENABLED' : 'DISABLED',
      ...(freq ? { findingPublishingFrequency: freq } : {}),
    });
  },
  aws_networkfirewall_firewall: (m) => {
    const c = m.cfg;
    const arn = String(c.arn ?? arns.firewall(m.where, String(c.name ?? m.address)));
    const f = fieldsOf(m, arn);
    m.c.region(m.where.region).firewalls.push({
      ...declared(m),
      arn,
      name: String(c.name ?? m.address),
      vpcId: optStr(f, 'vpc_id', c.vpc_id) ?? '',
      subnetIds: blocks(c.subnet_mapping).flatMap((s) => (str(rec(s).subnet_id) ? [str(rec(s).subnet_id)!] : [])),
      ...(str(c.firewall_policy_arn) ? { policyArn: str(c.firewall_policy_arn) } : {}),
    });
  },
  aws_sns_topic: (m) => {
    const c = m.cfg;
    const arn = String(c.arn ?? arns.topic(m.where, String(c.name ?? m.address)));
    m.c.region(m.where.region).topics.push({
      ...declared(m),
      arn,
      // Without a policy the topic has AWS's default policy: the owner only.
      policy: c.policy == null ? absent() : topicPolicy(m, arn, c.policy),
      ...(str(c.kms_master_key_id) ? { kmsMasterKeyId: str(c.kms_master_key_id) } : {}),
      subscriptions: ok([]),
    });
  },
  aws_sns_topic_policy: (m) => {
    const t = str(m.cfg.arn);
    if (t) m.c.region(m.where.region).topicPolicies.push({ topicArn: t, policy: topicPolicy(m, t, m.cfg.policy) });
  },
  aws_sns_topic_subscription: (m) => {
    const t = str(m.cfg.topic_arn);
    if (!t) return;
    const protocol = String(m.cfg.protocol ?? '');
    m.c.region(m.where.region).subscriptions.push({
      topicArn: t,
      subscription: { arn: arns.subscription(m.where, t.split(':').pop() ?? '', m.address), protocol, pending: !AUTO_CONFIRMED.has(protocol) },
    });
  },
  aws_kms_key: (m) => {
    const c = m.cfg;
    const id = String(c.key_id ?? c.id ?? m.address);
    const arn = String(c.arn ?? arns.kmsKey(m.where, id));
    const f = fieldsOf(m, arn);
    const spec = str(c.customer_master_key_spec) ?? str(c.key_spec) ?? 'SYMMETRIC_DEFAULT';
    m.c.region(m.where.region).keys.push({
      ...declared(m),
      arn,
      id,
      manager: 'CUSTOMER',
      state: f.bool('is_enabled', c.is_enabled, true, true) ? 'Enabled' : 'Disabled',
      aliases: [],
      // Only symmetric encryption keys rotate; rotation is off unless asked for.
      ...(spec === 'SYMMETRIC_DEFAULT' ? { rotationEnabled: f.attr(c.enable_key_rotation ?? false, (v) => asBool(v) === true) } : {}),
    });
  },
  aws_kms_alias: (m) => {
    const target = str(m.cfg.target_key_id);
    const name = str(m.cfg.name);
    if (target && name) m.c.region(m.where.region).keyAliases.push({ keyRef: target, alias: name });
  },
};
