import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type EC2Client,
  type Image as SdkImage,
} from '@aws-sdk/client-ec2';
import { ok, type Attr, type Image, type Instance, type Snapshot, type Volume } from '../../../inventory/index.js';
import type { CollectContext } from '../context.js';
import { chunks, listAll } from '../list.js';
import { attrOf, compact, failedAttr, iso, tagsOf } from '../outcome.js';

const PAGE = 1000;
/** Image ids per DescribeImages filter (a filter takes up to 200 values). */
const IMAGE_BATCH = 100;

function image(ctx: CollectContext, i: SdkImage, owned: boolean): Image {
  return compact({
    id: i.ImageId ?? '',
    arn: `arn:${ctx.partition}:ec2:${ctx.region}::image/${i.ImageId ?? ''}`,
    name: i.Name,
    ownerId: i.OwnerId ?? '',
    ownerAlias: i.ImageOwnerAlias,
    public: i.Public === true,
    state: i.State,
    creationDate: iso(i.CreationDate),
    platform: i.Platform,
    ownedByAccount: owned,
    tags: tagsOf(i.Tags),
  });
}

async function instances(ctx: CollectContext, ec2: EC2Client): Promise<Attr<Instance[]>> {
  return listAll(
    ctx,
    ec2,
    (NextToken) => new DescribeInstancesCommand({ NextToken, MaxResults: PAGE }),
    (o) => o.NextToken,
    (o) =>
      (o.Reservations ?? []).flatMap((r) =>
        (r.Instances ?? []).map(
          (i): Instance =>
            compact({
              id: i.InstanceId ?? '',
              arn: `arn:${ctx.partition}:ec2:${ctx.region}:${r.OwnerId ?? ctx.account}:instance/${i.InstanceId ?? ''}`,
              imageId: i.ImageId ?? '',
              state: i.State?.Name ?? 'unknown',
              instanceType: i.InstanceType,
              platform: i.Platform,
              vpcId: i.VpcId,
              subnetId: i.SubnetId,
              securityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
              networkInterfaceIds: (i.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId ?? '').filter(Boolean),
              publicIp: i.PublicIpAddress,
              iamInstanceProfileArn: i.IamInstanceProfile?.Arn,
              launchTime: iso(i.LaunchTime),
              metadataHttpTokens:
                i.MetadataOptions?.HttpTokens === 'required' || i.MetadataOptions?.HttpTokens === 'optional'
                  ? i.MetadataOptions.HttpTokens
                  : undefined,
              tags: tagsOf(i.Tags),
            }),
        ),
      ),
  );
}

/**
 * The account's own images (with whom each is shared), then the images its instances run that it
 * does not own (marketplace, other accounts), found by filter so a deregistered one is simply
 * missing instead of failing the batch.
 */
async function images(ctx: CollectContext, ec2: EC2Client, inst: Attr<Instance[]>): Promise<Attr<Image[]>> {
  const own = await listAll(
    ctx,
    ec2,
    (NextToken) => new DescribeImagesCommand({ Owners: ['self'], NextToken, MaxResults: PAGE }),
    (o) => o.NextToken,
    (o) => (o.Images ?? []).map((i) => image(ctx, i, true)),
  );
  if (own.state !== 'ok') return own;
  await Promise.all(
    own.value.map(async (img) => {
      const a = await ctx.send(ec2, new DescribeImageAttributeCommand({ ImageId: img.id, Attribute: 'launchPermission' }));
      img.sharedWith = attrOf(a, (o) => (o.LaunchPermissions ?? []).map((p) => p.UserId ?? '').filter(Boolean));
    }),
  );
  const ownedIds = new Set(own.value.map((i) => i.id));
  const referenced = inst.state === 'ok' ? [...new Set(inst.value.map((i) => i.imageId))].filter((id) => id && !ownedIds.has(id)) : [];
  const others: Image[] = [];
  for (const batch of chunks(referenced, IMAGE_BATCH)) {
    const got = await listAll(
      ctx,
      ec2,
      (NextToken) =>
        new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: batch }], IncludeDeprecated: true, NextToken, MaxResults: PAGE }),
      (o) => o.NextToken,
      (o) => (o.Images ?? []).map((i) => image(ctx, i, i.OwnerId === ctx.account)),
    );
    if (got.state !== 'ok') return got;
    others.push(...got.value);
  }
  return ok([...own.value, ...others]);
}

