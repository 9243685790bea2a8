import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, awsError, collect, mockAll, okValue, REGION } from '../__tests__/mock-aws.js';
import { ec2Collector } from './ec2.js';
import { flattenPermissions } from './ec2-network.js';

const mocks = mockAll();
const ec2 = mocks.get(EC2Client);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const instance = (id: string, imageId: string) => ({
  InstanceId: id,
  ImageId: imageId,
  State: { Name: 'running' as const },
  SecurityGroups: [{ GroupId: 'sg-1' }],
  MetadataOptions: { HttpTokens: 'optional' as const },
  PublicIpAddress: '203.0.113.10',
});

beforeEach(() => {
  mocks.reset();
  ec2
    .on(DescribeInstancesCommand, { NextToken: undefined })
    .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-1', 'ami-own')] }], NextToken: 'n2' })
    .on(DescribeInstancesCommand, { NextToken: 'n2' })
    .resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [instance('i-2', 'ami-market'), instance('i-3', 'ami-gone')] }] });
  ec2.on(DescribeImagesCommand, { Owners: ['self'] }).resolves({ Images: [{ ImageId: 'ami-own', OwnerId: ACCOUNT, Public: false, Name: 'golden' }] });
  ec2.on(DescribeImagesCommand, { Filters: [{ Name: 'image-id', Values: ['ami-market', 'ami-gone'] }] }).resolves({
    Images: [{ ImageId: 'ami-market', OwnerId: '679593333241', ImageOwnerAlias: 'aws-marketplace', Public: true }],
  });
  ec2.on(DescribeImageAttributeCommand).resolves({ LaunchPermissions: [{ UserId: '111122223333' }] });
  ec2.on(DescribeSnapshotsCommand).resolves({
    Snapshots: [
      { SnapshotId: 'snap-public', OwnerId: ACCOUNT, Encrypted: false, VolumeId: 'vol-1' },
      { SnapshotId: 'snap-private', OwnerId: ACCOUNT, Encrypted: true },
    ],
  });
  ec2.on(DescribeSnapshotAttributeCommand, { SnapshotId: 'snap-public' }).resolves({ CreateVolumePermissions: [{ Group: 'all' }] });
  ec2.on(DescribeSnapshotAttributeCommand, { SnapshotId: 'snap-private' }).rejects(awsError('UnauthorizedOperation', 'not allowed', 403));
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
});

describe('ec2 collector', () => {
  it('follows DescribeInstances pages and builds instance ARNs', async () => {
    const { part } = await collect(ec2Collector);
    const list = okValue(part.ec2?.instances);
    expect(list.map((i) => i.arn)).toEqual([1, 2, 3].map((n) => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-${n}`));
    expect(list[0]).toMatchObject({ state: 'running', securityGroupIds: ['sg-1'], metadataHttpTokens: 'optional', publicIp: '203.0.113.10' });
  });

  it('reads own images with their sharing, and the images instances use by filter (a deregistered one is just missing)', async () => {
    const { part } = await collect(ec2Collector);
    const images = okValue(part.ec2?.images);
    expect(images.map((i) => [i.id, i.ownedByAccount, i.public])).toEqual([
      ['ami-own', true, false],
      ['ami-market', false, true],
    ]);
    expect(images[0]?.sharedWith).toEqual({ state: 'ok', value: ['111122223333'] });
    expect(images[0]?.arn).toBe(`arn:aws:ec2:${REGION}::image/ami-own`);
  });

  it('reads who may create volumes from each own snapshot, per snapshot', async () => {
    const { part } = await collect(ec2Collector);
    const [pub, priv] = okValue(part.ec2?.snapshots);
    expect(pub?.createVolumePermission).toEqual({ state: 'ok', value: { public: true, accounts: [] } });
    expect(priv?.createVolumePermission).toEqual({ state: 'error', call: 'ec2:DescribeSnapshotAttribute', error: 'UnauthorizedOperation: not allowed' });
    expect(ec2.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input.OwnerIds).toEqual(['self']);
  });

  it('reads EBS encryption by default with its key, and keeps the setting when the key call fails', async () => {
    let { part } = await collect(ec2Collector);
    expect(part.ec2?.ebsEncryptionByDefault).toEqual({ state: 'ok', value: { enabled: true, kmsKeyId: 'alias/aws/ebs' } });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).rejects(awsError('UnauthorizedOperation', 'no', 403));
    ({ part } = await collect(ec2Collector));
    expect(part.ec2?.ebsEncryptionByDefault).toEqual({ state: 'ok', value: { enabled: true } });
  });

  it('flattens security group rules to one source per rule', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [
        {
          GroupId: 'sg-1',
          GroupName: 'web',
          Description: 'web',
          OwnerId: ACCOUNT,
          VpcId: 'vpc-1',
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }, { CidrIp: '10.0.0.0/8' }],
              Ipv6Ranges: [{ CidrIpv6: '::/0' }],
              PrefixListIds: [{ PrefixListId: 'pl-1' }],
              UserIdGroupPairs: [{ GroupId: 'sg-2', UserId: '111122223333' }],
            },
          ],
          IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        },
      ],
    });
    const { part } = await collect(ec2Collector);
    const [sg] = okValue(part.ec2?.securityGroups);
    expect(sg?.arn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-1`);
    expect(sg?.ingress).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr4', value: '0.0.0.0/0' }, description: 'ssh' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr4', value: '10.0.0.0/8' } },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr6', value: '::/0' } },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'prefixList', value: 'pl-1' } },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'group', value: 'sg-2', account: '111122223333' } },
    ]);
    expect(sg?.egress).toEqual([{ protocol: '-1', source: { kind: 'cidr4', value: '0.0.0.0/0' } }]);
    expect(flattenPermissions(undefined)).toEqual([]);
  });

  it('reads VPN tunnels and fails only the VPN list when that call is denied', async () => {
    ec2.on(DescribeVpnConnectionsCommand).resolves({
      VpnConnections: [{ VpnConnectionId: 'vpn-1', State: 'available', VgwTelemetry: [{ Status: 'UP', OutsideIpAddress: '198.51.100.1' }, { Status: 'DOWN' }] }],
    });
    let { part } = await collect(ec2Collector);
    expect(okValue(part.ec2?.vpnConnections)[0]?.tunnels.map((t) => t.status)).toEqual(['UP', 'DOWN']);
    ec2.on(DescribeVpnConnectionsCommand).rejects(awsError('UnauthorizedOperation', 'no', 403));
    ({ part } = await collect(ec2Collector));
    expect(part.ec2?.vpnConnections.state).toBe('error');
    expect(part.ec2?.instances.state).toBe('ok');
  });
});
