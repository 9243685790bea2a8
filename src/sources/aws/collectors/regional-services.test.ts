import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, Inspector2Client, ListFindingAggregationsCommand } from '@aws-sdk/client-inspector2';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { DescribeFirewallCommand, ListFirewallsCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { accountCollector } from './account.js';
import { guarddutyCollector } from './guardduty.js';
import { inspectorCollector } from './inspector.js';
import { kmsCollector } from './kms.js';
import { networkFirewallCollector } from './network-firewall.js';
import { snsCollector } from './sns.js';

const mocks = mockAll();
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
beforeEach(() => mocks.reset());

describe('account collector', () => {
  it('reads each alternate contact without its e-mail address and phone number; a missing one is absent', async () => {
    const acct = mocks.get(AccountClient);
    acct.on(GetAlternateContactCommand, { AlternateContactType: 'SECURITY' }).resolves({
      AlternateContact: { AlternateContactType: 'SECURITY', Name: 'Sec team', Title: 'CISO', EmailAddress: 'sec@example.com', PhoneNumber: '+1-555-0100' },
    });
    acct.on(GetAlternateContactCommand, { AlternateContactType: 'BILLING' }).rejects(awsError('ResourceNotFoundException', 'No contact', 404));
    acct.on(GetAlternateContactCommand, { AlternateContactType: 'OPERATIONS' }).rejects(awsError('AccessDeniedException', 'no', 403));
    const { part } = await collect(accountCollector);
    expect(part.account).toEqual({
      id: ACCOUNT,
      partition: 'aws',
      alternateContacts: {
        security: { state: 'ok', value: { name: 'Sec team', title: 'CISO' } },
        billing: { state: 'absent' },
        operations: { state: 'error', call: 'account:GetAlternateContact', error: 'AccessDeniedException: no' },
      },
    });
    // Personal contact details are not needed to judge anything: they never reach a snapshot.
    expect(JSON.stringify(part)).not.toMatch(/sec@example\.com|555-0100/);
  });
});

describe('inspector collector', () => {
  it('reads the account status and sums active critical and high findings over pages', async () => {
    const insp = mocks.get(Inspector2Client);
    insp.on(BatchGetAccountStatusCommand).resolves({
      accounts: [{ accountId: ACCOUNT, state: { status: 'ENABLED', errorCode: undefined, errorMessage: undefined }, resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'DISABLED' } } as never }],
    });
    insp.on(ListFindingAggregationsCommand, { nextToken: undefined })
      .resolves({ aggregationType: 'ACCOUNT', responses: [{ accountAggregation: { accountId: ACCOUNT, severityCounts: { critical: 2, high: 5, all: 20, medium: 13 } } }], nextToken: 'p2' })
      .on(ListFindingAggregationsCommand, { nextToken: 'p2' })
      .resolves({ aggregationType: 'ACCOUNT', responses: [{ accountAggregation: { accountId: '999999999999', severityCounts: { critical: 100, high: 100 } } }] });
    const { part } = await collect(inspectorCollector);
    expect(part.inspector).toEqual({
      status: { state: 'ok', value: { state: 'ENABLED', ec2: 'ENABLED', ecr: 'DISABLED' } },
      activeFindings: { state: 'ok', value: { critical: 2, high: 5 } },
    });
  });

  it('says so when the account is missing from the status answer', async () => {
    mocks.get(Inspector2Client).on(BatchGetAccountStatusCommand).resolves({ accounts: [], failedAccounts: [{ accountId: ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'denied' }] });
    const { part } = await collect(inspectorCollector);
    expect(part.inspector?.status).toEqual({ state: 'error', call: 'inspector2:BatchGetAccountStatus', error: 'denied' });
  });
});

