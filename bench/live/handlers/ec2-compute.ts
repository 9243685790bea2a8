import type { SyntheticAccount } from '../account.js';
import { awsError } from '../aws-errors.js';
import { indexOfId } from '../rng.js';
import { pastDate, str, strings, type HandlerContext, type HandlerTable } from './types.js';

const TYPES = ['t3.micro', 't3.large', 'm6i.xlarge', 'c6g.2xlarge', 'r6i.large'];

/** Which image instance i runs: one in ten a foreign (AWS, Marketplace) AMI, else one of the account's. */
export function imageOfInstance(a: SyntheticAccount, region: string, i: number): string {
  const own = a.count('ownImages', region);
  const foreign = a.count('foreignImages', region);
  if ((i % 10 === 0 && foreign > 0) || own === 0) return foreignImageId(a, region, Math.floor(i / 10) % Math.max(1, foreign));
  return a.rid('ami', region, i % own);
}

export const foreignImageId = (a: SyntheticAccount, region: string, k: number) => a.rid('ami', `${region}/foreign`, k);

/** Security groups of instance i (also those of its primary interface). */
export function groupsOfInstance(a: SyntheticAccount, region: string, i: number): string[] {
  const n = a.count('securityGroups', region);
  if (n === 0) return [];
  const k = 1 + (a.hash('sgs', region, i) % 3);
  return [...new Set(Array.from({ length: k }, (_, j) => a.rid('sg', region, (i * 3 + j) % n)))];
}

/** The VPC of instance i: one of the custom VPCs when there are any. */
export function vpcOfInstance(a: SyntheticAccount, region: string, i: number): number {
  const custom = a.count('vpcs', region);
  return custom > 0 ? 1 + (i % custom) : 0;
}

function instance(ctx: HandlerContext, region: string, i: number) {
  const a = ctx.account;
  const vpc = vpcOfInstance(a, region, i);
  const windows = a.roll('win', region, i) < 0.1;
  return {
    InstanceId: a.rid('i', region, i),
    ImageId: imageOfInstance(a, region, i),
    State: { Code: 16, Name: a.roll('state', region, i) < 0.9 ? 'running' : 'stopped' },
    InstanceType: TYPES[a.hash('type', region, i) % TYPES.length],
    ...(windows ? { Platform: 'windows' } : {}),
    VpcId: a.rid('vpc', region, vpc),
    SubnetId: a.rid('subnet', region, vpc * 8 + (i % 3)),
    SecurityGroups: groupsOfInstance(a, region, i).map((GroupId) => ({ GroupId, GroupName: `app-${GroupId.slice(-4)}` })),
    NetworkInterfaces: [{ NetworkInterfaceId: a.rid('eni', region, i) }],
    ...(a.roll('pub', region, i) < 0.1 ? { PublicIpAddress: `54.${a.hash('ip', i) % 256}.${i % 256}.${(i >> 8) % 256}` } : {}),
    ...(a.roll('prof', region, i) < 0.6 ? { IamInstanceProfile: { Arn: `arn:aws:iam::${a.id}:instance-profile/app-${i % 40}` } } : {}),
    LaunchTime: pastDate(a, 'launch', region, i),
    MetadataOptions: { HttpTokens: a.roll('imds', region, i) < 0.7 ? 'required' : 'optional' },
    Tags: [
      { Key: 'Name', Value: `app-${i}` },
      { Key: 'team', Value: `team-${a.hash('team', i) % 12}` },
    ],
  };
}

function image(ctx: HandlerContext, region: string, id: string, own: boolean) {
  const a = ctx.account;
  return {
    ImageId: id,
    Name: own ? `golden-${id.slice(-6)}` : `amzn2-ami-hvm-${id.slice(-6)}`,
    OwnerId: own ? a.id : '137112412989',
    ...(own ? {} : { ImageOwnerAlias: 'amazon' }),
    Public: own ? a.roll('pubami', id) < 0.02 : true,
    State: 'available',
    CreationDate: pastDate(a, 'ami', id).toISOString(),
    ...(a.roll('winami', id) < 0.1 ? { Platform: 'windows' } : {}),
    Tags: own ? [{ Key: 'pipeline', Value: 'packer' }] : [],
  };
}

function volume(ctx: HandlerContext, region: string, v: number) {
  const a = ctx.account;
  const instances = a.count('instances', region);
  const attached = instances > 0 && a.roll('att', region, v) < 0.9;
  const encrypted = a.roll('enc', region, v) < 0.85;
  return {
    VolumeId: a.rid('vol', region, v),
    Encrypted: encrypted,
    ...(encrypted ? { KmsKeyId: `arn:aws:kms:${region}:${a.id}:key/${a.rid('key', region, a.hash('vk', v) % a.kmsKeys(region))}` } : {}),
    State: attached ? 'in-use' : 'available',
    Size: 8 + (a.hash('size', region, v) % 500),
    Attachments: attached ? [{ InstanceId: a.rid('i', region, v % instances), Device: '/dev/xvdf', State: 'attached' }] : [],
    ...(a.roll('fromsnap', region, v) < 0.2 ? { SnapshotId: a.rid('snap', region, v % Math.max(1, a.count('snapshots', region))) } : { SnapshotId: '' }),
    CreateTime: pastDate(a, 'vol', region, v),
    Tags: [{ Key: 'backup', Value: a.roll('bk', v) < 0.5 ? 'daily' : 'none' }],
  };
}

