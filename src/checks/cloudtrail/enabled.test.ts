import { failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './enabled.js';
import { ACCOUNT_ARN, trail, trailArn, trails } from './__tests__/fixtures.js';

const logging = (name: string, region = 'us-east-1') => ({ status: 'pass' as const, resourceId: trailArn(name, region), message: `Trail ${name} is logging.` });
const covered = (name: string) => ({ status: 'pass' as const, resourceId: ACCOUNT_ARN, detail: 'coverage', message: `Multi-region trail ${name} is logging read and write management events.` });
const notCovered = (reasons: string) => ({ status: 'fail' as const, resourceId: ACCOUNT_ARN, detail: 'coverage', message: `No multi-region trail is logging management events (${reasons}).` });

testCheck(check, {
  pass: [
    {
      name: 'a multi-region trail with classic All selectors, listed again as a shadow copy in another region',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [trails('us-east-1', trail('main')), trails('eu-west-1', trail('main'))],
      findings: [covered('main'), logging('main')],
    },
    {
      name: 'advanced selectors for management events, read and write',
      inventory: [trails('us-east-1', trail('main', { eventSelectors: ok({ classic: [], advanced: [{ name: 'mgmt', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }] }) }))],
      findings: [covered('main'), logging('main')],
    },
    {
      name: 'excluded KMS events are said',
      inventory: [
        trails('us-east-1', trail('main', { eventSelectors: ok({ classic: [{ readWriteType: 'All', includeManagementEvents: true, excludeManagementEventSources: ['kms.amazonaws.com'] }], advanced: [] }) })),
      ],
      findings: [{ ...covered('main'), message: 'Multi-region trail main is logging management events, except those of kms.amazonaws.com.' }, logging('main')],
    },
    {
      name: 'write-only is accepted when read events are not required',
      options: { requireReadEvents: false },
      inventory: [trails('us-east-1', trail('main', { eventSelectors: ok({ classic: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }], advanced: [] }) }))],
      // A relaxed configuration passes, but is no evidence for CIS 3.1 or CloudTrail.1 (read and write).
      findings: [{ ...covered('main'), message: 'Multi-region trail main is logging write management events (read events are not required by this configuration).', compliance: {} }, logging('main')],
    },
  ],
  fail: [
    {
      name: 'a stopped secondary trail fails only itself: CIS 3.1 and CloudTrail.1 rest on the covering trail',
      inventory: [trails('us-east-1', trail('main'), trail('old', { isMultiRegion: false, status: ok({ isLogging: false }) }))],
      findings: [
        { ...covered('main'), compliance: { cis: ['3.1'], fsbp: ['CloudTrail.1'] } },
        { ...logging('main'), compliance: {} },
        { status: 'fail', resourceId: trailArn('old'), message: 'Trail old exists but is not logging: it records nothing.', compliance: {} },
      ],
    },
    {
      name: 'no trail at all',
      inventory: [trails('us-east-1')],
      findings: [{ status: 'fail', resourceId: ACCOUNT_ARN, detail: 'coverage', message: 'The account has no CloudTrail trail: API activity is kept only in the 90-day event history.' }],
    },
    {
      name: 'a single-region trail only',
      inventory: [trails('us-east-1', trail('local', { isMultiRegion: false }))],
      findings: [notCovered('local: single-region'), logging('local')],
    },
    {
      name: 'the multi-region trail was stopped: the account is uncovered and the trail fails',
      inventory: [trails('us-east-1', trail('main', { status: ok({ isLogging: false }) }))],
      findings: [notCovered('main: not logging'), { status: 'fail', resourceId: trailArn('main'), message: 'Trail main exists but is not logging: it records nothing.' }],
    },
    {
      name: 'a template: its stopped trail fails, but a template set gives no verdict on the whole account',
      source: 'cloudformation',
      inventory: [trails('us-east-1', trail('main', { isMultiRegion: false, status: ok({ isLogging: false }) }))],
      findings: [{ status: 'fail', resourceId: trailArn('main'), message: 'Trail main exists but is not logging: it records nothing.' }],
    },
    {
      name: 'write-only management events when read events are required',
      inventory: [trails('us-east-1', trail('main', { eventSelectors: ok({ classic: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }], advanced: [] }) }))],
      findings: [notCovered('main: write-only management events'), logging('main')],
    },
    {
      name: 'advanced selectors for data events only',
      inventory: [
        trails('us-east-1', trail('data', { eventSelectors: ok({ classic: [], advanced: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] }] }) })),
      ],
      findings: [notCovered('data: no management events'), logging('data')],
    },
    {
      name: 'advanced readOnly=true captures reads only',
      inventory: [
        trails('us-east-1', trail('reads', { eventSelectors: ok({ classic: [], advanced: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['true'] }] }] }) })),
      ],
      findings: [notCovered('reads: read-only management events'), logging('reads')],
    },
  ],
  unknown: [
    {
      name: 'the only multi-region trail has an unreadable status: never a pass',
      inventory: [trails('us-east-1', trail('main', { status: failed('cloudtrail:GetTrailStatus', 'AccessDenied') }))],
      findings: [
        { status: 'unknown', resourceId: ACCOUNT_ARN, detail: 'coverage', message: 'Could not read the status of trail main: cloudtrail:GetTrailStatus failed: AccessDenied.' },
        { status: 'unknown', resourceId: trailArn('main'), message: 'Could not read the status of trail main: cloudtrail:GetTrailStatus failed: AccessDenied.' },
      ],
    },
    {
      name: 'a region whose trails could not be listed, and no covering trail elsewhere',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [trails('us-east-1'), { regions: { 'eu-west-1': { cloudtrail: { trails: failed('cloudtrail:DescribeTrails', 'UnrecognizedClientException') } } } }],
      findings: [
        { status: 'unknown', resourceId: ACCOUNT_ARN, detail: 'coverage', message: 'Could not tell whether a multi-region trail logs management events: the trails of eu-west-1 could not be read (cloudtrail:DescribeTrails failed: UnrecognizedClientException).' },
        { status: 'unknown', resourceId: ACCOUNT_ARN, message: 'Could not read the trails of eu-west-1: cloudtrail:DescribeTrails failed: UnrecognizedClientException.' },
      ],
    },
  ],
});
