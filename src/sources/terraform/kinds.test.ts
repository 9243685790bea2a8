import { describe, expect, it } from 'vitest';
import { AUTHENTICATED_USERS_URI } from '../../inventory/index.js';
import { fixture, inventoryOf, list, load, region } from '../iac/testing.js';

const kind = (name: string, region = 'us-east-1') => {
  const l = load([fixture('terraform', 'kinds', name)], { region });
  expect(l.errors).toEqual([]);
  return inventoryOf(l, 'terraform');
};

describe('Terraform resource mapping', () => {
  it('maps a bucket configured inline (provider v3 arguments)', () => {
    const [b] = list(kind('s3-legacy').s3.buckets);
    expect(b).toMatchObject({
      name: 'northwind-legacy',
      location: { file: 'test/fixtures/iac/terraform/kinds/s3-legacy/main.tf', line: 2 },
      versioning: { state: 'ok', value: { status: 'Enabled', mfaDelete: 'Disabled' } },
      encryption: { state: 'ok', value: { rules: [{ algorithm: 'AES256' }] } },
      lifecycle: { state: 'ok', value: [{ id: 'expire', enabled: true, expirationDays: 365 }] },
      logging: { state: 'ok', value: { targetBucket: 'northwind-access-logs' } },
      tags: { state: 'ok', value: { team: 'data' } },
      // A heredoc holding JSON is parsed as the policy.
      policy: { state: 'ok', value: { Statement: [{ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] } },
    });
    expect(b!.acl.state === 'ok' && b!.acl.value.grants.map((g) => g.grantee.uri)).toContain(AUTHENTICATED_USERS_URI);
  });

  it('maps account-wide settings: public access block, EBS encryption by default, password policy, contacts', () => {
    const inv = kind('account');
    expect(inv.s3.accountPublicAccessBlock).toEqual({ state: 'ok', value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } });
    expect(region(inv).ec2.ebsEncryptionByDefault).toEqual({ state: 'ok', value: { enabled: true, kmsKeyId: 'arn:aws:kms:us-east-1:000000000000:key/ebs' } });
    expect(inv.iam.passwordPolicy).toMatchObject({ state: 'ok', value: { minimumPasswordLength: 14, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90, allowUsersToChangePassword: true } });
    expect(inv.account.alternateContacts.security).toEqual({ state: 'ok', value: { name: 'Security team', title: 'CISO', email: 'security@northwind.example', phone: '+1-555-0100' } });
    // Not declared: still "not collected", since it lives outside the template.
    expect(inv.account.alternateContacts.billing.state).toBe('error');
  });

  it('maps IAM principals and joins attachments, memberships and inline policies', () => {
    const inv = kind('iam');
    const [user] = list(inv.iam.users);
    expect(user).toMatchObject({ name: 'deployer', arn: 'arn:aws:iam::000000000000:user/ci/deployer', groups: ['admins'] });
    expect(user!.inlinePolicies).toEqual([{ name: 'push', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:PutImage', Resource: '*' }] } }]);
    expect(list(inv.iam.groups)[0]!.attachedManagedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    const [role] = list(inv.iam.roles);
    expect(role!.assumeRolePolicy).toMatchObject({ Statement: [{ Principal: { Service: 'lambda.amazonaws.com' } }] });
    expect(role!.inlinePolicies.map((p) => p.name)).toEqual(['logs', 'queue']);
    expect(role!.attachedManagedPolicies).toEqual(['arn:aws:iam::000000000000:policy/app/reader']);
    expect(list(inv.iam.policies)[0]).toMatchObject({ name: 'reader', path: '/app/', attachmentCount: 1 });
  });

  it('maps security groups: dynamic blocks, self, separate rules of both kinds, no implicit egress', () => {
    const groups = list(region(kind('security-group')).ec2.securityGroups);
    const web = groups.find((g) => g.name === 'web')!;
    expect(web.description).toBe('Managed by Terraform');
    expect(web.vpcId).toBe('aws_vpc.main');
    expect(web.ingress).toEqual([
      { protocol: 'tcp', fromPort: 80, toPort: 80, source: { kind: 'cidr4', value: '0.0.0.0/0' }, description: 'http' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, source: { kind: 'cidr4', value: '0.0.0.0/0' }, description: 'https' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr4', value: '203.0.113.0/24' }, description: 'office SSH' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr4', value: '198.51.100.0/24' }, description: 'office SSH' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'group', value: 'aws_security_group.web' }, description: 'office SSH' },
    ]);
    expect(web.egress).toEqual([]);
    const db = groups.find((g) => g.name === 'db')!;
    expect(db.ingress).toEqual([
      { protocol: 'tcp', fromPort: 5432, toPort: 5432, source: { kind: 'group', value: 'aws_security_group.web' } },
      { protocol: '-1', source: { kind: 'cidr6', value: '::/0' } },
    ]);
    expect(db.egress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, source: { kind: 'cidr4', value: '0.0.0.0/0' } }]);
    // aws_default_security_group adopts the VPC's default group and strips it of rules not declared.
    expect(groups.find((g) => g.name === 'default')).toMatchObject({ ingress: [], egress: [], description: 'default VPC security group' });
  });

  it('maps instances with their block devices and attached volumes; a data source AMI is deploy-time', () => {
    const l = load([fixture('terraform', 'kinds', 'instance-volume')]);
    const r = region(inventoryOf(l));
    expect(list(r.ec2.instances)[0]).toMatchObject({ id: 'aws_instance.app', imageId: 'deploy-time image', metadataHttpTokens: 'required', securityGroupIds: ['aws_security_group.app'] });
    expect(list(r.ec2.volumes).map((v) => [v.id, v.encrypted, v.attachedInstanceIds])).toEqual([
      ['aws_instance.app/root', true, ['aws_instance.app']],
      ['aws_instance.app//dev/sdg', false, ['aws_instance.app']],
      ['aws_ebs_volume.data', false, ['aws_instance.app']],
    ]);
    expect(l.sources[0]!.scenarios[0]!.deferred).toEqual([
      expect.objectContaining({ resourceId: 'arn:aws:ec2:us-east-1:000000000000:instance/aws_instance.app', field: 'ami', reason: expect.stringContaining('data.aws_ami.al2023') }),
    ]);
  });

  it('maps VPCs (the default one too), flow logs, network ACLs with rules, VPN connections', () => {
    const r = region(kind('network'));
    expect(list(r.ec2.vpcs).map((v) => [v.id, v.cidr, v.isDefault])).toEqual([
      ['aws_vpc.main', '10.1.0.0/16', false],
      ['aws_default_vpc.default', undefined, true],
    ]);
    expect(list(r.ec2.flowLogs)[0]).toMatchObject({ resourceId: 'aws_vpc.main', trafficType: 'ALL', destinationType: 's3' });
    const [acl] = list(r.ec2.networkAcls);
    expect(acl!.subnetIds).toEqual(['aws_subnet.a']);
    expect(acl!.entries).toEqual([
      { ruleNumber: 100, protocol: 'tcp', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
      { ruleNumber: 200, protocol: '-1', action: 'deny', egress: true, cidr: '0.0.0.0/0' },
    ]);
    expect(list(r.ec2.vpnConnections)[0]).toMatchObject({ transitGatewayId: 'tgw-0123456789abcdef0' });
  });

  it("maps RDS: the provider's defaults (private, unencrypted), and cluster members joined", () => {
    const r = region(kind('rds'));
    expect(list(r.rds.instances).map((d) => [d.id, d.publiclyAccessible, d.storageEncrypted, d.clusterId ?? null])).toEqual([
      ['orders', false, false, null],
      ['reporting', true, true, null],
      ['analytics-0', false, true, 'analytics'],
      ['analytics-1', false, true, 'analytics'],
    ]);
    expect(list(r.rds.instances)[0]).toMatchObject({ securityGroupIds: ['aws_security_group.db'], endpoint: { port: 5432 } });
    expect(list(r.rds.clusters)[0]).toMatchObject({ id: 'analytics', engine: 'aurora-postgresql', memberIds: ['analytics-0', 'analytics-1'] });
  });

  it('maps trails: selectors, logging on or off', () => {
    const [main, paused] = list(region(kind('cloudtrail')).cloudtrail.trails);
    expect(main).toMatchObject({
      isMultiRegion: true,
      logFileValidationEnabled: true,
      snsTopicArn: 'arn:aws:sns:us-east-1:000000000000:trail',
      status: { state: 'ok', value: { isLogging: true } },
      eventSelectors: { state: 'ok', value: { classic: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }] } },
    });
    expect(paused).toMatchObject({ isMultiRegion: false, status: { state: 'ok', value: { isLogging: false } } });
  });

  it('maps alarms with their dimensions and actions', () => {
    expect(list(region(kind('cloudwatch')).cloudwatch.alarms)[0]).toMatchObject({
      name: 'bill-over-100',
      namespace: 'AWS/Billing',
      dimensions: [{ name: 'Currency', value: 'USD' }],
      alarmActions: ['arn:aws:sns:us-east-1:000000000000:billing'],
    });
  });

  it('maps zones, private ones included, and their records (names made absolute, TXT quoted)', () => {
    const [pub, internal] = list(kind('route53').route53.hostedZones);
    expect(pub).toMatchObject({ name: 'northwind.example.', private: false });
    expect(internal).toMatchObject({ private: true });
    expect(list(pub!.records).map((r) => [r.name, r.type, r.values])).toEqual([
      ['northwind.example.', 'TXT', ['"v=spf1 include:_spf.example.net ~all"']],
      ['www.northwind.example.', 'CNAME', ['northwind.example']],
    ]);
  });

  it('maps classic load balancers with their TLS policies, and ALBs with listeners and attributes', () => {
    const r = region(kind('elb'));
    const [clb] = list(r.elb.classic);
    expect(clb!.listeners).toEqual([expect.objectContaining({ protocol: 'HTTPS', port: 443, policyNames: ['tls'] })]);
    expect(list(clb!.policies)).toEqual([{ name: 'tls', type: 'SSLNegotiationPolicyType', attributes: { 'Reference-Security-Policy': 'ELBSecurityPolicy-2016-08' } }]);
    expect(clb!.accessLog).toEqual({ state: 'ok', value: { enabled: true, bucket: 'northwind-lb-logs' } });
    const [alb] = list(r.elb.v2);
    expect(alb).toMatchObject({ scheme: 'internet-facing', attributes: { state: 'ok', value: { 'routing.http.drop_invalid_header_fields.enabled': 'true', 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': 'northwind-lb-logs' } } });
    expect(list(alb!.listeners).map((l) => [l.port, l.protocol, l.sslPolicy ?? null, l.defaultActions[0]!.type])).toEqual([
      [80, 'HTTP', null, 'redirect'],
      [443, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'forward'],
    ]);
  });

  it('maps distributions with S3 origins through an origin access identity', () => {
    const [d] = list(kind('cloudfront').cloudfront.distributions);
    expect(d).toMatchObject({
      aliases: ['www.northwind.example'],
      viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' },
      defaultCacheBehavior: { viewerProtocolPolicy: 'allow-all' },
      origins: [{ id: 'assets', domainName: 'northwind-assets.s3.us-east-1.amazonaws.com', hasS3OriginConfig: true, s3OriginAccessIdentity: 'origin-access-identity/cloudfront/aws_cloudfront_origin_access_identity.assets' }],
    });
  });

  it('maps regional web ACLs, joined with their association and logging', () => {
    const [acl] = list(region(kind('waf')).wafv2.webAcls);
    expect(acl).toMatchObject({
      defaultAction: 'allow',
      rules: [{ name: 'common', priority: 0, kind: 'managed_rule_group_statement' }],
      associatedResources: { state: 'ok', value: ['arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/api/aws_lb.api'] },
      logging: { state: 'ok', value: { destinations: ['arn:aws:firehose:us-east-1:000000000000:deliverystream/aws-waf-logs-api'] } },
    });
  });

  it('maps detectors, firewalls, topics with their policy and subscriptions, keys with aliases', () => {
    const r = region(kind('services'));
    expect(list(r.guardduty.detectors)).toEqual([{ id: 'aws_guardduty_detector.main', status: 'ENABLED' }]);
    expect(list(r.networkFirewall.firewalls)[0]).toMatchObject({ name: 'egress', vpcId: 'vpc-0123', subnetIds: ['subnet-a'] });
    const [topic] = list(r.sns.topics);
    expect(topic).toMatchObject({ arn: 'arn:aws:sns:us-east-1:000000000000:alerts', kmsMasterKeyId: 'alias/alerts', policy: { state: 'ok', value: { Statement: [{ Principal: '*', Resource: 'arn:aws:sns:us-east-1:000000000000:alerts' }] } } });
    expect(list(topic!.subscriptions).map((s) => [s.protocol, s.pending])).toEqual([['email', true], ['sqs', false]]);
    expect(list(r.kms.keys)[0]).toMatchObject({ id: 'aws_kms_key.alerts', aliases: ['alias/alerts'], rotationEnabled: { state: 'ok', value: false } });
  });

  it('reads .tf.json: templates in strings, nested blocks as objects, the provider region', () => {
    const inv = kind('json');
    expect(Object.keys(inv.regions)).toEqual(['eu-west-1']);
    expect(list(inv.s3.buckets)[0]).toMatchObject({ name: 'northwind-reports-prod', region: 'eu-west-1', versioning: { state: 'ok', value: { status: 'Enabled' } }, location: { line: 10 } });
    expect(list(region(inv, 'eu-west-1').ec2.securityGroups)[0]!.ingress).toEqual([
      { protocol: 'tcp', fromPort: 8080, toPort: 8080, source: { kind: 'cidr4', value: '10.0.0.0/8' }, description: 'internal' },
    ]);
  });
});
