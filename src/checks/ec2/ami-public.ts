import { z } from 'zod';
import type { Image } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachRegional } from '../helpers.js';
import { labelOf, refOf } from './resource-ref.js';

const options = z.object({
  /** Images the account publishes on purpose (a product AMI, an open-source build). */
  allowedPublicImageIds: z.array(z.string()).default([]),
});
type Options = z.infer<typeof options>;
type Message = 'public' | 'publicAllowed' | 'private' | 'sharedPrivately';

function judge(img: Image, region: string, o: Options): CheckResult<Message>[] {
  if (!img.ownedByAccount) return [];
  const resource = refOf(img, img.arn, 'AWS::EC2::Image', region);
  const image = labelOf(img.id, img.tags, img.name);
  if (img.public) {
    // As critical as a public EBS or RDS snapshot: anyone gets a full copy of the disks.
    return o.allowedPublicImageIds.includes(img.id)
      ? [{ status: 'pass', resource, message: 'publicAllowed', data: { image } }]
      : [{ status: 'fail', resource, message: 'public', data: { image }, severity: 'critical' }];
  }
  const shared = img.sharedWith?.state === 'ok' ? img.sharedWith.value : [];
  return shared.length > 0
    ? [{ status: 'pass', resource, message: 'sharedPrivately', data: { image, count: shared.length }, evidence: { sharedWith: shared } }]
    : [{ status: 'pass', resource, message: 'private', data: { image } }];
}

export default defineCheck({
  id: 'ec2.ami-public',
  title: 'Images the account owns are not shared publicly unless meant to be',
  description:
    'A public AMI can be launched by every AWS account. Whatever was left on its volumes (keys, credentials, source code, customer data, shell history) is published with it.',
  severity: 'high',
  guideIds: ['ec2.ami-public'],
  needs: ['regions.*.ec2.images'],
  permissions: ['ec2:DescribeImages', 'ec2:DescribeImageAttribute'],
  sources: ['aws'],
  remediation: {
    text: 'Remove the public launch permission from the image (share it with named accounts or your organisation instead), and turn on block public access for AMIs in every region. If the image was public for a while, treat what it contained as exposed: rotate any credentials it held.',
    cli: 'aws ec2 modify-image-attribute --image-id ami-0123456789abcdef0 --launch-permission "Remove=[{Group=all}]"\naws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing',
    terraform:
      '# Share with named accounts instead of the group "all":\nresource "aws_ami_launch_permission" "partner" {\n  image_id   = "ami-0123456789abcdef0"\n  account_id = "111122223333"\n}',
  },
  messages: {
    public: 'Image {{image}} is public: every AWS account can launch it.',
    publicAllowed: 'Image {{image}} is public, as allowed by the check options.',
    private: 'Image {{image}} is not public.',
    sharedPrivately: 'Image {{image}} is not public; it is shared with {{count}} account(s).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    return forEachRegional(inventory, (r) => r.ec2.images, 'the images', (img, region) => judge(img, region, o));
  },
});
