import { ok, type InventoryPart } from '../../inventory/index.js';
import { DEMO_ACCOUNT } from '../ids.js';

/**
 * Northwind's compute and network: a production VPC in us-east-1 (web tier behind an ALB, an Aurora
 * cluster, a bastion, an analytics corner that grew on its own), a forgotten Jenkins in the default
 * VPC, a legacy classic load balancer, and a smaller EU deployment in eu-west-1. Some of it is done
 * right and some of it is not, so that every EC2, VPC, RDS, ELB and Inspector check has something to
 * pass and something to fail. (EBS volumes and snapshots live in storage-edge.ts.)
 */

const US = 'us-east-1';
const EU = 'eu-west-1';

const ec2 = (region: string, kind: string, id: string) => `arn:aws:ec2:${region}:${DEMO_ACCOUNT}:${kind}/${id}`;
const rds = (region: string, kind: string, id: string) => `arn:aws:rds:${region}:${DEMO_ACCOUNT}:${kind}:${id}`;
const elb = (region: string, resource: string) => `arn:aws:elasticloadbalancing:${region}:${DEMO_ACCOUNT}:${resource}`;

// VPCs
const PROD = 'vpc-0a3f5c9e1b7d24601';
const US_DEFAULT = 'vpc-0c41d7e9a25b38f02';
const EU_VPC = 'vpc-06b2e8d4f1a97c503';
const EU_DEFAULT = 'vpc-0e7a19c3b5d42f604';

// Security groups
const SG = {
  prodDefault: 'sg-0a1d3f5b7c9e2a401',
  alb: 'sg-0b2e4a6c8d0f1b402',
  web: 'sg-0c3f5b7d9e1a2c403',
  bastion: 'sg-0d4a6c8e0f2b3d404',
  db: 'sg-0e5b7d9f1a3c4e405',
  analyticsDb: 'sg-0f6c8e0a2b4d5f406',
  etl: 'sg-01a7d9f1b3c5e6a07',
  cache: 'sg-02b8e0a2c4d6f7b08',
  ftp: 'sg-03c9f1b3d5e7a8c09',
  legacyElb: 'sg-04d0a2c4e6f8b9d10',
  usDefault: 'sg-05e1b3d5f7a9c0e11',
  jenkins: 'sg-06f2c4e6a8b0d1f12',
  euDefault: 'sg-07a3d5f7b9c1e2a13',
  apiEu: 'sg-08b4e6a8c0d2f3b14',
  dbEu: 'sg-09c5f7b9d1e3a4c15',
  euDefaultVpcDefault: 'sg-0ad6a8c0e2f4b5d16',
} as const;

// Images
const AMI = {
  web: 'ami-0f3c9a7e5d1b2c4e6',
  legacyPublic: 'ami-0c7e5a3b1d9f2e4a8',
  al2023: 'ami-0e2b4d6f8a1c3e5a7',
  community: 'ami-09e8d7c6b5a4f3e21',
  gone: 'ami-0123dead5beef4567',
  apiEu: 'ami-0a1b2c3d4e5f60718',
} as const;

type Rule = { protocol: string; fromPort?: number; toPort?: number; source: { kind: 'cidr4' | 'cidr6' | 'prefixList'; value: string } | { kind: 'group'; value: string }; description?: string };
const tcp = (port: number, cidr: string, description?: string, to = port): Rule => ({
  protocol: 'tcp',
  fromPort: port,
  toPort: to,
  source: cidr.includes(':') ? { kind: 'cidr6', value: cidr } : { kind: 'cidr4', value: cidr },
  ...(description ? { description } : {}),
});
const fromSg = (port: number, group: string, description?: string): Rule => ({ protocol: 'tcp', fromPort: port, toPort: port, source: { kind: 'group', value: group }, ...(description ? { description } : {}) });
const allFrom = (source: Rule['source'], description?: string): Rule => ({ protocol: '-1', source, ...(description ? { description } : {}) });
const allOut: Rule[] = [allFrom({ kind: 'cidr4', value: '0.0.0.0/0' })];

