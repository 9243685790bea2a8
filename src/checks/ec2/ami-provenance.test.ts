import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './ami-provenance.js';
import { ec2Arn, image, inRegion, instance } from './__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('instance', id);
const amazon = image('ami-al', { name: 'al2023-ami', ownerId: '137112412989', ownerAlias: 'amazon', public: true, ownedByAccount: false });
const market = image('ami-mk', { name: 'vendor-waf', ownerId: '679593333241', ownerAlias: 'aws-marketplace', public: true, ownedByAccount: false });
const community = image('ami-cm', { name: 'ubuntu-hardened-free', ownerId: '555566667777', public: true, ownedByAccount: false });

testCheck(check, {
  pass: [
    {
      name: "own, Amazon's and a marketplace image; terminated instances are not judged",
      inventory: [
        inRegion({
          ec2: {
            instances: ok([
              instance('i-1', { imageId: 'ami-own', tags: { Name: 'web-1' } }),
              instance('i-2', { imageId: 'ami-al' }),
              instance('i-3', { imageId: 'ami-mk' }),
              instance('i-4', { imageId: 'ami-cm', state: 'terminated' }),
            ]),
            images: ok([image('ami-own', { name: 'web' }), amazon, market, community]),
          },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: arn('i-1'), message: 'Instance i-1 (web-1) runs image ami-own (web), owned by this account.' },
        { status: 'pass', resourceId: arn('i-2'), message: 'Instance i-2 runs image ami-al (al2023-ami) from a verified publisher (amazon).' },
        { status: 'pass', resourceId: arn('i-3'), message: 'Instance i-3 runs image ami-mk (vendor-waf) from a verified publisher (aws-marketplace).' },
      ],
    },
    {
      name: 'a community image from an allow-listed owner',
      options: { trustedOwners: ['555566667777'] },
      inventory: [inRegion({ ec2: { instances: ok([instance('i-5', { imageId: 'ami-cm' })]), images: ok([community]) } })],
      findings: [{ status: 'pass', resourceId: arn('i-5'), message: 'Instance i-5 runs image ami-cm (ubuntu-hardened-free) from trusted account 555566667777.' }],
    },
  ],
  fail: [
    {
      name: 'a community image',
      inventory: [inRegion({ ec2: { instances: ok([instance('i-6', { imageId: 'ami-cm', tags: { Name: 'etl' } })]), images: ok([community]) } })],
      findings: [
        { status: 'fail', resourceId: arn('i-6'), message: 'Instance i-6 (etl) runs image ami-cm (ubuntu-hardened-free), published by account 555566667777, which is neither this account, Amazon, a verified provider nor a trusted owner.' },
      ],
    },
    {
      name: 'a marketplace image when only Amazon is trusted',
      options: { trustedOwnerAliases: ['amazon'] },
      inventory: [inRegion({ ec2: { instances: ok([instance('i-7', { imageId: 'ami-mk' })]), images: ok([market]) } })],
      findings: [
        { status: 'fail', resourceId: arn('i-7'), message: 'Instance i-7 runs image ami-mk (vendor-waf), published by account 679593333241, which is neither this account, Amazon, a verified provider nor a trusted owner.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'an image that can no longer be described, and a region whose images could not be read',
      regions: ['us-east-1', 'eu-west-1'],
      inventory: [
        inRegion({ ec2: { instances: ok([instance('i-8', { imageId: 'ami-gone', tags: { Name: 'old-jenkins' } })]), images: ok([]) } }),
        inRegion({ ec2: { instances: ok([instance('i-9', { imageId: 'ami-eu' }, 'eu-west-1')]), images: failed('ec2:DescribeImages', 'AccessDenied') } }, 'eu-west-1'),
      ],
      findings: [
        { status: 'unknown', resourceId: arn('i-8'), message: 'Instance i-8 (old-jenkins) runs image ami-gone, which can no longer be described (deregistered, or no longer shared with this account): its publisher cannot be verified.' },
        { status: 'unknown', resourceId: ec2Arn('instance', 'i-9', 'eu-west-1'), message: 'Could not read the image ami-eu of instance i-9: ec2:DescribeImages failed: AccessDenied.' },
      ],
    },
  ],
});