describe('guardduty collector', () => {
  it('lists detectors over pages and reads each status', async () => {
    const gd = mocks.get(GuardDutyClient);
    gd.on(ListDetectorsCommand, { NextToken: undefined }).resolves({ DetectorIds: ['d1'], NextToken: 't' }).on(ListDetectorsCommand, { NextToken: 't' }).resolves({ DetectorIds: ['d2'] });
    gd.on(GetDetectorCommand, { DetectorId: 'd1' }).resolves({ Status: 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS' } as never);
    gd.on(GetDetectorCommand, { DetectorId: 'd2' }).resolves({ Status: 'DISABLED' } as never);
    const { part } = await collect(guarddutyCollector);
    expect(okValue(part.guardduty?.detectors)).toEqual([
      { id: 'd1', status: 'ENABLED', findingPublishingFrequency: 'SIX_HOURS' },
      { id: 'd2', status: 'DISABLED' },
    ]);
  });
});

describe('network firewall collector', () => {
  it('describes each firewall it lists', async () => {
    const nf = mocks.get(NetworkFirewallClient);
    nf.on(ListFirewallsCommand).resolves({ Firewalls: [{ FirewallName: 'edge', FirewallArn: 'arn:fw' }] });
    nf.on(DescribeFirewallCommand).resolves({
      Firewall: { FirewallName: 'edge', FirewallArn: 'arn:fw', VpcId: 'vpc-1', FirewallPolicyArn: 'arn:policy', SubnetMappings: [{ SubnetId: 'subnet-1' }], FirewallId: 'x' },
    } as never);
    const { part } = await collect(networkFirewallCollector);
    expect(okValue(part.networkFirewall?.firewalls)).toEqual([{ arn: 'arn:fw', name: 'edge', vpcId: 'vpc-1', subnetIds: ['subnet-1'], policyArn: 'arn:policy' }]);
  });
});

describe('sns collector', () => {
  it('reads topics over pages with policy and key, and never keeps subscription endpoints', async () => {
    const sns = mocks.get(SNSClient);
    const T1 = 'arn:aws:sns:eu-west-1:123456789012:alerts';
    const T2 = 'arn:aws:sns:eu-west-1:123456789012:open';
    sns.on(ListTopicsCommand, { NextToken: undefined }).resolves({ Topics: [{ TopicArn: T1 }], NextToken: 'n' }).on(ListTopicsCommand, { NextToken: 'n' }).resolves({ Topics: [{ TopicArn: T2 }] });
    sns.on(GetTopicAttributesCommand, { TopicArn: T1 }).resolves({ Attributes: { KmsMasterKeyId: 'alias/aws/sns', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) } });
    sns.on(GetTopicAttributesCommand, { TopicArn: T2 }).resolves({ Attributes: {} });
    sns.on(ListSubscriptionsByTopicCommand).resolves({
      Subscriptions: [
        { SubscriptionArn: `${T1}:sub-1`, Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: T1 },
        { SubscriptionArn: 'PendingConfirmation', Protocol: 'https', Endpoint: 'https://hooks.example.com/T0K3N', TopicArn: T1 },
      ],
    });
    const { part } = await collect(snsCollector);
    const [t1, t2] = okValue(part.sns?.topics);
    expect(t1).toEqual({
      arn: T1,
      policy: { state: 'ok', value: { Version: '2012-10-17', Statement: [] } },
      kmsMasterKeyId: 'alias/aws/sns',
      subscriptions: {
        state: 'ok',
        value: [
          { arn: `${T1}:sub-1`, protocol: 'email', pending: false },
          { arn: 'PendingConfirmation', protocol: 'https', pending: true },
        ],
      },
    });
    expect(t2?.policy).toEqual({ state: 'absent' });
    expect(JSON.stringify(part)).not.toMatch(/oncall@example.com|T0K3N/);
  });
});

describe('kms collector', () => {
  it('describes every key, joins aliases, and reads rotation only where AWS rotates', async () => {
    const kms = mocks.get(KMSClient);
    kms.on(ListKeysCommand, { Marker: undefined })
      .resolves({ Keys: [{ KeyId: 'k1', KeyArn: 'arn:k1' }, { KeyId: 'k2', KeyArn: 'arn:k2' }], Truncated: true, NextMarker: 'm' })
      .on(ListKeysCommand, { Marker: 'm' })
      .resolves({ Keys: [{ KeyId: 'k3', KeyArn: 'arn:k3' }], Truncated: false });
    kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/app', TargetKeyId: 'k1' }, { AliasName: 'alias/aws/s3', TargetKeyId: 'k2' }] });
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k1' }).resolves({ KeyMetadata: { KeyId: 'k1', Arn: 'arn:k1', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS' } as never });
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k2' }).resolves({ KeyMetadata: { KeyId: 'k2', Arn: 'arn:k2', KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled' } as never });
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k3' }).resolves({ KeyMetadata: { KeyId: 'k3', Arn: 'arn:k3', KeyManager: 'CUSTOMER', KeySpec: 'RSA_2048', KeyState: 'Enabled' } as never });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    const { part } = await collect(kmsCollector);
    expect(okValue(part.kms?.keys)).toEqual([
      { arn: 'arn:k1', id: 'k1', manager: 'CUSTOMER', state: 'Enabled', aliases: ['alias/app'], rotationEnabled: { state: 'ok', value: false } },
      { arn: 'arn:k2', id: 'k2', manager: 'AWS', state: 'Enabled', aliases: ['alias/aws/s3'] },
      { arn: 'arn:k3', id: 'k3', manager: 'CUSTOMER', state: 'Enabled', aliases: [] },
    ]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['k1']);
  });

  it('keeps every other key when one key policy denies DescribeKey, and says what is unknown of that one', async () => {
    const kms = mocks.get(KMSClient);
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1', KeyArn: 'arn:k1' }, { KeyId: 'k2', KeyArn: 'arn:k2' }, { KeyId: 'k3', KeyArn: 'arn:k3' }] });
    kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/locked', TargetKeyId: 'k2' }, { AliasName: 'alias/aws/rds', TargetKeyId: 'k3' }] });
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k1' }).resolves({ KeyMetadata: { KeyId: 'k1', Arn: 'arn:k1', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS' } as never });
    const denied = awsError('AccessDeniedException', 'User: arn:aws:iam::123456789012:role/Audit is not authorized to perform: kms:DescribeKey on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access', 400);
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k2' }).rejects(denied);
    kms.on(DescribeKeyCommand, { KeyId: 'arn:k3' }).rejects(denied);
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    const { part } = await collect(kmsCollector);
    const [k1, k2, k3] = okValue(part.kms?.keys);
    expect(k1).toEqual({ arn: 'arn:k1', id: 'k1', manager: 'CUSTOMER', state: 'Enabled', aliases: [], rotationEnabled: { state: 'ok', value: true } });
    // A key whose policy shuts the auditor out is a customer key (AWS managed keys let the account describe them).
    expect(k2).toEqual({
      arn: 'arn:k2',
      id: 'k2',
      manager: 'CUSTOMER',
      aliases: ['alias/locked'],
      rotationEnabled: { state: 'error', call: 'kms:DescribeKey', error: expect.stringContaining('AccessDeniedException') },
    });
    // ...unless its alias says AWS manages it: AWS rotates those itself.
    expect(k3).toEqual({ arn: 'arn:k3', id: 'k3', manager: 'AWS', aliases: ['alias/aws/rds'] });
  });

  it('asks rotation only of keys whose material KMS generates (not imported, CloudHSM or external key stores)', async () => {
    const kms = mocks.get(KMSClient);
    const origins = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];
    kms.on(ListKeysCommand).resolves({ Keys: origins.map((_o, i) => ({ KeyId: `k${i}`, KeyArn: `arn:k${i}` })) });
    origins.forEach((Origin, i) =>
      kms.on(DescribeKeyCommand, { KeyId: `arn:k${i}` }).resolves({ KeyMetadata: { KeyId: `k${i}`, Arn: `arn:k${i}`, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin } as never }),
    );
    // What KMS answers for a key in a custom key store.
    kms.on(GetKeyRotationStatusCommand).callsFake((input: { KeyId: string }) => {
      if (input.KeyId !== 'k0') throw awsError('UnsupportedOperationException', 'not supported for this key', 400);
      return { KeyRotationEnabled: true };
    });
    const { part } = await collect(kmsCollector);
    expect(okValue(part.kms?.keys).map((k) => k.rotationEnabled)).toEqual([{ state: 'ok', value: true }, undefined, undefined, undefined]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['k0']);
  });
});
