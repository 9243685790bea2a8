import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { failed, ok, type SnsTopic } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { listAll } from '../list.js';
import { compact, failedAttr, parsePolicy } from '../outcome.js';

const commands = commandTable([
  [ListTopicsCommand, 'sns:ListTopics'],
  [GetTopicAttributesCommand, 'sns:GetTopicAttributes'],
  [ListSubscriptionsByTopicCommand, 'sns:ListSubscriptionsByTopic'],
]);

/**
 * Topics with their policy, encryption key and subscriptions. Subscription endpoints are never
 * kept: they are e-mail addresses, phone numbers or URLs that may carry tokens.
 */
export const snsCollector: RegionalCollector = {
  service: 'sns',
  scope: 'regional',
  fills: ['sns'],
  commands,
  async collect(ctx) {
    const sns = ctx.client(SNSClient);
    const arns = await listAll(
      ctx,
      sns,
      (NextToken) => new ListTopicsCommand({ NextToken }),
      (o) => o.NextToken,
      (o) => (o.Topics ?? []).map((t) => t.TopicArn ?? '').filter(Boolean),
    );
    if (arns.state !== 'ok') return { sns: { topics: arns } };
    const topics = await Promise.all(
      arns.value.map(async (TopicArn): Promise<SnsTopic> => {
        const [attrs, subs] = await Promise.all([
          ctx.send(sns, new GetTopicAttributesCommand({ TopicArn })),
          listAll(
            ctx,
            sns,
            (NextToken) => new ListSubscriptionsByTopicCommand({ TopicArn, NextToken }),
            (o) => o.NextToken,
            (o) =>
              (o.Subscriptions ?? []).map((s) => ({
                arn: s.SubscriptionArn ?? '',
                protocol: s.Protocol ?? '',
                pending: s.SubscriptionArn === 'PendingConfirmation',
              })),
          ),
        ]);
        const a = attrs.ok ? (attrs.value.Attributes ?? {}) : undefined;
        const doc = a?.Policy ? parsePolicy(a.Policy) : undefined;
        return compact({
          arn: TopicArn,
          policy: !attrs.ok
            ? failedAttr<never>(attrs)
            : doc
              ? ok(doc)
              : a?.Policy
                ? failed<never>('sns:GetTopicAttributes', 'the topic policy is not valid JSON')
                : { state: 'absent' as const },
          kmsMasterKeyId: a?.KmsMasterKeyId || undefined,
          subscriptions: subs,
        });
      }),
    );
    return { sns: { topics: ok(topics) } };
  },
};
