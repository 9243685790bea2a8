import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './ami-public.js';
import { image, inRegion } from './__tests__/fixtures.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1::image/${id}`;
const images = (...i: ReturnType<typeof image>[]) => [inRegion({ ec2: { images: ok(i) } })];

testCheck(check, {
  pass: [
    {
      name: 'private images, one shared with a partner; images the account does not own are not judged',
      inventory: images(
        image('ami-web', { name: 'web-2026-10' }),
        image('ami-build', { name: 'build', sharedWith: ok(['111122223333']) }),
        image('ami-al2023', { ownerId: '137112412989', ownerAlias: 'amazon', public: true, ownedByAccount: false }),
      ),
      findings: [
        { status: 'pass', resourceId: arn('ami-web'), message: 'Image ami-web (web-2026-10) is not public.' },
        { status: 'pass', resourceId: arn('ami-build'), message: 'Image ami-build (build) is not public; it is shared with 1 account(s).' },
      ],
    },
    {
      name: 'a public image on the allow-list',
      options: { allowedPublicImageIds: ['ami-oss'] },
      inventory: images(image('ami-oss', { name: 'northwind-oss-agent', public: true })),
      findings: [{ status: 'pass', resourceId: arn('ami-oss'), message: 'Image ami-oss (northwind-oss-agent) is public, as allowed by the check options.' }],
    },
  ],
  fail: [
    {
      // Critical, like a public EBS snapshot (ebs.snapshots) or RDS snapshot (rds.access-restricted): the same disks, to anyone.
      name: 'a public image the account owns',
      inventory: images(image('ami-legacy', { name: 'legacy-app', public: true })),
      findings: [{ status: 'fail', resourceId: arn('ami-legacy'), severity: 'critical', message: 'Image ami-legacy (legacy-app) is public: every AWS account can launch it.' }],
    },
  ],
  unknown: [
    {
      name: 'images could not be read',
      inventory: [inRegion({ ec2: { images: failed('ec2:DescribeImages', 'AccessDenied') } })],
      findings: [{ status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', message: 'Could not read the images: ec2:DescribeImages failed: AccessDenied.' }],
    },
  ],
});
