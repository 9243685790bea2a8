import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './sg-unused.js';
import { ec2Arn, eni, fromGroup, inRegion, sg } from './__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('security-group', id);

testCheck(check, {
  pass: [
    {
      name: 'groups held by instance and load balancer interfaces; the unused default group is left out',
      inventory: [
        inRegion({
          ec2: {
            securityGroups: ok([sg('sg-web', { name: 'web' }), sg('sg-alb', { name: 'alb' }), sg('sg-def', { name: 'default' })]),
            networkInterfaces: ok([eni('eni-1', ['sg-web']), eni('eni-2', ['sg-web']), eni('eni-3', ['sg-alb'], { interfaceType: 'interface', requesterManaged: true, status: 'in-use' })]),
          },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: arn('sg-web'), message: 'Security group sg-web (web) is used by 2 network interface(s).' },
        { status: 'pass', resourceId: arn('sg-alb'), message: 'Security group sg-alb (alb) is used by 1 network interface(s).' },
      ],
    },
  ],
  fail: [
    {
      name: 'an unused group, and an unused group that another group still references',
      inventory: [
        inRegion({
          ec2: {
            securityGroups: ok([sg('sg-web', { name: 'web', egress: [fromGroup(6379, 'sg-cache')] }), sg('sg-cache', { name: 'cache' }), sg('sg-ftp', { name: 'old-ftp' })]),
            networkInterfaces: ok([eni('eni-1', ['sg-web'])]),
          },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: arn('sg-web'), message: 'Security group sg-web (web) is used by 1 network interface(s).' },
        { status: 'fail', resourceId: arn('sg-cache'), message: 'Security group sg-cache (cache) is attached to no network interface; the rules of sg-web still reference it, so remove those references before deleting it.' },
        { status: 'fail', resourceId: arn('sg-ftp'), message: 'Security group sg-ftp (old-ftp) is attached to no network interface.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'network interfaces could not be read: no group is called unused',
      inventory: [inRegion({ ec2: { securityGroups: ok([sg('sg-web', { name: 'web' })]), networkInterfaces: failed('ec2:DescribeNetworkInterfaces', 'RequestLimitExceeded') } })],
      findings: [
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', message: 'Could not read the network interfaces that use the security groups: ec2:DescribeNetworkInterfaces failed: RequestLimitExceeded.' },
      ],
    },
  ],
});
