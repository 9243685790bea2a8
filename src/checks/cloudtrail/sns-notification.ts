import { accountOfArn } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { forEachTrail, trailLabel, trailResource } from './trails.js';

export default defineCheck({
  id: 'cloudtrail.sns-notification',
  title: 'Log delivery is announced on an SNS topic for prompt import into an external tool',
  description:
    'When every delivered log file is announced on an SNS topic, a SIEM can copy it out within minutes, closing the window in which an intruder could alter it. The topic must exist and have a confirmed subscriber, or nobody hears the announcement.',
  severity: 'low',
  guideIds: ['cloudtrail.sns-notification'],
  needs: ['regions.*.cloudtrail.trails', 'regions.*.sns.topics'],
  permissions: ['cloudtrail:DescribeTrails', 'sns:ListTopics', 'sns:ListSubscriptionsByTopic'],
  sources: ['aws'],
  remediation: {
    text: 'Create an SNS topic whose policy lets cloudtrail.amazonaws.com publish (with aws:SourceArn set to the trail), set it on the trail, and subscribe the log pipeline (an SQS queue feeding your SIEM, or a Lambda function) and confirm the subscription.',
    cli: 'aws sns create-topic --name cloudtrail-delivery\naws cloudtrail update-trail --name TRAIL --sns-topic-name arn:aws:sns:REGION:ACCOUNT:cloudtrail-delivery\naws sns subscribe --topic-arn arn:aws:sns:REGION:ACCOUNT:cloudtrail-delivery --protocol sqs --notification-endpoint arn:aws:sqs:REGION:ACCOUNT:siem-ingest',
    cloudformation:
      'DeliveryTopic:\n  Type: AWS::SNS::Topic\n  Properties:\n    Subscription:\n      - Protocol: sqs\n        Endpoint: !GetAtt SiemQueue.Arn\nMainTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    SnsTopicName: !GetAtt DeliveryTopic.TopicName',
    terraform:
      'resource "aws_sns_topic" "delivery" {\n  name = "cloudtrail-delivery"\n}\nresource "aws_sns_topic_subscription" "siem" {\n  topic_arn = aws_sns_topic.delivery.arn\n  protocol  = "sqs"\n  endpoint  = aws_sqs_queue.siem.arn\n}\nresource "aws_cloudtrail" "main" {\n  # ...\n  sns_topic_name = aws_sns_topic.delivery.arn\n}',
  },
  messages: {
    notified: 'Trail {{trail}} announces log delivery on topic {{topic}}, which has {{count}} confirmed subscription(s).',
    noTopic: 'Trail {{trail}} announces no log delivery on SNS.',
    topicGone: 'Trail {{trail}} names topic {{topic}}, which does not exist.',
    noSubscriber: 'Trail {{trail}} announces log delivery on topic {{topic}}, but nobody has a confirmed subscription to it.',
    elsewhere: 'Trail {{trail}} announces log delivery on topic {{topic}}, which is {{where}}: scan it to judge its subscriptions.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachTrail(inventory, (t): CheckResult[] => {
      const resource = trailResource(inventory, t);
      const trail = trailLabel(inventory, t);
      const topic = t.snsTopicArn;
      if (!topic) return [{ status: 'fail', resource, message: 'noTopic', data: { trail } }];
      // DescribeTrails gives the topic's ARN; its region and account are fields 4 and 5.
      const region = topic.split(':')[3] ?? '';
      const owner = accountOfArn(topic);
      const r = inventory.regions[region];
      if (owner !== inventory.meta.accountId) {
        return [{ status: 'unknown', resource, message: 'elsewhere', data: { trail, topic, where: `in account ${owner ?? 'unknown'}` } }];
      }
      if (!r) return [{ status: 'unknown', resource, message: 'elsewhere', data: { trail, topic, where: `in ${region || 'a region'} (not scanned)` } }];
      const topics = r.sns.topics;
      if (topics.state !== 'ok' && topics.state !== 'absent') return [missing(resource, topics, `the SNS topics of ${region}`)];
      const found = topics.state === 'ok' ? topics.value.find((x) => x.arn === topic) : undefined;
      if (!found) return [{ status: 'fail', resource, message: 'topicGone', data: { trail, topic } }];
      const subs = found.subscriptions;
      if (subs.state !== 'ok' && subs.state !== 'absent') return [missing(resource, subs, `the subscriptions of topic ${topic}`)];
      const confirmed = subs.state === 'ok' ? subs.value.filter((s) => !s.pending).length : 0;
      return confirmed > 0
        ? [{ status: 'pass', resource, message: 'notified', data: { trail, topic, count: confirmed } }]
        : [{ status: 'fail', resource, message: 'noSubscriber', data: { trail, topic } }];
    });
  },
});
