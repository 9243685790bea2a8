import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './isolation.js';
import { ec2Arn, eni, inRegion, instance, vpc } from '../ec2/__tests__/fixtures.js';
import { db } from '../rds/__tests__/fixtures.js';

const arn = (id: string) => ec2Arn('vpc', id);
const noLbs = { elb: { v2: ok([]), classic: ok([]) } };

testCheck(check, {
  pass: [
    {
      name: 'an empty default VPC, and a VPC hosting one workload (tagged on the VPC and its resources)',
      inventory: [
        inRegion({
          ec2: {
            vpcs: ok([vpc('vpc-def', { isDefault: true }), vpc('vpc-app', { tags: { workload: 'storefront' } })]),
            instances: ok([instance('i-1', { vpcId: 'vpc-app', tags: { workload: 'storefront' } }), instance('i-old', { vpcId: 'vpc-def', state: 'terminated' })]),
            networkInterfaces: ok([eni('eni-1', [], { vpcId: 'vpc-app' })]),
          },
          rds: { instances: ok([db('orders', { vpcId: 'vpc-app', tags: { workload: 'storefront' } })]) },
          ...noLbs,
        }),
      ],
      findings: [
        { status: 'pass', resourceId: arn('vpc-def'), detail: 'default-vpc', message: 'Default VPC vpc-def holds no instances, network interfaces, databases or load balancers.' },
        { status: 'pass', resourceId: arn('vpc-app'), detail: 'workloads', message: 'VPC vpc-app hosts one workload (workload = storefront).' },
      ],
    },
  ],
  fail: [
    {
      name: 'a default VPC in use, and two workloads sharing a VPC (configured tag key)',
      options: { workloadTagKey: 'app' },
      inventory: [
        inRegion({
          ec2: {
            vpcs: ok([vpc('vpc-def', { isDefault: true, tags: { Name: 'default' } }), vpc('vpc-shared')]),
            instances: ok([instance('i-j', { vpcId: 'vpc-def' }), instance('i-a', { vpcId: 'vpc-shared', tags: { app: 'web' } }), instance('i-b', { vpcId: 'vpc-shared', tags: { app: 'etl' } })]),
            networkInterfaces: ok([eni('eni-j', [], { vpcId: 'vpc-def' }), eni('eni-r', [], { vpcId: 'vpc-def' })]),
          },
          rds: { instances: ok([db('legacy', { vpcId: 'vpc-def' })]) },
          ...noLbs,
        }),
      ],
      findings: [
        { status: 'fail', resourceId: arn('vpc-def'), detail: 'default-vpc', message: 'Default VPC vpc-def (default) holds 1 instance(s), 2 network interface(s), 1 DB instance(s).' },
        { status: 'fail', resourceId: arn('vpc-shared'), detail: 'workloads', severity: 'low', message: 'VPC vpc-shared hosts 2 workloads (app: etl, web).' },
      ],
    },
  ],
  unknown: [
    {
      // One tag value seen is not one workload when a list that could show another was not read.
      name: 'one workload seen, but the databases of the region could not be read',
      inventory: [
        inRegion({
          ec2: { vpcs: ok([vpc('vpc-app', { tags: { workload: 'storefront' } })]), instances: ok([instance('i-1', { vpcId: 'vpc-app', tags: { workload: 'storefront' } })]), networkInterfaces: ok([]) },
          rds: { instances: failed('rds:DescribeDBInstances', 'AccessDenied') },
          ...noLbs,
        }),
      ],
      findings: [
        { status: 'unknown', resourceId: arn('vpc-app'), detail: 'workloads', message: 'Could not read the other resources of VPC vpc-app, which may belong to another workload: rds:DescribeDBInstances failed: AccessDenied.' },
      ],
    },
    {
      name: 'what the default VPC holds could not be read',
      inventory: [inRegion({ ec2: { vpcs: ok([vpc('vpc-def', { isDefault: true })]), instances: ok([]), networkInterfaces: failed('ec2:DescribeNetworkInterfaces', 'AccessDenied') }, rds: { instances: ok([]) }, ...noLbs })],
      findings: [{ status: 'unknown', resourceId: arn('vpc-def'), detail: 'default-vpc', message: 'Could not read what the default VPC vpc-def holds: ec2:DescribeNetworkInterfaces failed: AccessDenied.' }],
    },
  ],
});
