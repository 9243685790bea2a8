import { ok, deployTime } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './sg-minimal-ports.js';
import { allTraffic, ec2Arn, fromGroup, inRegion, sg, tcp, udp } from './__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('security-group', id);
const groups = (...g: ReturnType<typeof sg>[]) => [inRegion({ ec2: { securityGroups: ok(g) } })];

testCheck(check, {
  pass: [
    {
      name: 'single ports and a small range',
      inventory: groups(sg('sg-web', { name: 'web', ingress: [tcp(443, '0.0.0.0/0'), fromGroup(8000, 'sg-alb', undefined, 8010)] })),
      findings: [{ status: 'pass', resourceId: arn('sg-web'), message: 'Security group sg-web (web) opens no all-traffic, all-port or wide-range ingress rule (2 ingress rule(s)).' }],
    },
    {
      name: 'the default group admitting all traffic from itself is left alone',
      inventory: groups(sg('sg-def', { name: 'default', description: 'default VPC security group', ingress: [allTraffic('sg-def')] })),
      findings: [{ status: 'pass', resourceId: arn('sg-def'), message: 'Security group sg-def (default) opens no all-traffic, all-port or wide-range ingress rule (1 ingress rule(s)).' }],
    },
    {
      name: 'a 100-port range passes when the configured width allows it',
      options: { maxRangeWidth: 100 },
      inventory: groups(sg('sg-rtp', { name: 'rtp', ingress: [udp(10000, '10.0.0.0/8', 'RTP', 10099)] })),
      findings: [{ status: 'pass', resourceId: arn('sg-rtp'), message: 'Security group sg-rtp (rtp) opens no all-traffic, all-port or wide-range ingress rule (1 ingress rule(s)).' }],
    },
  ],
  fail: [
    {
      name: 'all traffic from a VPC block is high',
      inventory: groups(sg('sg-etl', { name: 'etl', ingress: [allTraffic('10.20.0.0/16')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-etl'), severity: 'high', detail: 'all<-cidr4:10.20.0.0/16', message: 'Security group sg-etl (etl) admits all traffic (every protocol and port) from 10.20.0.0/16.' }],
    },
    {
      name: 'all TCP ports (0-65535 or absent ports) is medium',
      inventory: groups(sg('sg-a', { name: 'a', ingress: [tcp(0, '10.0.0.0/8', undefined, 65535), { protocol: '17', source: { kind: 'group', value: 'sg-b' } }] })),
      findings: [
        { status: 'fail', resourceId: arn('sg-a'), severity: 'medium', detail: 'tcp:0-65535<-cidr4:10.0.0.0/8', message: 'Security group sg-a (a) admits all TCP ports from 10.0.0.0/8.' },
        { status: 'fail', resourceId: arn('sg-a'), severity: 'medium', detail: 'udp:0-65535<-group:sg-b', message: 'Security group sg-a (a) admits all UDP ports from security group sg-b.' },
      ],
    },
    {
      name: 'a passive FTP range wider than 20 ports is low',
      inventory: groups(sg('sg-ftp', { name: 'ftp', ingress: [tcp(21, '203.0.113.0/24'), tcp(1024, '203.0.113.0/24', 'passive', 1048)] })),
      findings: [{ status: 'fail', resourceId: arn('sg-ftp'), severity: 'low', detail: 'tcp:1024-1048<-cidr4:203.0.113.0/24', message: 'Security group sg-ftp (ftp) admits TCP ports 1024-1048 from 203.0.113.0/24: 25 ports, more than 20.' }],
    },
    {
      name: 'self-references are judged when the option says so',
      options: { ignoreSelfReferences: false },
      inventory: groups(sg('sg-c', { name: 'cluster', ingress: [allTraffic('sg-c')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-c'), severity: 'high', detail: 'all<-group:sg-c', message: 'Security group sg-c (cluster) admits all traffic (every protocol and port) from security group sg-c.' }],
    },
  ],
  unknown: [
    {
      name: 'security groups known only at deploy time',
      source: 'terraform',
      inventory: [inRegion({ ec2: { securityGroups: deployTime('module output not resolved', { file: 'main.tf', line: 12 }) } })],
      findings: [{ status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', message: 'Could not read the security groups: known only at deploy time: module output not resolved (main.tf:12).' }],
    },
  ],
});