function snapshot(ctx: HandlerContext, region: string, s: number) {
  const a = ctx.account;
  return {
    SnapshotId: a.rid('snap', region, s),
    VolumeId: a.rid('vol', region, s % Math.max(1, a.count('volumes', region))),
    Encrypted: a.roll('senc', region, s) < 0.85,
    StartTime: pastDate(a, 'snap', region, s),
    State: 'completed',
    OwnerId: a.id,
    Progress: '100%',
    VolumeSize: 8 + (s % 200),
    Tags: [],
  };
}

function ownImageIndex(ctx: HandlerContext, region: string, id: string): number | undefined {
  const i = indexOfId(id, 'ami');
  return i !== undefined && i < ctx.account.count('ownImages', region) && ctx.account.rid('ami', region, i) === id ? i : undefined;
}

export const ec2ComputeHandlers: HandlerTable = {
  'EC2Client:DescribeInstances': (req, ctx) => {
    const total = ctx.account.count('instances', req.region);
    const p = ctx.page(req.call, total, req.input.NextToken, req.input.MaxResults);
    const reservations = [];
    for (let i = p.start; i < p.end; i++) {
      reservations.push({ ReservationId: ctx.account.rid('r', req.region, i), OwnerId: ctx.account.id, Instances: [instance(ctx, req.region, i)] });
    }
    return { Reservations: reservations, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeImages': (req, ctx) => {
    const owners = strings(req.input.Owners);
    const filters = Array.isArray(req.input.Filters) ? (req.input.Filters as Array<{ Name?: string; Values?: string[] }>) : [];
    const wanted = filters.find((f) => f.Name === 'image-id')?.Values;
    if (owners.includes('self')) {
      const p = ctx.page(req.call, ctx.account.count('ownImages', req.region), req.input.NextToken, req.input.MaxResults);
      const images = [];
      for (let i = p.start; i < p.end; i++) images.push(image(ctx, req.region, ctx.account.rid('ami', req.region, i), true));
      return { Images: images, ...(p.next ? { NextToken: p.next } : {}) };
    }
    if (wanted) {
      if (wanted.length > 200) throw awsError('InvalidParameterValue', 'The filter value list cannot exceed 200 values');
      const foreign = ctx.account.count('foreignImages', req.region);
      const images = wanted
        .map((id) => {
          if (ownImageIndex(ctx, req.region, id) !== undefined) return image(ctx, req.region, id, true);
          const k = indexOfId(id, 'ami');
          return k !== undefined && k < foreign && foreignImageId(ctx.account, req.region, k) === id ? image(ctx, req.region, id, false) : undefined;
        })
        .filter((x) => x !== undefined);
      return { Images: images };
    }
    throw awsError('InvalidParameterCombination', 'the bench serves DescribeImages by owner self or by image-id filter only');
  },
  'EC2Client:DescribeImageAttribute': (req, ctx) => {
    const id = str(req.input.ImageId) ?? '';
    const i = ownImageIndex(ctx, req.region, id);
    if (i === undefined) throw awsError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
    const r = ctx.account.roll('share', req.region, i);
    const perms = r < 0.02 ? [{ Group: 'all' }] : r < 0.3 ? [{ UserId: '111122223333' }, { UserId: '444455556666' }] : [];
    return { ImageId: id, LaunchPermissions: perms };
  },
  'EC2Client:DescribeVolumes': (req, ctx) => {
    const p = ctx.page(req.call, ctx.account.count('volumes', req.region), req.input.NextToken, req.input.MaxResults);
    const volumes = [];
    for (let v = p.start; v < p.end; v++) volumes.push(volume(ctx, req.region, v));
    return { Volumes: volumes, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeSnapshots': (req, ctx) => {
    if (!strings(req.input.OwnerIds).includes('self')) throw awsError('InvalidParameterCombination', 'the bench serves the account own snapshots only');
    const p = ctx.page(req.call, ctx.account.count('snapshots', req.region), req.input.NextToken, req.input.MaxResults);
    const snaps = [];
    for (let s = p.start; s < p.end; s++) snaps.push(snapshot(ctx, req.region, s));
    return { Snapshots: snaps, ...(p.next ? { NextToken: p.next } : {}) };
  },
  'EC2Client:DescribeSnapshotAttribute': (req, ctx) => {
    const id = str(req.input.SnapshotId) ?? '';
    const s = indexOfId(id, 'snap');
    if (s === undefined || s >= ctx.account.count('snapshots', req.region) || ctx.account.rid('snap', req.region, s) !== id) {
      throw awsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
    }
    const r = ctx.account.roll('sshare', req.region, s);
    const perms = r < 0.01 ? [{ Group: 'all' }] : r < 0.06 ? [{ UserId: '111122223333' }] : [];
    return { SnapshotId: id, CreateVolumePermissions: perms };
  },
  'EC2Client:GetEbsEncryptionByDefault': (req, ctx) => ({ EbsEncryptionByDefault: ctx.account.roll('ebsdef', req.region) < 0.5, SseType: 'sse-ebs' }),
  'EC2Client:GetEbsDefaultKmsKeyId': () => ({ KmsKeyId: 'alias/aws/ebs' }),
};
