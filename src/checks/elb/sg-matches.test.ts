import { ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './sg-matches.js';
import { inRegion, sg, tcp } from '../ec2/__tests__/fixtures.js';
import { alb, classicArn, clb, lbArn, listener, redirectToHttps } from './__tests__/fixtures.js';

const web = alb('web', [listener('web', 'HTTPS', 443), listener('web', 'HTTP', 80, redirectToHttps)], { securityGroupIds: ['sg-alb'] });

testCheck(check, {
  pass: [
    {
      name: 'groups that admit only 80 and 443, ICMP for path MTU aside; an NLB without groups is not judged',
      inventory: [
        inRegion({
          elb: { v2: ok([web, alb('nlb', [listener('nlb', 'TCP', 443, {}, 'net')], { type: 'network' })]), classic: ok([clb('legacy', { securityGroupIds: ['sg-clb'], listeners: [{ protocol: 'HTTPS', port: 443 }] })]) },
          ec2: {
            securityGroups: ok([
              sg('sg-alb', { name: 'alb', ingress: [tcp(443, '0.0.0.0/0'), tcp(80, '::/0'), { protocol: 'icmp', fromPort: 3, toPort: 4, source: { kind: 'cidr4', value: '0.0.0.0/0' } }] }),
              sg('sg-clb', { name: 'clb', ingress: [tcp(443, '0.0.0.0/0')] }),
            ]),
          },
        }),
      ],
      findings: [
        { status: 'pass', resourceId: lbArn('app', 'web'), message: 'The security groups of application load balancer web (sg-alb) admit only its listener ports (80, 443).' },
        { status: 'pass', resourceId: classicArn('legacy'), message: 'The security groups of classic load balancer legacy (sg-clb) admit only its listener ports (443).' },
      ],
    },
  ],
  fail: [
    {
      name: 'an extra port from the world, and a range from the VPC',
      inventory: [
        inRegion({
          elb: { v2: ok([web]), classic: ok([]) },
          ec2: { securityGroups: ok([sg('sg-alb', { name: 'alb', ingress: [tcp(443, '0.0.0.0/0'), tcp(8080, '0.0.0.0/0'), tcp(80, '10.0.0.0/16', undefined, 443)] })]) },
        }),
      ],
      findings: [
        { status: 'fail', resourceId: lbArn('app', 'web'), detail: 'sg-alb:tcp:8080-8080<-cidr4:0.0.0.0/0', message: 'Security group sg-alb (alb) of application load balancer web admits 0.0.0.0/0 to TCP port 8080, beyond its listener ports (80, 443).' },
        { status: 'fail', resourceId: lbArn('app', 'web'), detail: 'sg-alb:tcp:80-443<-cidr4:10.0.0.0/16', severity: 'low', message: 'Security group sg-alb (alb) of application load balancer web admits 10.0.0.0/16 to TCP ports 80-443, beyond its listener ports (80, 443).' },
      ],
    },
  ],
  unknown: [
    {
      name: 'a group that is not in the inventory',
      inventory: [inRegion({ elb: { v2: ok([web]), classic: ok([]) }, ec2: { securityGroups: ok([]) } })],
      findings: [{ status: 'unknown', resourceId: lbArn('app', 'web'), detail: 'group:sg-alb', message: 'The application load balancer web uses security group sg-alb, which is not among the security groups read: its rules could not be compared with the listeners.' }],
    },
  ],
});
