import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './volume-encrypted.js';
import { volume, volumeArn } from './__tests__/fixtures.js';

const ACCOUNT = `arn:aws:iam::${TEST_ACCOUNT}:root`;
const defaultOn = (region = 'us-east-1') => ({ status: 'pass' as const, resourceId: ACCOUNT, detail: 'encryption-by-default', message: `EBS encryption by default is on in ${region}.` });

testCheck(check, {
  pass: [
    {
      name: 'encryption by default on, an encrypted volume named by its Name tag',
      inventory: [
        { regions: { 'us-east-1': { ec2: { ebsEncryptionByDefault: ok({ enabled: true }), volumes: ok([volume('vol-0aaa', { tags: { Name: 'db-data' } })]) } } } },
      ],
      findings: [defaultOn(), { status: 'pass', resourceId: volumeArn('vol-0aaa'), message: 'Volume vol-0aaa (db-data) is encrypted (in-use, attached to i-0a1b2c3d4e5f60718).', compliance: { fsbp: ['EC2.3'] } }],
    },
    {
      name: 'a region with no volumes still judges its default',
      inventory: [{ regions: { 'us-east-1': { ec2: { ebsEncryptionByDefault: ok({ enabled: true }), volumes: ok([]) } } } }],
      findings: [defaultOn()],
    },
  ],
  fail: [
    {
      name: 'default off in one region, an unencrypted detached volume in the other',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        {
          regions: {
            'us-east-1': { ec2: { ebsEncryptionByDefault: ok({ enabled: false }), volumes: ok([]) } },
            'eu-west-1': {
              ec2: { ebsEncryptionByDefault: ok({ enabled: true }), volumes: ok([volume('vol-0bbb', { encrypted: false, state: 'available', attachedInstanceIds: [] }, 'eu-west-1')]) },
            },
          },
        },
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ACCOUNT,
          detail: 'encryption-by-default',
          message: 'EBS encryption by default is off in us-east-1: new volumes are unencrypted unless each request asks for encryption.',
          compliance: { cis: ['2.2.1'], fsbp: ['EC2.7'] },
        },
        defaultOn('eu-west-1'),
        // EC2.3 judges attached volumes only: a detached one is evidence for no control.
        { status: 'fail', resourceId: volumeArn('vol-0bbb', 'eu-west-1'), message: 'Volume vol-0bbb is not encrypted (available); encryption cannot be added in place.', compliance: {} },
      ],
    },
    {
      name: 'a template volume without Encrypted; the account setting is not judged from a template',
      source: 'cloudformation',
      inventory: [{ regions: { 'us-east-1': { ec2: { volumes: ok([volume('DataVolume', { encrypted: false, state: 'available', attachedInstanceIds: [] })]) } } } }],
      findings: [
        {
          status: 'fail',
          resourceId: volumeArn('DataVolume'),
          message: 'Volume DataVolume does not ask for encryption (Encrypted is not true): it is encrypted only if EBS encryption by default is on in us-east-1 when it is created.',
        },
      ],
    },
    {
      name: 'an absent setting means it was never turned on',
      inventory: [{ regions: { 'us-east-1': { ec2: { ebsEncryptionByDefault: absent(), volumes: ok([]) } } } }],
      findings: [
        {
          status: 'fail',
          resourceId: ACCOUNT,
          detail: 'encryption-by-default',
          message: 'EBS encryption by default is off in us-east-1: new volumes are unencrypted unless each request asks for encryption.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'neither the setting nor the volumes could be read',
      inventory: [
        {
          regions: {
            'us-east-1': {
              ec2: {
                ebsEncryptionByDefault: failed('ec2:GetEbsEncryptionByDefault', 'UnauthorizedOperation'),
                volumes: failed('ec2:DescribeVolumes', 'RequestLimitExceeded'),
              },
            },
          },
        },
      ],
      findings: [
        {
          status: 'unknown',
          resourceId: ACCOUNT,
          detail: 'encryption-by-default',
          message: 'Could not read whether EBS encryption by default is on in us-east-1: ec2:GetEbsEncryptionByDefault failed: UnauthorizedOperation.',
        },
        { status: 'unknown', resourceId: ACCOUNT, message: 'Could not read the EBS volumes: ec2:DescribeVolumes failed: RequestLimitExceeded.' },
      ],
    },
  ],
});
