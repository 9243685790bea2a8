import { failed } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './sns-notification.js';
import { TOPIC, topics, trail, trailArn, trails } from './__tests__/fixtures.js';

const T = trailArn('main');

testCheck(check, {
  pass: [
    {
      name: 'a topic with one confirmed and one pending subscription',
      inventory: [trails('us-east-1', trail('main')), topics('us-east-1', { arn: TOPIC, pending: [false, true] })],
      findings: [{ status: 'pass', resourceId: T, message: `Trail main announces log delivery on topic ${TOPIC}, which has 1 confirmed subscription(s).` }],
    },
  ],
  fail: [
    {
      name: 'no topic on the trail',
      inventory: [trails('us-east-1', trail('main', { snsTopicArn: undefined })), topics('us-east-1')],
      findings: [{ status: 'fail', resourceId: T, message: 'Trail main announces no log delivery on SNS.' }],
    },
    {
      name: 'only pending subscriptions',
      inventory: [trails('us-east-1', trail('main')), topics('us-east-1', { arn: TOPIC, pending: [true] })],
      findings: [{ status: 'fail', resourceId: T, message: `Trail main announces log delivery on topic ${TOPIC}, but nobody has a confirmed subscription to it.` }],
    },
    {
      name: 'the topic was deleted',
      inventory: [trails('us-east-1', trail('main')), topics('us-east-1')],
      findings: [{ status: 'fail', resourceId: T, message: `Trail main names topic ${TOPIC}, which does not exist.` }],
    },
  ],
  unknown: [
    {
      name: "a topic in another account (a security team's)",
      inventory: [trails('us-east-1', trail('main', { snsTopicArn: 'arn:aws:sns:us-east-1:999988887777:siem' })), topics('us-east-1')],
      findings: [
        { status: 'unknown', resourceId: T, message: 'Trail main announces log delivery on topic arn:aws:sns:us-east-1:999988887777:siem, which is in account 999988887777: scan it to judge its subscriptions.' },
      ],
    },
    {
      name: 'a topic in a region that was not scanned',
      inventory: [trails('us-east-1', trail('main', { snsTopicArn: `arn:aws:sns:ap-south-1:${TEST_ACCOUNT}:t` }))],
      findings: [
        { status: 'unknown', resourceId: T, message: `Trail main announces log delivery on topic arn:aws:sns:ap-south-1:${TEST_ACCOUNT}:t, which is in ap-south-1 (not scanned): scan it to judge its subscriptions.` },
      ],
    },
    {
      name: 'the topics could not be listed',
      inventory: [trails('us-east-1', trail('main')), { regions: { 'us-east-1': { sns: { topics: failed('sns:ListTopics', 'AuthorizationError') } } } }],
      findings: [{ status: 'unknown', resourceId: T, message: 'Could not read the SNS topics of us-east-1: sns:ListTopics failed: AuthorizationError.' }],
    },
  ],
});
