import {
  DescribeFlowLogsCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { commandTable, type RegionalCollector } from '../collector.js';
import { readCompute } from './ec2-compute.js';
import { readNetwork } from './ec2-network.js';

const commands = commandTable([
  [DescribeInstancesCommand, 'ec2:DescribeInstances'],
  [DescribeImagesCommand, 'ec2:DescribeImages'],
  [DescribeImageAttributeCommand, 'ec2:DescribeImageAttribute'],
  [DescribeVolumesCommand, 'ec2:DescribeVolumes'],
  [DescribeSnapshotsCommand, 'ec2:DescribeSnapshots'],
  [DescribeSnapshotAttributeCommand, 'ec2:DescribeSnapshotAttribute'],
  [GetEbsEncryptionByDefaultCommand, 'ec2:GetEbsEncryptionByDefault'],
  [GetEbsDefaultKmsKeyIdCommand, 'ec2:GetEbsDefaultKmsKeyId'],
  [DescribeSecurityGroupsCommand, 'ec2:DescribeSecurityGroups'],
  [DescribeNetworkInterfacesCommand, 'ec2:DescribeNetworkInterfaces'],
  [DescribeVpcsCommand, 'ec2:DescribeVpcs'],
  [DescribeFlowLogsCommand, 'ec2:DescribeFlowLogs'],
  [DescribeNetworkAclsCommand, 'ec2:DescribeNetworkAcls'],
  [DescribeVpnConnectionsCommand, 'ec2:DescribeVpnConnections'],
  [DescribeVpcPeeringConnectionsCommand, 'ec2:DescribeVpcPeeringConnections'],
]);

/** EC2, EBS and VPC in one region: one client, every list paginated, attributes per own image/snapshot. */
export const ec2Collector: RegionalCollector = {
  service: 'ec2',
  scope: 'regional',
  fills: ['ec2'],
  commands,
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    const [compute, network] = await Promise.all([readCompute(ctx, ec2), readNetwork(ctx, ec2)]);
    return { ec2: { ...compute, ...network } };
  },
};
