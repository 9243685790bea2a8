import { failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './block-public-access.js';
import { ALL_OFF, ALL_ON, bucket, bucketArn, s3 } from './__tests__/fixtures.js';

const ACCOUNT = `arn:aws:iam::${TEST_ACCOUNT}:root`;
const DATA = bucketArn('data');
const accountOn = { status: 'pass' as const, resourceId: ACCOUNT, detail: 'account', severity: 'medium' as const, message: 'All four S3 Block Public Access settings are on for the account.' };
const accountNone = {
  status: 'fail' as const,
  resourceId: ACCOUNT,
  detail: 'account',
  severity: 'medium' as const,
  message: 'Account-level S3 Block Public Access is not configured: every bucket relies on its own settings.',
};
const bucketOn = (how: string, name = 'data') => ({
  status: 'pass' as const,
  resourceId: bucketArn(name),
  message: `Bucket ${name} has all four Block Public Access settings in effect (${how}).`,
});

testCheck(check, {
  pass: [
    { name: 'on at both levels', inventory: [s3([bucket('data')], ALL_ON)], findings: [accountOn, bucketOn('set on the account and on the bucket')] },
    {
      name: 'the account level covers a bucket without its own configuration',
      inventory: [s3([bucket('data', { publicAccessBlock: { state: 'absent' } })], ALL_ON)],
      findings: [accountOn, bucketOn('set on the account')],
    },
    {
      name: "the account level covers a bucket whose own settings could not be read",
      inventory: [s3([bucket('data', { publicAccessBlock: failed('s3:GetBucketPublicAccessBlock', 'AccessDenied') })], ALL_ON)],
      findings: [accountOn, bucketOn('set on the account')],
    },
    {
      name: 'a template bucket is judged on its own settings, and the account is not judged',
      source: 'cloudformation',
      inventory: [{ s3: { buckets: ok([bucket('data')]) } }],
      findings: [bucketOn('set on the bucket')],
    },
  ],
  fail: [
    {
      name: 'no account configuration and a bucket with none either',
      inventory: [s3([bucket('legacy', { publicAccessBlock: { state: 'absent' } }), bucket('data')])],
      findings: [
        accountNone,
        {
          status: 'fail',
          resourceId: bucketArn('legacy'),
          message:
            'Bucket legacy does not have BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets in effect: neither the account nor the bucket turns it on.',
        },
        bucketOn('set on the bucket'),
      ],
    },
    {
      name: 'account and bucket each turn on half: together they are all in effect',
      inventory: [s3([bucket('data', { publicAccessBlock: ok({ ...ALL_OFF, blockPublicPolicy: true, restrictPublicBuckets: true }) })], { ...ALL_OFF, blockPublicAcls: true, ignorePublicAcls: true })],
      findings: [
        {
          status: 'fail',
          resourceId: ACCOUNT,
          detail: 'account',
          severity: 'medium',
          message: 'Account-level S3 Block Public Access leaves BlockPublicPolicy, RestrictPublicBuckets off: buckets rely on their own settings for these.',
        },
        bucketOn('the account and bucket settings together'),
      ],
    },
    {
      name: 'one setting off at both levels',
      inventory: [s3([bucket('data', { publicAccessBlock: ok({ ...ALL_ON, restrictPublicBuckets: false }) })], { ...ALL_ON, restrictPublicBuckets: false })],
      findings: [
        {
          status: 'fail',
          resourceId: ACCOUNT,
          detail: 'account',
          severity: 'medium',
          message: 'Account-level S3 Block Public Access leaves RestrictPublicBuckets off: buckets rely on their own settings for these.',
        },
        { status: 'fail', resourceId: DATA, message: 'Bucket data does not have RestrictPublicBuckets in effect: neither the account nor the bucket turns it on.' },
      ],
    },
    {
      name: 'a template bucket without the settings',
      source: 'terraform',
      inventory: [{ s3: { buckets: ok([bucket('data', { publicAccessBlock: ok({ ...ALL_ON, blockPublicPolicy: false }) })]) } }],
      findings: [{ status: 'fail', resourceId: DATA, message: 'Bucket data does not turn on BlockPublicPolicy; whether the account-level setting covers it is outside the template.' }],
    },
  ],
  unknown: [
    {
      name: 'the account level could not be read: a bucket with its own settings passes, one without is unknown',
      inventory: [
        {
          s3: {
            accountPublicAccessBlock: failed('s3:GetAccountPublicAccessBlock', 'AccessDenied'),
            buckets: ok([bucket('data'), bucket('legacy', { publicAccessBlock: { state: 'absent' } })]),
          },
        },
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: ACCOUNT,
          detail: 'account',
          severity: 'medium',
          message: 'Could not read the account-level S3 Block Public Access settings: s3:GetAccountPublicAccessBlock failed: AccessDenied.',
        },
        bucketOn('set on the bucket'),
        {
          status: 'unknown',
          resourceId: bucketArn('legacy'),
          message:
            'Could not read the account-level Block Public Access settings, which decide BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets for bucket legacy: s3:GetAccountPublicAccessBlock failed: AccessDenied.',
        },
      ],
    },
    {
      name: "a bucket's settings could not be read and the account does not cover them",
      inventory: [s3([bucket('data', { publicAccessBlock: failed('s3:GetBucketPublicAccessBlock', 'AccessDenied') })], { ...ALL_OFF, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true })],
      findings: [
        {
          status: 'fail',
          resourceId: ACCOUNT,
          detail: 'account',
          severity: 'medium',
          message: 'Account-level S3 Block Public Access leaves RestrictPublicBuckets off: buckets rely on their own settings for these.',
        },
        {
          status: 'unknown',
          resourceId: DATA,
          message: 'Could not read the bucket-level Block Public Access settings, which decide RestrictPublicBuckets for bucket data: s3:GetBucketPublicAccessBlock failed: AccessDenied.',
        },
      ],
    },
    {
      name: 'the buckets could not be listed',
      inventory: [{ s3: { accountPublicAccessBlock: ok(ALL_ON), buckets: failed('s3:ListAllMyBuckets', 'AccessDenied') } }],
      findings: [accountOn, { status: 'unknown', resourceId: ACCOUNT, message: 'Could not read the S3 buckets: s3:ListAllMyBuckets failed: AccessDenied.' }],
    },
  ],
});
