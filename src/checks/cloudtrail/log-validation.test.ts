import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './log-validation.js';
import { ACCOUNT_ARN, trail, trailArn, trails } from './__tests__/fixtures.js';

testCheck(check, {
  pass: [
    {
      name: 'validation on; the shadow copy in another region is the same trail',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [trails('us-east-1', trail('main')), trails('eu-west-1', trail('main'))],
      findings: [{ status: 'pass', resourceId: trailArn('main'), message: 'Trail main validates its log files.' }],
    },
  ],
  fail: [
    {
      name: 'one trail of two without validation',
      inventory: [trails('us-east-1', trail('main'), trail('legacy', { logFileValidationEnabled: false }))],
      findings: [
        { status: 'pass', resourceId: trailArn('main'), message: 'Trail main validates its log files.' },
        { status: 'fail', resourceId: trailArn('legacy'), message: 'Trail legacy does not validate its log files: changed or deleted logs would go unnoticed.' },
      ],
    },
    {
      name: 'an organisation trail seen from a member account is named with its owner',
      inventory: [trails('us-east-1', trail('org', { arn: trailArn('org', 'us-east-1', '999988887777'), isOrganizationTrail: true, logFileValidationEnabled: false }))],
      findings: [{ status: 'fail', resourceId: trailArn('org', 'us-east-1', '999988887777'), message: 'Trail org (account 999988887777) does not validate its log files: changed or deleted logs would go unnoticed.' }],
    },
  ],
  unknown: [
    {
      name: 'the trail list could not be read',
      inventory: [{ regions: { 'us-east-1': { cloudtrail: { trails: failed('cloudtrail:DescribeTrails', 'AccessDenied') } } } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not read the trails of us-east-1: cloudtrail:DescribeTrails failed: AccessDenied.' }],
    },
  ],
});