function sg(region: string, id: string, name: string, description: string, vpcId: string, ingress: Rule[], egress: Rule[] = allOut) {
  return { id, arn: ec2(region, 'security-group', id), name, description, vpcId, ownerId: DEMO_ACCOUNT, ingress, egress };
}
const defaultSg = (region: string, id: string, vpcId: string) => sg(region, id, 'default', 'default VPC security group', vpcId, [allFrom({ kind: 'group', value: id })]);

function instance(region: string, id: string, name: string, o: { image: string; vpc: string; subnet: string; groups: string[]; eni: string; workload?: string; publicIp?: string; launched: string; type?: string }) {
  return {
    id,
    arn: ec2(region, 'instance', id),
    imageId: o.image,
    state: 'running',
    instanceType: o.type ?? 't3.medium',
    vpcId: o.vpc,
    subnetId: o.subnet,
    securityGroupIds: o.groups,
    networkInterfaceIds: [o.eni],
    ...(o.publicIp ? { publicIp: o.publicIp } : {}),
    launchTime: o.launched,
    metadataHttpTokens: 'required' as const,
    tags: { Name: name, ...(o.workload ? { workload: o.workload } : {}) },
  };
}

const eni = (id: string, vpcId: string, groups: string[], o: { instance?: string; description?: string; type?: string; managed?: boolean; publicIp?: string } = {}) => ({
  id,
  vpcId,
  securityGroupIds: groups,
  interfaceType: o.type ?? 'interface',
  status: 'in-use',
  ...(o.instance ? { attachedInstanceId: o.instance } : {}),
  ...(o.description ? { description: o.description } : {}),
  ...(o.managed ? { requesterManaged: true } : {}),
  ...(o.publicIp ? { publicIp: o.publicIp } : {}),
});

const image = (region: string, id: string, name: string, o: { owner?: string; alias?: string; public?: boolean; owned?: boolean; sharedWith?: string[]; created: string }) => ({
  id,
  arn: `arn:aws:ec2:${region}::image/${id}`,
  name,
  ownerId: o.owner ?? DEMO_ACCOUNT,
  ...(o.alias ? { ownerAlias: o.alias } : {}),
  public: o.public ?? false,
  ...(o.owned !== false ? { sharedWith: ok(o.sharedWith ?? []) } : {}),
  state: 'available',
  creationDate: o.created,
  ownedByAccount: o.owned ?? true,
});

const tunnel = (outsideIp: string, status: 'UP' | 'DOWN', lastStatusChange: string, statusMessage?: string) => ({ outsideIp, status, lastStatusChange, ...(statusMessage ? { statusMessage } : {}) });

const peering = {
  id: 'pcx-0c1d2e3f4a5b6c701',
  status: 'active',
  requester: { vpcId: PROD, ownerId: DEMO_ACCOUNT, region: US, cidr: '10.20.0.0/16' },
  accepter: { vpcId: EU_VPC, ownerId: DEMO_ACCOUNT, region: EU, cidr: '10.40.0.0/16' },
  tags: { Name: 'prod-to-eu' },
};

const albArn = elb(US, 'loadbalancer/app/northwind-web/3c1f8e2a9b7d4e05');
const nlbArn = elb(EU, 'loadbalancer/net/northwind-mqtt-eu/7a2d9c4e1b6f3a08');

