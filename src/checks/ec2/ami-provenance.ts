import { z } from 'zod';
import type { Image, Instance, RegionalInventory } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional, missing } from '../helpers.js';
import { labelOf, refOf } from './resource-ref.js';

const options = z.object({
  /**
   * Owner aliases whose images count as vetted. AWS's "Allowed AMIs" feature defines 'amazon' as images
   * by AWS, 'aws-marketplace' as images by verified AWS Marketplace providers and 'aws-backup-vault' as
   * AWS Backup's restores of the account's own images; set ['amazon'] to trust AWS alone.
   */
  trustedOwnerAliases: z.array(z.string()).default(['amazon', 'aws-marketplace', 'aws-backup-vault']),
  /** Account ids whose images are trusted: the organisation's image factory, a vetted vendor. */
  trustedOwners: z.array(z.string().regex(/^\d{12}$/, 'a 12-digit account id')).default([]),
});
type Options = z.infer<typeof options>;
type Message = 'own' | 'verified' | 'allowListed' | 'untrusted' | 'imageGone';

// Instances on their way out do not run anything anymore.
const GONE = new Set(['terminated', 'shutting-down']);

function judge(inst: Instance, r: RegionalInventory, region: string, accountId: string, o: Options): CheckResult<Message | 'missing'>[] {
  if (GONE.has(inst.state)) return [];
  const resource = refOf(inst, inst.arn, 'AWS::EC2::Instance', region);
  const instance = labelOf(inst.id, inst.tags);
  const images = r.ec2.images;
  if (images.state !== 'ok') return [missing(resource, images, `the image ${inst.imageId} of instance ${instance}`)];
  const img: Image | undefined = images.value.find((i) => i.id === inst.imageId);
  if (!img) return [{ status: 'unknown', resource, message: 'imageGone', data: { instance, image: inst.imageId } }];
  const data = { instance, image: labelOf(img.id, img.tags, img.name), owner: img.ownerId, alias: img.ownerAlias ?? '' };
  if (img.ownerId === accountId) return [{ status: 'pass', resource, message: 'own', data }];
  if (img.ownerAlias && o.trustedOwnerAliases.includes(img.ownerAlias)) return [{ status: 'pass', resource, message: 'verified', data }];
  if (o.trustedOwners.includes(img.ownerId)) return [{ status: 'pass', resource, message: 'allowListed', data }];
  return [{ status: 'fail', resource, message: 'untrusted', data, evidence: { imageOwner: img.ownerId, ownerAlias: img.ownerAlias ?? null } }];
}

export default defineCheck({
  id: 'ec2.ami-provenance',
  title: "Instances run from the account's own, Amazon's or verified publishers' images",
  description:
    "An image from an unknown publisher is an operating system nobody vetted: it may carry a backdoor user, an old SSH host key or a miner. The guide asks that someone else's AMI be secured like any other system before use. Images by AWS, by verified AWS Marketplace providers and the account's own count as vetted; others need an allow-list entry.",
  severity: 'medium',
  guideIds: ['ec2.ami-provenance'],
  needs: ['regions.*.ec2.instances', 'regions.*.ec2.images'],
  permissions: ['ec2:DescribeInstances', 'ec2:DescribeImages'],
  sources: ['aws'],
  remediation: {
    text: "Rebuild the instance from an image you own (built by your pipeline from a vetted base) or from an Amazon or verified-provider image. If the publisher is one you trust, add its account id to this check's trustedOwners option. Turn on Allowed AMIs so that new launches are limited to trusted providers.",
    cli: 'aws ec2 describe-images --image-ids ami-0123456789abcdef0 --query "Images[].{Owner:OwnerId,Alias:ImageOwnerAlias,Name:Name}"\naws ec2 replace-image-criteria-in-allowed-images-settings --image-criteria "ImageProviders=amazon,aws-marketplace,111122223333"\naws ec2 enable-allowed-images-settings --allowed-images-settings-state enabled',
    cloudformation:
      'Parameters:\n  ImageId:\n    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>\n    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\nResources:\n  Instance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: !Ref ImageId',
    terraform:
      'data "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-*-x86_64"]\n  }\n}\n\nresource "aws_instance" "app" {\n  ami = data.aws_ami.al2023.id\n}',
  },
  messages: {
    own: 'Instance {{instance}} runs image {{image}}, owned by this account.',
    verified: 'Instance {{instance}} runs image {{image}} from a verified publisher ({{alias}}).',
    allowListed: 'Instance {{instance}} runs image {{image}} from trusted account {{owner}}.',
    untrusted: 'Instance {{instance}} runs image {{image}}, published by account {{owner}}, which is neither this account, Amazon, a verified provider nor a trusted owner.',
    imageGone:
      'Instance {{instance}} runs image {{image}}, which can no longer be described (deregistered, or no longer shared with this account): its publisher cannot be verified.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.instances, 'the instances', (inst, region, r) => judge(inst, r, region, inventory.meta.accountId, o));
  },
});
