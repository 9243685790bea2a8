import { z } from 'zod';

/**
 * Concrete actions that stand for the families (iam:*, ec2:*, s3:Delete*, cloudtrail:*,
 * kms:*, organizations:*): the ones an intruder reaches for first. The engine answers for one
 * action at a time, so families are represented by their most dangerous members.
 */
export const DEFAULT_PRIVILEGED_ACTIONS = [
  'iam:CreateUser',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:AttachUserPolicy',
  'iam:PutUserPolicy',
  'iam:AttachRolePolicy',
  'iam:CreatePolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:PassRole',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
  'ec2:AuthorizeSecurityGroupIngress',
  's3:DeleteBucket',
  's3:DeleteObject',
  's3:PutBucketPolicy',
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'kms:ScheduleKeyDeletion',
  'kms:PutKeyPolicy',
  'organizations:LeaveOrganization',
];

/** service:Action, no wildcard: the engine is asked about one action at a time. */
export const ActionList = z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'a concrete action such as iam:CreateUser (no wildcards)'));