const usEast1 = {
  ec2: {
    vpcs: ok([
      { id: PROD, arn: ec2(US, 'vpc', PROD), cidr: '10.20.0.0/16', isDefault: false, state: 'available', tags: { Name: 'northwind-prod', workload: 'northwind-app' } },
      { id: US_DEFAULT, arn: ec2(US, 'vpc', US_DEFAULT), cidr: '172.31.0.0/16', isDefault: true, state: 'available' },
    ]),
    flowLogs: ok([
      {
        id: 'fl-0b8e2d6a4c1f93701',
        resourceId: PROD,
        status: 'ACTIVE',
        trafficType: 'ALL',
        destinationType: 'cloud-watch-logs',
        destination: `arn:aws:logs:${US}:${DEMO_ACCOUNT}:log-group:/vpc/northwind-prod`,
        deliverLogsStatus: 'SUCCESS',
      },
    ]),
    securityGroups: ok([
      defaultSg(US, SG.prodDefault, PROD),
      sg(US, SG.alb, 'northwind-alb', 'Public ALB: HTTP redirect and HTTPS from the internet', PROD, [
        tcp(443, '0.0.0.0/0', 'HTTPS'),
        tcp(443, '::/0', 'HTTPS (IPv6)'),
        tcp(80, '0.0.0.0/0', 'HTTP, redirected to HTTPS'),
        tcp(8080, '0.0.0.0/0'),
      ]),
      sg(US, SG.web, 'northwind-web', 'Web tier: HTTPS from the ALB, SSH from the bastion', PROD, [fromSg(443, SG.alb, 'HTTPS from the ALB'), fromSg(22, SG.bastion, 'SSH from the bastion')], [
        ...allOut,
        fromSg(6379, SG.cache, 'Session cache'),
      ]),
      sg(US, SG.bastion, 'launch-wizard-1', 'launch-wizard-1 created 2023-04-11T09:12:44.000Z', PROD, [tcp(22, '0.0.0.0/0')]),
      sg(US, SG.db, 'northwind-db', 'PostgreSQL for the app: web tier only', PROD, [fromSg(5432, SG.web, 'App servers')]),
      sg(US, SG.analyticsDb, 'analytics-db', 'Analytics MySQL, opened for the BI vendor', PROD, [tcp(3306, '0.0.0.0/0', 'BI vendor (temporary)')]),
      sg(US, SG.etl, 'analytics-etl', 'analytics-etl', PROD, [allFrom({ kind: 'cidr4', value: '10.20.0.0/16' })]),
      sg(US, SG.cache, 'northwind-cache', 'Redis for sessions (cluster retired in 2025)', PROD, [fromSg(6379, SG.web, 'Web tier')]),
      sg(US, SG.ftp, 'old-ftp', 'Legacy partner FTP drop, retired 2024', PROD, [tcp(21, '198.51.100.0/24', 'Partner FTP'), tcp(1024, '198.51.100.0/24', 'Partner FTP passive', 1048)]),
      sg(US, SG.legacyElb, 'northwind-legacy-elb', 'Classic ELB for the v1 API: HTTP and HTTPS', PROD, [tcp(80, '0.0.0.0/0', 'v1 API (HTTP)'), tcp(443, '0.0.0.0/0', 'v1 API (HTTPS)')]),
      defaultSg(US, SG.usDefault, US_DEFAULT),
      sg(US, SG.jenkins, 'jenkins', 'Jenkins CI server', US_DEFAULT, [tcp(8080, '0.0.0.0/0', 'Jenkins UI and GitHub webhooks'), tcp(22, '203.0.113.0/24', 'Boston office')]),
    ]),
    instances: ok([
      instance(US, 'i-0d1e5a7c3b9f24e11', 'web-1', { image: AMI.web, vpc: PROD, subnet: 'subnet-0a11b22c33d44e501', groups: [SG.web], eni: 'eni-0a1b2c3d4e5f60101', workload: 'northwind-app', launched: '2026-10-29T08:14:00.000Z' }),
      instance(US, 'i-0a7b3c9d5e1f64e12', 'web-2', { image: AMI.web, vpc: PROD, subnet: 'subnet-0b22c33d44e55f602', groups: [SG.web], eni: 'eni-0a1b2c3d4e5f60102', workload: 'northwind-app', launched: '2026-10-29T08:16:00.000Z' }),
      instance(US, 'i-04c8e2a6b0d97f313', 'etl-worker', { image: AMI.community, vpc: PROD, subnet: 'subnet-0a11b22c33d44e501', groups: [SG.etl], eni: 'eni-0a1b2c3d4e5f60103', workload: 'analytics-etl', launched: '2025-03-02T15:40:00.000Z', type: 'r6i.large' }),
      instance(US, 'i-0b5f1d9e3a7c26414', 'bastion', { image: AMI.al2023, vpc: PROD, subnet: 'subnet-0c33d44e55f66a703', groups: [SG.bastion], eni: 'eni-0a1b2c3d4e5f60104', workload: 'northwind-app', publicIp: '203.0.113.24', launched: '2026-06-12T10:05:00.000Z', type: 't3.micro' }),
      instance(US, 'i-07e3a1c5f9b2d8415', 'old-jenkins', { image: AMI.gone, vpc: US_DEFAULT, subnet: 'subnet-0d44e55f66a77b804', groups: [SG.jenkins], eni: 'eni-0a1b2c3d4e5f60105', publicIp: '198.51.100.77', launched: '2021-09-20T11:30:00.000Z' }),
    ]),
    images: ok([
      image(US, AMI.web, 'northwind-web-2026-10-28', { sharedWith: ['444455556666'], created: '2026-10-28T22:10:00.000Z' }),
      image(US, AMI.legacyPublic, 'northwind-legacy-app-2022-05', { public: true, created: '2022-05-17T13:00:00.000Z' }),
      image(US, AMI.al2023, 'al2023-ami-2023.6.20260601.0-kernel-6.1-x86_64', { owner: '137112412989', alias: 'amazon', public: true, owned: false, created: '2026-06-01T04:12:00.000Z' }),
      image(US, AMI.community, 'ubuntu-22.04-cis-hardened-free', { owner: '555566667777', public: true, owned: false, created: '2024-11-03T09:00:00.000Z' }),
    ]),
    networkInterfaces: ok([
      eni('eni-0a1b2c3d4e5f60101', PROD, [SG.web], { instance: 'i-0d1e5a7c3b9f24e11' }),
      eni('eni-0a1b2c3d4e5f60102', PROD, [SG.web], { instance: 'i-0a7b3c9d5e1f64e12' }),
      eni('eni-0a1b2c3d4e5f60103', PROD, [SG.etl], { instance: 'i-04c8e2a6b0d97f313' }),
      eni('eni-0a1b2c3d4e5f60104', PROD, [SG.bastion], { instance: 'i-0b5f1d9e3a7c26414', publicIp: '203.0.113.24' }),
      eni('eni-0a1b2c3d4e5f60105', US_DEFAULT, [SG.jenkins], { instance: 'i-07e3a1c5f9b2d8415', publicIp: '198.51.100.77' }),
      eni('eni-0a1b2c3d4e5f60106', PROD, [SG.alb], { description: 'ELB app/northwind-web/3c1f8e2a9b7d4e05', managed: true }),
      eni('eni-0a1b2c3d4e5f60107', PROD, [SG.alb], { description: 'ELB app/northwind-web/3c1f8e2a9b7d4e05', managed: true }),
      eni('eni-0a1b2c3d4e5f60108', PROD, [SG.legacyElb], { description: 'ELB northwind-legacy-api', managed: true }),
      eni('eni-0a1b2c3d4e5f60109', PROD, [SG.db], { description: 'RDSNetworkInterface', managed: true }),
      eni('eni-0a1b2c3d4e5f60110', PROD, [SG.analyticsDb], { description: 'RDSNetworkInterface', managed: true, publicIp: '198.51.100.140' }),
      eni('eni-0a1b2c3d4e5f60111', PROD, [], { description: 'Network Firewall endpoint', type: 'gateway_load_balancer_endpoint', managed: true }),
    ]),
    vpnConnections: ok([
      {
        id: 'vpn-0a9b8c7d6e5f40301',
        arn: ec2(US, 'vpn-connection', 'vpn-0a9b8c7d6e5f40301'),
        state: 'available',
        type: 'ipsec.1',
        customerGatewayId: 'cgw-0b1c2d3e4f5a60301',
        vpnGatewayId: 'vgw-0f1e2d3c4b5a69801',
        tunnels: [tunnel('3.215.40.11', 'UP', '2026-11-18T02:11:00.000Z'), tunnel('52.4.120.78', 'UP', '2026-11-18T02:12:00.000Z')],
        tags: { Name: 'office-boston' },
      },
    ]),
    peeringConnections: ok([peering]),
  },
  rds: {
    clusters: ok([
      {
        id: 'northwind-prod',
        arn: rds(US, 'cluster', 'northwind-prod'),
        engine: 'aurora-postgresql',
        status: 'available',
        storageEncrypted: true,
        kmsKeyId: `arn:aws:kms:${US}:${DEMO_ACCOUNT}:key/6f1c2a9e-4b7d-4e21-9c3a-2d8b5e7f1a04`,
        securityGroupIds: [SG.db],
        memberIds: ['northwind-prod-1'],
        port: 5432,
        tags: { workload: 'northwind-app' },
      },
    ]),
    instances: ok([
      {
        id: 'northwind-prod-1',
        arn: rds(US, 'db', 'northwind-prod-1'),
        engine: 'aurora-postgresql',
        engineVersion: '16.4',
        instanceClass: 'db.r6g.large',
        status: 'available',
        publiclyAccessible: false,
        storageEncrypted: true,
        vpcId: PROD,
        securityGroupIds: [SG.db],
        endpoint: { address: 'northwind-prod-1.c9akciq32.us-east-1.rds.amazonaws.com', port: 5432 },
        clusterId: 'northwind-prod',
        tags: { workload: 'northwind-app' },
      },
      {
        id: 'analytics-mysql',
        arn: rds(US, 'db', 'analytics-mysql'),
        engine: 'mysql',
        engineVersion: '8.0.39',
        instanceClass: 'db.t3.medium',
        status: 'available',
        publiclyAccessible: true,
        storageEncrypted: false,
        vpcId: PROD,
        securityGroupIds: [SG.analyticsDb],
        endpoint: { address: 'analytics-mysql.c9akciq32.us-east-1.rds.amazonaws.com', port: 3306 },
        tags: { workload: 'analytics-etl' },
      },
    ]),
    snapshots: ok([
      {
        id: 'northwind-prod-2026-11-01',
        arn: rds(US, 'cluster-snapshot', 'northwind-prod-2026-11-01'),
        kind: 'cluster' as const,
        sourceId: 'northwind-prod',
        encrypted: true,
        snapshotType: 'manual',
        createTime: '2026-11-01T03:00:00.000Z',
        restoreAccounts: ok([]),
      },
      {
        id: 'analytics-mysql-export-2026-09',
        arn: rds(US, 'snapshot', 'analytics-mysql-export-2026-09'),
        kind: 'instance' as const,
        sourceId: 'analytics-mysql',
        encrypted: false,
        snapshotType: 'manual',
        createTime: '2026-09-14T17:25:00.000Z',
        restoreAccounts: ok(['all']),
      },
    ]),
  },
  elb: {
    v2: ok([
      {
        arn: albArn,
        name: 'northwind-web',
        type: 'application' as const,
        scheme: 'internet-facing',
        dnsName: 'northwind-web-1183746522.us-east-1.elb.amazonaws.com',
        vpcId: PROD,
        securityGroupIds: [SG.alb],
        listeners: ok([
          {
            arn: elb(US, 'listener/app/northwind-web/3c1f8e2a9b7d4e05/9e4b2c7a1d5f8e03'),
            port: 443,
            protocol: 'HTTPS',
            sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
            certificateArns: [`arn:aws:acm:${US}:${DEMO_ACCOUNT}:certificate/2b7e4c1a-9d3f-4a6b-8e2c-5f1d7a3b9c60`],
            defaultActions: [{ type: 'forward', targetGroupArn: elb(US, 'targetgroup/northwind-web/8d3a6f1c2e9b4d07') }],
          },
          {
            arn: elb(US, 'listener/app/northwind-web/3c1f8e2a9b7d4e05/5a8c1e4b7d2f9a06'),
            port: 80,
            protocol: 'HTTP',
            defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
            rules: ok([]),
          },
        ]),
        attributes: ok({ 'routing.http.drop_invalid_header_fields.enabled': 'true', 'access_logs.s3.enabled': 'false', 'deletion_protection.enabled': 'true' }),
        tags: { workload: 'northwind-app' },
      },
    ]),
    classic: ok([
      {
        name: 'northwind-legacy-api',
        arn: elb(US, 'loadbalancer/northwind-legacy-api'),
        scheme: 'internet-facing',
        dnsName: 'northwind-legacy-api-504919274.us-east-1.elb.amazonaws.com',
        vpcId: PROD,
        securityGroupIds: [SG.legacyElb],
        listeners: [
          { protocol: 'HTTP', port: 80, instanceProtocol: 'HTTP', instancePort: 8080, policyNames: [] },
          {
            protocol: 'HTTPS',
            port: 443,
            instanceProtocol: 'HTTP',
            instancePort: 8080,
            sslCertificateId: `arn:aws:acm:${US}:${DEMO_ACCOUNT}:certificate/8c2d5e1f-3a7b-4c9d-a1e6-0f4b8d2c7e51`,
            policyNames: ['AWSConsole-SSLNegotiationPolicy-northwind-legacy-api-1589457303054'],
          },
        ],
        policies: ok([
          {
            name: 'AWSConsole-SSLNegotiationPolicy-northwind-legacy-api-1589457303054',
            type: 'SSLNegotiationPolicyType',
            attributes: { 'Reference-Security-Policy': 'ELBSecurityPolicy-2016-08', 'Protocol-SSLv3': 'false', 'Protocol-TLSv1': 'true', 'Protocol-TLSv1.1': 'true', 'Protocol-TLSv1.2': 'true', 'Server-Defined-Cipher-Order': 'true' },
          },
        ]),
        accessLog: ok({ enabled: false }),
        tags: { workload: 'northwind-app' },
      },
    ]),
  },
  networkFirewall: {
    firewalls: ok([
      {
        arn: `arn:aws:network-firewall:${US}:${DEMO_ACCOUNT}:firewall/northwind-egress-fw`,
        name: 'northwind-egress-fw',
        vpcId: PROD,
        subnetIds: ['subnet-0e55f66a77b88c905', 'subnet-0f66a77b88c99d006'],
        policyArn: `arn:aws:network-firewall:${US}:${DEMO_ACCOUNT}:firewall-policy/northwind-egress`,
      },
    ]),
  },
  guardduty: { detectors: ok([{ id: '8ac4d2e6f1b3a5c7d9e0f2a4b6c8d0e2', status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' }]) },
  inspector: {
    status: ok({ state: 'ENABLED', ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'DISABLED' }),
    activeFindings: ok({ critical: 1, high: 4 }),
  },
};

const euWest1 = {
  ec2: {
    vpcs: ok([
      { id: EU_VPC, arn: ec2(EU, 'vpc', EU_VPC), cidr: '10.40.0.0/16', isDefault: false, state: 'available', tags: { Name: 'northwind-eu', workload: 'northwind-app' } },
      { id: EU_DEFAULT, arn: ec2(EU, 'vpc', EU_DEFAULT), cidr: '172.31.0.0/16', isDefault: true, state: 'available' },
    ]),
    flowLogs: ok([]),
    securityGroups: ok([
      defaultSg(EU, SG.euDefault, EU_VPC),
      sg(EU, SG.apiEu, 'northwind-api-eu', 'EU API servers: MQTT over TLS from the NLB', EU_VPC, [tcp(8883, '10.40.0.0/16', 'NLB traffic and health checks')]),
      sg(EU, SG.dbEu, 'northwind-db-eu', 'PostgreSQL for the EU API', EU_VPC, [fromSg(5432, SG.apiEu, 'EU API servers')]),
      defaultSg(EU, SG.euDefaultVpcDefault, EU_DEFAULT),
    ]),
    instances: ok([
      instance(EU, 'i-02f6b8d0a4c1e9e21', 'api-eu-1', { image: AMI.apiEu, vpc: EU_VPC, subnet: 'subnet-01a2b3c4d5e6f7a21', groups: [SG.apiEu], eni: 'eni-0b1c2d3e4f5a60201', workload: 'northwind-app', launched: '2026-10-30T07:45:00.000Z' }),
    ]),
    images: ok([image(EU, AMI.apiEu, 'northwind-api-2026-10-28', { created: '2026-10-28T23:05:00.000Z' })]),
    networkInterfaces: ok([
      eni('eni-0b1c2d3e4f5a60201', EU_VPC, [SG.apiEu], { instance: 'i-02f6b8d0a4c1e9e21' }),
      eni('eni-0b1c2d3e4f5a60202', EU_VPC, [SG.dbEu], { description: 'RDSNetworkInterface', managed: true }),
      eni('eni-0b1c2d3e4f5a60203', EU_VPC, [], { description: 'ELB net/northwind-mqtt-eu/7a2d9c4e1b6f3a08', type: 'network_load_balancer', managed: true }),
    ]),
    vpnConnections: ok([
      {
        id: 'vpn-0b8c7d6e5f4a30302',
        arn: ec2(EU, 'vpn-connection', 'vpn-0b8c7d6e5f4a30302'),
        state: 'available',
        type: 'ipsec.1',
        customerGatewayId: 'cgw-0c2d3e4f5a6b70302',
        vpnGatewayId: 'vgw-0e2d3c4b5a6f79802',
        tunnels: [tunnel('34.250.17.9', 'UP', '2026-11-19T21:40:00.000Z'), tunnel('54.72.201.33', 'DOWN', '2026-11-02T06:03:00.000Z', 'IPSEC IS DOWN')],
        tags: { Name: 'office-dublin' },
      },
    ]),
    peeringConnections: ok([peering]),
  },
  rds: {
    clusters: ok([]),
    instances: ok([
      {
        id: 'northwind-eu',
        arn: rds(EU, 'db', 'northwind-eu'),
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.t4g.large',
        status: 'available',
        publiclyAccessible: false,
        storageEncrypted: true,
        vpcId: EU_VPC,
        securityGroupIds: [SG.dbEu],
        endpoint: { address: 'northwind-eu.cx7hd1w3.eu-west-1.rds.amazonaws.com', port: 5432 },
        tags: { workload: 'northwind-app' },
      },
    ]),
    snapshots: ok([]),
  },
  elb: {
    v2: ok([
      {
        arn: nlbArn,
        name: 'northwind-mqtt-eu',
        type: 'network' as const,
        scheme: 'internet-facing',
        dnsName: 'northwind-mqtt-eu-7a2d9c4e1b6f3a08.elb.eu-west-1.amazonaws.com',
        vpcId: EU_VPC,
        securityGroupIds: [],
        listeners: ok([
          {
            arn: elb(EU, 'listener/net/northwind-mqtt-eu/7a2d9c4e1b6f3a08/1c6e9b3d7a2f5e04'),
            port: 8883,
            protocol: 'TLS',
            sslPolicy: 'ELBSecurityPolicy-2016-08',
            certificateArns: [`arn:aws:acm:${EU}:${DEMO_ACCOUNT}:certificate/4d9a2f6c-1e8b-4b3d-9f7a-6c2e0b5d8a13`],
            defaultActions: [{ type: 'forward', targetGroupArn: elb(EU, 'targetgroup/northwind-mqtt/2f5b8e1d4a7c3b09') }],
          },
        ]),
        attributes: ok({ 'deletion_protection.enabled': 'true', 'load_balancing.cross_zone.enabled': 'true' }),
        tags: { workload: 'northwind-app' },
      },
    ]),
    classic: ok([]),
  },
  networkFirewall: { firewalls: ok([]) },
  guardduty: { detectors: ok([]) },
  inspector: { status: ok({ state: 'DISABLED', ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED' }) },
};

export const computeParts: InventoryPart[] = [{ regions: { [US]: usEast1, [EU]: euWest1 } }];
