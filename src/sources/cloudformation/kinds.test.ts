import { describe, expect, it } from 'vitest';
import { ALL_USERS_URI } from '../../inventory/index.js';
import { fixture, inventoryOf, list, load, region } from '../iac/testing.js';

const kind = (name: string) => {
  const l = load([fixture('cloudformation', 'kinds', name)]);
  expect(l.errors).toEqual([]);
  return inventoryOf(l, 'cloudformation');
};
const at = (name: string, line: number) => ({ file: `test/fixtures/iac/cloudformation/kinds/${name}`, line });

describe('CloudFormation resource mapping', () => {
  it('maps buckets with every part, and joins the bucket policy', () => {
    const inv = kind('s3.yaml');
    const [www, logs] = list(inv.s3.buckets);
    expect(www).toMatchObject({
      name: 'northwind-www',
      arn: 'arn:aws:s3:::northwind-www',
      location: at('s3.yaml', 4),
      ownershipControls: { state: 'ok', value: 'ObjectWriter' },
      // A configuration block turns off the settings it leaves out.
      publicAccessBlock: { state: 'ok', value: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } },
      versioning: { state: 'ok', value: { status: 'Suspended', mfaDelete: 'Disabled' } },
      encryption: { state: 'ok', value: { rules: [{ algorithm: 'aws:kms', kmsKeyId: 'alias/northwind', bucketKeyEnabled: true }] } },
      lifecycle: { state: 'ok', value: [{ id: 'archive', enabled: true, transitions: [{ storageClass: 'GLACIER', days: 30 }] }] },
      logging: { state: 'ok', value: { targetBucket: 'logbucket', targetPrefix: 'www/' } },
      tags: { state: 'ok', value: { 'data-classification': 'public' } },
    });
    expect(www!.acl.state === 'ok' && www!.acl.value.grants.map((g) => [g.grantee.uri, g.permission])).toContainEqual([ALL_USERS_URI, 'READ']);
    expect(www!.policy).toEqual({
      state: 'ok',
      value: {
        Version: '2012-10-17', // YAML 1.2: a date-looking value stays a string
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::northwind-www/*' }],
      },
    });
    expect(www!.policyStatus.state).toBe('unknown');
    // Nothing set: S3's defaults since 2023 (all four blocks, ACLs disabled, SSE-S3), no policy.
    expect(logs).toMatchObject({
      name: 'logbucket',
      policy: { state: 'absent' },
      policyStatus: { state: 'absent' },
      publicAccessBlock: { state: 'ok', value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } },
      ownershipControls: { state: 'ok', value: 'BucketOwnerEnforced' },
      encryption: { state: 'ok', value: { rules: [{ algorithm: 'AES256' }] } },
      versioning: { state: 'ok', value: { status: 'Disabled' } },
      logging: { state: 'absent' },
    });
  });

  it('maps users, groups, roles and policies, with attachments and inline policies joined', () => {
    const inv = kind('iam.yaml');
    const [user] = list(inv.iam.users);
    expect(user).toMatchObject({ name: 'deployer', path: '/ci/', arn: 'arn:aws:iam::000000000000:user/ci/deployer', groups: ['admins'] });
    expect(user!.attachedManagedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(list(inv.iam.groups)[0]).toMatchObject({ name: 'admins', attachedManagedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const role = list(inv.iam.roles)[0]!;
    expect(role.arn).toBe('arn:aws:iam::000000000000:role/app');
    expect(role.assumeRolePolicy).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(role.attachedManagedPolicies).toEqual(['arn:aws:iam::000000000000:policy/bucket-writer']);
    expect(role.inlinePolicies.map((p) => p.name)).toEqual(['read-config', 'extra']);
    expect(role.inlinePolicies[0]!.document).toMatchObject({ Statement: [{ Resource: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/*' }] });
    expect(list(inv.iam.policies)[0]).toMatchObject({ name: 'bucket-writer', awsManaged: false, attachmentCount: 1 });
  });

  it('maps security groups, joins separate rule resources, and keeps the default egress rule', () => {
    const r = region(kind('security-group.yaml'));
    const [web, admin] = list(r.ec2.securityGroups);
    expect(web).toMatchObject({ id: 'WebSg', vpcId: 'Vpc', description: 'web tier', location: at('security-group.yaml', 8) });
    expect(web!.ingress).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, source: { kind: 'cidr4', value: '0.0.0.0/0' }, description: 'HTTPS' },
      { protocol: '-1', source: { kind: 'group', value: 'AdminSg' } },
    ]);
    // No SecurityGroupEgress: AWS's allow-all rule stays, and the separate DnsOut rule joins it.
    expect(web!.egress).toEqual([
      { protocol: '-1', source: { kind: 'cidr4', value: '0.0.0.0/0' } },
      { protocol: 'udp', fromPort: 53, toPort: 53, source: { kind: 'cidr4', value: '10.0.0.2/32' } },
    ]);
    expect(admin!.ingress).toEqual([{ protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr6', value: '::/0' } }]);
    expect(admin!.egress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, source: { kind: 'cidr4', value: '0.0.0.0/0' } }]);
  });

  it('maps instances, their block devices and attached volumes; an SSM image id is deploy-time', () => {
    const l = load([fixture('cloudformation', 'kinds', 'instance-volume.yaml')]);
    const r = region(inventoryOf(l));
    expect(list(r.ec2.instances)[0]).toMatchObject({ id: 'App', imageId: 'deploy-time image', securityGroupIds: ['AppSg'], iamInstanceProfileArn: 'arn:aws:iam::000000000000:instance-profile/app-profile' });
    expect(list(r.ec2.volumes).map((v) => [v.id, v.encrypted, v.attachedInstanceIds, v.state])).toEqual([
      ['App//dev/xvda', true, ['App'], 'in-use'],
      ['Data', false, ['App'], 'in-use'],
    ]);
    expect(l.sources[0]!.scenarios[0]!.deferred).toContainEqual(
      expect.objectContaining({ field: 'ImageId', reason: expect.stringContaining('SSM Parameter Store') }),
    );
    // The instance uses its group: an implied network interface says so.
    expect(list(r.ec2.networkInterfaces)).toContainEqual(expect.objectContaining({ securityGroupIds: ['AppSg'], attachedInstanceId: 'App' }));
  });

  it('maps VPCs, flow logs, network ACLs with entries and subnets, and VPN connections', () => {
    const r = region(kind('network.yaml'));
    expect(list(r.ec2.vpcs)).toEqual([expect.objectContaining({ id: 'Vpc', cidr: '10.1.0.0/16', isDefault: false })]);
    expect(list(r.ec2.flowLogs)).toEqual([expect.objectContaining({ resourceId: 'Vpc', trafficType: 'REJECT', destinationType: 's3' })]);
    const [acl] = list(r.ec2.networkAcls);
    expect(acl).toMatchObject({ id: 'Acl', vpcId: 'Vpc', subnetIds: ['Subnet'] });
    expect(acl!.entries).toEqual([
      { ruleNumber: 100, protocol: 'tcp', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
      { ruleNumber: 200, protocol: '-1', action: 'deny', egress: true, cidr: '0.0.0.0/0' },
    ]);
    expect(list(r.ec2.vpnConnections)[0]).toMatchObject({ id: 'Vpn', vpnGatewayId: 'vgw-0123456789abcdef0', tunnels: [] });
  });

  it("maps RDS instances and clusters: RDS decides an unset PubliclyAccessible, members take the cluster's encryption", () => {
    const l = load([fixture('cloudformation', 'kinds', 'rds.yaml')]);
    const r = region(inventoryOf(l));
    const dbs = list(r.rds.instances);
    expect(dbs.map((d) => [d.id, d.publiclyAccessible, d.storageEncrypted, d.clusterId])).toEqual([
      ['orders', false, false, undefined],
      ['legacy', false, false, undefined],
      ['analyticsone', false, true, 'analytics'],
    ]);
    expect(dbs[0]!.securityGroupIds).toEqual(['DbSg']);
    expect(list(r.rds.clusters)[0]).toMatchObject({ id: 'analytics', storageEncrypted: true, memberIds: ['analyticsone'] });
    const deferred = l.sources[0]!.scenarios[0]!.deferred;
    expect(deferred.map((d) => [d.resourceId, d.field])).toEqual([['arn:aws:rds:us-east-1:000000000000:db:legacy', 'PubliclyAccessible']]);
  });

  it('maps trails with their defaults and selectors', () => {
    const [org, local] = list(region(kind('cloudtrail.yaml')).cloudtrail.trails);
    expect(org).toMatchObject({
      name: 'org-trail',
      isMultiRegion: true,
      logFileValidationEnabled: true,
      snsTopicArn: 'arn:aws:sns:us-east-1:000000000000:trail-alerts',
      status: { state: 'ok', value: { isLogging: true } },
      eventSelectors: { state: 'ok', value: { classic: [], advanced: [{ name: 'management', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }] } },
    });
    expect(local).toMatchObject({
      name: 'LocalTrail',
      isMultiRegion: false,
      includeGlobalServiceEvents: true,
      logFileValidationEnabled: false,
      status: { state: 'ok', value: { isLogging: false } },
      eventSelectors: { state: 'ok', value: { classic: [{ readWriteType: 'All', includeManagementEvents: true }] } },
    });
  });

  it('maps alarms, metric-math alarms included', () => {
    const [billing, conns] = list(region(kind('cloudwatch.yaml')).cloudwatch.alarms);
    expect(billing).toMatchObject({ name: 'bill-over-100', namespace: 'AWS/Billing', metricName: 'EstimatedCharges', threshold: 100, actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:000000000000:billing'] });
    expect(conns).toMatchObject({ actionsEnabled: false, metrics: [{ namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders' }] }] });
  });

  it('maps hosted zones with their record sets and record set groups', () => {
    const [zone] = list(kind('route53.yaml').route53.hostedZones);
    expect(zone).toMatchObject({ id: 'Zone', name: 'northwind.example.', private: false });
    expect(list(zone!.records).map((r) => [r.name, r.type, r.values])).toEqual([
      ['northwind.example.', 'MX', ['10 mail.northwind.example.']],
      ['northwind.example.', 'TXT', ['"v=spf1 include:_spf.example.net -all"']],
      ['www.northwind.example.', 'A', []],
    ]);
  });

  it('maps classic and v2 load balancers with listeners, policies and attributes', () => {
    const r = region(kind('elb.yaml'));
    const [clb] = list(r.elb.classic);
    expect(clb).toMatchObject({ name: 'legacy', scheme: 'internet-facing', securityGroupIds: ['LbSg'], accessLog: { state: 'ok', value: { enabled: true, bucket: 'northwind-lb-logs' } } });
    expect(clb!.listeners.map((l) => [l.protocol, l.port, l.policyNames])).toEqual([['HTTP', 80, []], ['HTTPS', 443, ['tls-policy']]]);
    expect(list(clb!.policies)).toEqual([{ name: 'tls-policy', type: 'SSLNegotiationPolicyType', attributes: { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01' } }]);
    const [alb] = list(r.elb.v2);
    expect(alb).toMatchObject({ name: 'api', type: 'application', arn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/api/Alb', attributes: { state: 'ok', value: { 'routing.http.drop_invalid_header_fields.enabled': 'true' } } });
    expect(list(alb!.listeners).map((l) => [l.port, l.protocol, l.sslPolicy, l.defaultActions[0]])).toEqual([
      [80, 'HTTP', undefined, { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
      // No SslPolicy: ELB applies ELBSecurityPolicy-2016-08 to listeners created outside the console.
      [443, 'HTTPS', 'ELBSecurityPolicy-2016-08', { type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/Targets' }],
    ]);
  });

  it('maps distributions with origins, behaviours, certificate and web ACL', () => {
    const inv = kind('cloudfront.yaml');
    const [d] = list(inv.cloudfront.distributions);
    expect(d).toMatchObject({
      aliases: ['www.northwind.example'],
      enabled: true,
      webAclId: 'arn:aws:wafv2:us-east-1:000000000000:global/webacl/edge/EdgeAcl',
      viewerCertificate: { cloudFrontDefaultCertificate: false, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      defaultCacheBehavior: { viewerProtocolPolicy: 'redirect-to-https' },
      cacheBehaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'allow-all' }],
      logging: { enabled: true, bucket: 'northwind-cdn-logs.s3.amazonaws.com' },
    });
    expect(d!.origins).toEqual([
      { id: 'assets', domainName: 'assets.s3.us-east-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: '', originAccessControlId: 'Oac' },
      { id: 'api', domainName: 'api.northwind.example', hasS3OriginConfig: false, custom: { originProtocolPolicy: 'http-only', originSslProtocols: [] } },
    ]);
    expect(list(inv.wafGlobal.webAcls)[0]).toMatchObject({ name: 'edge', scope: 'CLOUDFRONT', rules: [{ name: 'common', priority: 0, kind: 'ManagedRuleGroupStatement' }] });
  });

  it('maps regional web ACLs with their associations and logging', () => {
    const r = region(kind('waf.yaml'));
    expect(list(r.wafv2.webAcls)[0]).toMatchObject({
      name: 'api',
      defaultAction: 'block',
      rules: [{ name: 'rate', kind: 'RateBasedStatement' }],
      associatedResources: { state: 'ok', value: ['arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/api/Alb'] },
      logging: { state: 'ok', value: { destinations: ['arn:aws:firehose:us-east-1:000000000000:deliverystream/aws-waf-logs-api'] } },
    });
  });

  it('maps detectors, firewalls, topics with policies and subscriptions, and keys with aliases', () => {
    const r = region(kind('services.yaml'));
    expect(list(r.guardduty.detectors)).toEqual([{ id: 'Detector', status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' }]);
    expect(list(r.networkFirewall.firewalls)[0]).toMatchObject({ name: 'egress', vpcId: 'vpc-0123', subnetIds: ['subnet-a'] });
    const [topic] = list(r.sns.topics);
    expect(topic).toMatchObject({ arn: 'arn:aws:sns:us-east-1:000000000000:alerts', kmsMasterKeyId: 'Key', policy: { state: 'ok', value: { Statement: [{ Action: 'sns:Publish' }] } } });
    expect(list(topic!.subscriptions).map((s) => [s.protocol, s.pending])).toEqual([['email', true], ['sqs', false]]);
    const [key, signing] = list(r.kms.keys);
    expect(key).toMatchObject({ id: 'Key', manager: 'CUSTOMER', state: 'Enabled', aliases: ['alias/alerts'], rotationEnabled: { state: 'ok', value: true } });
    // Asymmetric keys cannot rotate: no rotation attribute to judge.
    expect(signing!.rotationEnabled).toBeUndefined();
  });
});