async function volumes(ctx: CollectContext, ec2: EC2Client): Promise<Attr<Volume[]>> {
  return listAll(
    ctx,
    ec2,
    (NextToken) => new DescribeVolumesCommand({ NextToken, MaxResults: PAGE }),
    (o) => o.NextToken,
    (o) =>
      (o.Volumes ?? []).map(
        (v): Volume =>
          compact({
            id: v.VolumeId ?? '',
            arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.account}:volume/${v.VolumeId ?? ''}`,
            encrypted: v.Encrypted === true,
            kmsKeyId: v.KmsKeyId,
            state: v.State ?? 'unknown',
            sizeGiB: v.Size,
            attachedInstanceIds: (v.Attachments ?? []).map((a) => a.InstanceId ?? '').filter(Boolean),
            snapshotId: v.SnapshotId || undefined,
            createTime: iso(v.CreateTime),
            tags: tagsOf(v.Tags),
          }),
      ),
  );
}

/** The account's own snapshots, each with who may create volumes from it ('all' = public). */
async function snapshots(ctx: CollectContext, ec2: EC2Client): Promise<Attr<Snapshot[]>> {
  const list = await listAll(
    ctx,
    ec2,
    (NextToken) => new DescribeSnapshotsCommand({ OwnerIds: ['self'], NextToken, MaxResults: PAGE }),
    (o) => o.NextToken,
    (o) =>
      (o.Snapshots ?? []).map(
        (s): Snapshot =>
          compact({
            id: s.SnapshotId ?? '',
            arn: `arn:${ctx.partition}:ec2:${ctx.region}::snapshot/${s.SnapshotId ?? ''}`,
            volumeId: s.VolumeId,
            encrypted: s.Encrypted === true,
            startTime: iso(s.StartTime),
            state: s.State,
            ownerId: s.OwnerId ?? ctx.account,
            createVolumePermission: { state: 'absent' },
            tags: tagsOf(s.Tags),
          }),
      ),
  );
  if (list.state !== 'ok') return list;
  await Promise.all(
    list.value.map(async (snap) => {
      const a = await ctx.send(ec2, new DescribeSnapshotAttributeCommand({ SnapshotId: snap.id, Attribute: 'createVolumePermission' }));
      snap.createVolumePermission = attrOf(a, (o) => ({
        public: (o.CreateVolumePermissions ?? []).some((p) => p.Group === 'all'),
        accounts: (o.CreateVolumePermissions ?? []).map((p) => p.UserId ?? '').filter(Boolean),
      }));
    }),
  );
  return list;
}

export async function readCompute(ctx: CollectContext, ec2: EC2Client) {
  const instancesP = instances(ctx, ec2);
  const [inst, imgs, vols, snaps, ebsDefault, ebsKey] = await Promise.all([
    instancesP,
    instancesP.then((i) => images(ctx, ec2, i)),
    volumes(ctx, ec2),
    snapshots(ctx, ec2),
    ctx.send(ec2, new GetEbsEncryptionByDefaultCommand({})),
    ctx.send(ec2, new GetEbsDefaultKmsKeyIdCommand({})),
  ]);
  const ebsEncryptionByDefault = ebsDefault.ok
    ? ok(compact({ enabled: ebsDefault.value.EbsEncryptionByDefault === true, kmsKeyId: ebsKey.ok ? ebsKey.value.KmsKeyId : undefined }))
    : failedAttr<never>(ebsDefault);
  return { instances: inst, images: imgs, volumes: vols, snapshots: snaps, ebsEncryptionByDefault };
}
