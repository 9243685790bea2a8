import { failed, ok, type PolicyDocument } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './access-control.js';
import { ALL_OFF, ALL_ON, bucket, bucketArn, s3 } from './__tests__/fixtures.js';

const B = bucketArn('site');
const UNDECIDED =
  'Could not decide whether the policy of bucket site is public: cannot read the policy: resource policy "resource policy": statement 0 must be an object.';
const policy = (...Statement: Record<string, unknown>[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' };
const cloudFrontOnly = {
  Sid: 'CloudFrontOnly',
  Effect: 'Allow',
  Principal: { Service: 'cloudfront.amazonaws.com' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::site/*',
  Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${TEST_ACCOUNT}:distribution/E1` } },
};
const partner = { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'] };
/** A bucket whose own Block Public Access is off, so that the account level decides. */
const site = (doc: PolicyDocument, over = {}) => bucket('site', { policy: ok(doc), policyStatus: ok({ isPublic: false }), publicAccessBlock: ok(ALL_OFF), ...over });

testCheck(check, {
  pass: [
    {
      name: 'no policy, and a policy that lets only CloudFront in',
      inventory: [s3([bucket('data'), site(policy(cloudFrontOnly))], ALL_OFF)],
      findings: [
        { status: 'pass', resourceId: bucketArn('data'), detail: 'public', message: 'Bucket data has no bucket policy: it grants nothing to the public or to other accounts.' },
        { status: 'pass', resourceId: B, detail: 'public', message: 'The policy of bucket site is not public.' },
      ],
    },
    {
      name: 'a trusted account (option) and the ELB log delivery account are not findings',
      options: { trustedAccounts: ['444455556666'] },
      inventory: [
        s3(
          [
            site(
              policy(partner, { Sid: 'ElbLogs', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::156460612806:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/AWSLogs/*' }),
            ),
          ],
          ALL_OFF,
        ),
      ],
      findings: [
        { status: 'pass', resourceId: B, detail: 'public', message: 'The policy of bucket site is not public.' },
        {
          status: 'pass',
          resourceId: B,
          detail: 'account:444455556666',
          message: 'The policy of bucket site lets trusted account 444455556666 in (s3:GetObject, s3:ListBucket; statement 0 (Partner)).',
        },
        {
          status: 'pass',
          resourceId: B,
          detail: 'account:156460612806',
          message: 'The policy of bucket site lets the Elastic Load Balancing log delivery account of eu-west-1 (156460612806) write access logs (statement 1 (ElbLogs)).',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'a public policy with nothing to stop it',
      inventory: [s3([site(policy(publicRead), { policyStatus: ok({ isPublic: true }) })], ALL_OFF)],
      findings: [{ status: 'fail', resourceId: B, detail: 'public', severity: 'critical', message: 'The policy of bucket site is public: statement 0 (PublicRead) allowing s3:GetObject.' }],
    },
    {
      name: 'BlockPublicPolicy does not undo a policy already in place',
      inventory: [s3([site(policy(publicRead), { policyStatus: ok({ isPublic: true }), publicAccessBlock: ok({ ...ALL_OFF, blockPublicPolicy: true }) })], ALL_OFF)],
      findings: [
        {
          status: 'fail',
          resourceId: B,
          detail: 'public',
          severity: 'critical',
          message:
            'The policy of bucket site is public: statement 0 (PublicRead) allowing s3:GetObject. BlockPublicPolicy is on, but it only refuses new public policies: this one predates it and still applies.',
        },
      ],
    },
    {
      name: "RestrictPublicBuckets neutralises a public policy, and the cross-account grants in it",
      inventory: [s3([site(policy(publicRead, partner), { policyStatus: ok({ isPublic: true }) })], { ...ALL_OFF, restrictPublicBuckets: true })],
      findings: [
        {
          status: 'fail',
          resourceId: B,
          detail: 'public',
          severity: 'low',
          message:
            "The policy of bucket site is public (statement 0 (PublicRead) allowing s3:GetObject), but RestrictPublicBuckets (on for the account) neutralises it: only AWS services and this account's users get in. Remove the statements before that setting changes.",
        },
        {
          status: 'pass',
          resourceId: B,
          detail: 'account:444455556666',
          message:
            'The policy of bucket site names account 444455556666 (s3:GetObject, s3:ListBucket; statement 1 (Partner)), but RestrictPublicBuckets (on for the account) blocks cross-account access through this public policy.',
        },
      ],
    },
    {
      name: 'an account that is not trusted',
      inventory: [s3([site(policy(partner))], ALL_ON)],
      findings: [
        { status: 'pass', resourceId: B, detail: 'public', message: 'The policy of bucket site is not public.' },
        {
          status: 'fail',
          resourceId: B,
          detail: 'account:444455556666',
          severity: 'high',
          message:
            'The policy of bucket site lets account 444455556666 in (s3:GetObject, s3:ListBucket; statement 0 (Partner)), and that account is not among the trusted accounts.',
        },
      ],
    },
    {
      name: 'AWS says public where the engine does not: the disagreement is shown and the cautious answer kept',
      inventory: [s3([site(policy(cloudFrontOnly), { policyStatus: ok({ isPublic: true }) })], ALL_OFF)],
      findings: [
        {
          status: 'manual',
          resourceId: B,
          detail: 'policy-status',
          severity: 'medium',
          message:
            'Rampart and AWS disagree about the policy of bucket site: the policy engine finds it not public, GetBucketPolicyStatus says public. Review the policy by hand; Rampart reports the more cautious answer.',
        },
        {
          status: 'fail',
          resourceId: B,
          detail: 'public',
          severity: 'critical',
          message: 'The policy of bucket site is public: access to anyone, according to GetBucketPolicyStatus.',
        },
      ],
    },
    {
      name: 'a public policy where RestrictPublicBuckets could not be read',
      inventory: [{ s3: { accountPublicAccessBlock: failed('s3:GetAccountPublicAccessBlock', 'AccessDenied'), buckets: ok([site(policy(publicRead))]) } }],
      findings: [
        {
          status: 'manual',
          resourceId: B,
          detail: 'policy-status',
          severity: 'medium',
          message:
            'Rampart and AWS disagree about the policy of bucket site: the policy engine finds it public, GetBucketPolicyStatus says not public. Review the policy by hand; Rampart reports the more cautious answer.',
        },
        {
          status: 'fail',
          resourceId: B,
          detail: 'public',
          severity: 'critical',
          message:
            'The policy of bucket site is public (statement 0 (PublicRead) allowing s3:GetObject); whether RestrictPublicBuckets neutralises it is unknown (s3:GetAccountPublicAccessBlock failed: AccessDenied).',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'the policy could not be read',
      inventory: [s3([site(policy(), { policy: failed('s3:GetBucketPolicy', 'AccessDenied') })], ALL_ON)],
      findings: [{ status: 'unknown', resourceId: B, detail: 'public', message: 'Could not read the bucket policy of site: s3:GetBucketPolicy failed: AccessDenied.' }],
    },
    {
      name: 'a template policy known only at deploy time',
      source: 'cloudformation',
      inventory: [{ s3: { buckets: ok([site(policy(), { policy: { state: 'unknown', reason: 'Fn::ImportValue SharedPolicy', location: { file: 'site.yaml', line: 12 } } })]) } }],
      findings: [{ status: 'unknown', resourceId: B, detail: 'public', message: 'Could not read the bucket policy of site: known only at deploy time: Fn::ImportValue SharedPolicy (site.yaml:12).' }],
    },
    {
      name: 'a policy the engine cannot read is undecided, never public or private',
      inventory: [s3([site({ Version: '2012-10-17', Statement: 'everything' })], ALL_ON)],
      findings: [{ status: 'unknown', resourceId: B, detail: 'public', message: UNDECIDED }],
    },
  ],
});
