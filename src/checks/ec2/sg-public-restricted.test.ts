import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './sg-public-restricted.js';
import { allTraffic, ec2Arn, fromGroup, inRegion, sg, tcp, udp } from './__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('security-group', id);
const groups = (...g: ReturnType<typeof sg>[]) => [inRegion({ ec2: { securityGroups: ok(g) } })];

testCheck(check, {
  pass: [
    {
      name: 'web ports open to the world, SSH only from an office block',
      inventory: groups(sg('sg-web', { name: 'web', ingress: [tcp(443, '0.0.0.0/0'), tcp(80, '::/0'), tcp(22, '203.0.113.0/24')] })),
      findings: [{ status: 'pass', resourceId: arn('sg-web'), message: 'Security group sg-web (web) admits the whole internet only to public ports (TCP port 443, TCP port 80).' }],
    },
    {
      name: 'nothing from the internet, and ICMP from anywhere is not a finding',
      inventory: groups(sg('sg-app', { name: 'app', ingress: [fromGroup(8080, 'sg-web'), { protocol: 'icmp', fromPort: 8, toPort: -1, source: { kind: 'cidr4', value: '0.0.0.0/0' } }] })),
      findings: [{ status: 'pass', resourceId: arn('sg-app'), message: 'Security group sg-app (app) admits nothing from 0.0.0.0/0 or ::/0.' }],
    },
    {
      name: 'a configured public port (SMTP) is accepted',
      options: { publicPorts: [25, 443] },
      inventory: groups(sg('sg-mail', { name: 'mail', ingress: [tcp(25, '0.0.0.0/0')] })),
      findings: [{ status: 'pass', resourceId: arn('sg-mail'), message: 'Security group sg-mail (mail) admits the whole internet only to public ports (TCP port 25).' }],
    },
    {
      name: 'a declared public port keeps only the controls it does not break (SMTP 25 is high risk for EC2.19)',
      options: { publicPorts: [25, 443] },
      inventory: groups(sg('sg-mail2', { name: 'mail', ingress: [tcp(25, '0.0.0.0/0'), tcp(443, '::/0')] })),
      findings: [
        {
          status: 'pass',
          resourceId: arn('sg-mail2'),
          message: 'Security group sg-mail2 (mail) admits the whole internet only to public ports (TCP port 25, TCP port 443).',
          compliance: { cis: ['5.2', '5.3'], fsbp: ['EC2.18'] },
        },
      ],
    },
    {
      name: 'a group closed to the world is evidence for all four controls',
      inventory: groups(sg('sg-closed', { name: 'closed', ingress: [tcp(22, '203.0.113.0/24')] })),
      findings: [{ status: 'pass', resourceId: arn('sg-closed'), message: 'Security group sg-closed (closed) admits nothing from 0.0.0.0/0 or ::/0.', compliance: { cis: ['5.2', '5.3'], fsbp: ['EC2.18', 'EC2.19'] } }],
    },
  ],
  fail: [
    {
      name: 'each rule fails only its own controls: 8080 is no CIS 5.2/5.3 matter, SSH over IPv6 is 5.3 not 5.2',
      inventory: groups(sg('sg-mix', { name: 'mix', ingress: [tcp(8080, '0.0.0.0/0'), tcp(9000, '0.0.0.0/0'), tcp(22, '::/0')] })),
      findings: [
        { status: 'fail', resourceId: arn('sg-mix'), severity: 'medium', detail: 'tcp:8080-8080<-cidr4:0.0.0.0/0', message: 'Security group sg-mix (mix) admits 0.0.0.0/0 to TCP port 8080, beyond the public ports (80, 443).', compliance: { fsbp: ['EC2.18', 'EC2.19'] } },
        { status: 'fail', resourceId: arn('sg-mix'), severity: 'medium', detail: 'tcp:9000-9000<-cidr4:0.0.0.0/0', message: 'Security group sg-mix (mix) admits 0.0.0.0/0 to TCP port 9000, beyond the public ports (80, 443).', compliance: { fsbp: ['EC2.18'] } },
        { status: 'fail', resourceId: arn('sg-mix'), severity: 'critical', detail: 'tcp:22-22<-cidr6:::/0', message: 'Security group sg-mix (mix) admits ::/0 to TCP port 22, which includes remote administration port 22 (SSH).', compliance: { cis: ['5.3'], fsbp: ['EC2.18', 'EC2.19'] } },
      ],
    },
    {
      name: 'SSH from the world is critical',
      inventory: groups(sg('sg-bastion', { name: 'launch-wizard-1', ingress: [tcp(22, '0.0.0.0/0')] })),
      findings: [
        { status: 'fail', resourceId: arn('sg-bastion'), severity: 'critical', detail: 'tcp:22-22<-cidr4:0.0.0.0/0', message: 'Security group sg-bastion (launch-wizard-1) admits 0.0.0.0/0 to TCP port 22, which includes remote administration port 22 (SSH).' },
      ],
    },
    {
      name: 'RDP over IPv6 is critical too',
      inventory: groups(sg('sg-win', { name: 'win', ingress: [tcp(3389, '::/0')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-win'), severity: 'critical', detail: 'tcp:3389-3389<-cidr6:::/0', message: 'Security group sg-win (win) admits ::/0 to TCP port 3389, which includes remote administration port 3389 (RDP).' }],
    },
    {
      name: 'a database port is high, another port medium, each rule its own finding',
      inventory: groups(sg('sg-db', { name: 'db', ingress: [tcp(5432, '0.0.0.0/0'), tcp(8080, '0.0.0.0/0'), tcp(443, '0.0.0.0/0')] })),
      findings: [
        { status: 'fail', resourceId: arn('sg-db'), severity: 'high', detail: 'tcp:5432-5432<-cidr4:0.0.0.0/0', message: 'Security group sg-db (db) admits 0.0.0.0/0 to TCP port 5432, which includes database port 5432 (PostgreSQL).' },
        { status: 'fail', resourceId: arn('sg-db'), severity: 'medium', detail: 'tcp:8080-8080<-cidr4:0.0.0.0/0', message: 'Security group sg-db (db) admits 0.0.0.0/0 to TCP port 8080, beyond the public ports (80, 443).' },
      ],
    },
    {
      name: 'a range that includes an admin port is judged by its worst port',
      inventory: groups(sg('sg-range', { name: 'range', ingress: [tcp(0, '0.0.0.0/0', 'everything', 65535)] })),
      findings: [{ status: 'fail', resourceId: arn('sg-range'), severity: 'critical', detail: 'tcp:0-65535<-cidr4:0.0.0.0/0', message: 'Security group sg-range (range) admits 0.0.0.0/0 to all TCP ports, which includes remote administration port 22 (SSH).' }],
    },
    {
      name: 'all traffic from the world',
      inventory: groups(sg('sg-open', { name: 'open', ingress: [allTraffic('0.0.0.0/0')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-open'), severity: 'critical', detail: 'all<-cidr4:0.0.0.0/0', message: 'Security group sg-open (open) admits 0.0.0.0/0 to all traffic, which includes remote administration port 22 (SSH).' }],
    },
    {
      name: 'a range covering only 80-443 still opens the ports between them',
      inventory: groups(sg('sg-mid', { name: 'mid', ingress: [tcp(80, '0.0.0.0/0', undefined, 443)] })),
      findings: [{ status: 'fail', resourceId: arn('sg-mid'), severity: 'medium', detail: 'tcp:80-443<-cidr4:0.0.0.0/0', message: 'Security group sg-mid (mid) admits 0.0.0.0/0 to TCP ports 80-443, beyond the public ports (80, 443).' }],
    },
    {
      name: 'UDP to a database port (memcached) from the world',
      inventory: groups(sg('sg-cache', { name: 'cache', ingress: [udp(11211, '0.0.0.0/0')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-cache'), severity: 'high', detail: 'udp:11211-11211<-cidr4:0.0.0.0/0', message: 'Security group sg-cache (cache) admits 0.0.0.0/0 to UDP port 11211, which includes database port 11211 (Memcached).' }],
    },
    {
      name: 'with no public ports configured, 443 from the world fails',
      options: { publicPorts: [] },
      inventory: groups(sg('sg-web', { name: 'web', ingress: [tcp(443, '0.0.0.0/0')] })),
      findings: [{ status: 'fail', resourceId: arn('sg-web'), severity: 'medium', detail: 'tcp:443-443<-cidr4:0.0.0.0/0', message: 'Security group sg-web (web) admits 0.0.0.0/0 to TCP port 443, beyond the public ports (none).' }],
    },
  ],
  unknown: [
    {
      name: 'security groups could not be read',
      inventory: [inRegion({ ec2: { securityGroups: failed('ec2:DescribeSecurityGroups', 'AccessDenied') } })],
      findings: [{ status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', message: 'Could not read the security groups: ec2:DescribeSecurityGroups failed: AccessDenied.' }],
    },
  ],
});
