/**
 * A whole live collection and scan against moto, a real AWS emulator (see scripts/start-moto.sh).
 * Skips itself unless RAMPART_MOTO_ENDPOINT (or AWS_ENDPOINT_URL) names a running emulator.
 * Resets the emulator first: never point it at anything but a throwaway emulator.
 */
import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, PutBucketPolicyCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { runChecks } from '../../src/engine/run.js';
import { InventorySchema, type Inventory } from '../../src/inventory/index.js';
import { collectLive, type ProgressEvent } from '../../src/sources/aws/index.js';

const endpoint = process.env.RAMPART_MOTO_ENDPOINT || process.env.AWS_ENDPOINT_URL;
if (!endpoint) {
  console.warn('test/integration/moto.test.ts skipped: set RAMPART_MOTO_ENDPOINT to a moto server (scripts/start-moto.sh MOTO_SOURCE)');
}

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1'];
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const saved: Record<string, string | undefined> = {};
const ENV = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

const cfg = (region = 'us-east-1') => ({ region });

async function seed(): Promise<void> {
  const reset = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  expect(reset.ok).toBe(true);
  const iam = new IAMClient(cfg());
  await iam.send(new CreateUserCommand({ UserName: 'ana' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'ana', PolicyName: 'inline-admin', PolicyDocument: JSON.stringify(ADMIN) }));
  const custom = await iam.send(new CreatePolicyCommand({ PolicyName: 'custom-read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ana', PolicyArn: custom.Policy!.Arn! }));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'app',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true }));
  await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'spare' }));

  await new AccountClient(cfg()).send(
    new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'Sec', Title: 'CISO', EmailAddress: 'sec@example.com', PhoneNumber: '+1-555-0100' }),
  );

  const s3 = new S3Client({ ...cfg(), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'public-site' }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'public-site',
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' }] }),
    }),
  );
  const s3eu = new S3Client({ ...cfg('eu-west-1'), forcePathStyle: true });
  await s3eu.send(new CreateBucketCommand({ Bucket: 'logs-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  await s3eu.send(new PutBucketVersioningCommand({ Bucket: 'logs-eu', VersioningConfiguration: { Status: 'Enabled' } }));
  await s3eu.send(new PutBucketTaggingCommand({ Bucket: 'logs-eu', Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } }));

  const ec2 = new EC2Client(cfg());
  const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-open', Description: 'ssh from anywhere' }));
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
  );
  const vol = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8 }));
  const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId, Description: 'rampart-public' }));
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap.SnapshotId, Attribute: 'createVolumePermission', OperationType: 'add', GroupNames: ['all'] }));

  await s3.send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
  const ct = new CloudTrailClient(cfg());
  await ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true }));
  await ct.send(new StartLoggingCommand({ Name: 'main' }));

  await new KMSClient(cfg('eu-west-1')).send(new CreateKeyCommand({ Description: 'app key' }));
  const sns = new SNSClient(cfg());
  const topic = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
  await sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'email', Endpoint: 'oncall@example.com' }));

  const r53 = new Route53Client(cfg());
  const zone = await r53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'rampart' }));
  await r53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zone.HostedZone!.Id,
      ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: { Name: 'example.com.', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"v=spf1 -all"' }] } }] },
    }),
  );
}

describe.skipIf(!endpoint)('live collection against moto', () => {
  let inv: Inventory;
  const events: ProgressEvent[] = [];

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    await seed();
    inv = await collectLive({
      regions: REGIONS,
      onProgress: (e) => events.push(e),
      // moto answers fast: our ceilings, sized for AWS, would only slow this down.
      limits: { ec2: { perInterval: 2000, concurrency: 20 } },
      tuning: { reportPollMs: 200 },
    });
  }, 240_000);

  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('produces a valid inventory of the emulated account, with its calls counted', () => {
    expect(InventorySchema.safeParse(inv).success).toBe(true);
    expect(inv.meta).toMatchObject({ accountId: ACCOUNT, origin: 'live', regions: REGIONS });
    expect(inv.meta.calls.find((c) => c.call === 's3:ListAllMyBuckets')?.count).toBe(1);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('reads IAM in bulk: users with decoded inline policies, attached customer policies, password policy, MFA devices', () => {
    const users = inv.iam.users.state === 'ok' ? inv.iam.users.value : [];
    const ana = users.find((u) => u.name === 'ana');
    expect(ana?.inlinePolicies).toEqual([{ name: 'inline-admin', document: ADMIN }]);
    expect(ana?.attachedManagedPolicies).toEqual([`arn:aws:iam::${ACCOUNT}:policy/custom-read`]);
    const policies = inv.iam.policies.state === 'ok' ? inv.iam.policies.value : [];
    expect(policies.find((p) => p.name === 'custom-read')).toMatchObject({ awsManaged: false, document: { Statement: [{ Action: 's3:Get*' }] } });
    // Unattached AWS managed policies (moto loads about 1,400) are not kept.
    expect(policies.filter((p) => p.awsManaged).every((p) => (p.attachmentCount ?? 0) > 0)).toBe(true);
    expect(inv.iam.passwordPolicy).toMatchObject({ state: 'ok', value: { minimumPasswordLength: 14, requireSymbols: true } });
    expect(inv.iam.mfaDevices).toMatchObject({ state: 'ok', value: [{ serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare`, kind: 'virtual' }] });
    const rows = inv.iam.credentialReport.state === 'ok' ? inv.iam.credentialReport.value : [];
    expect(rows.map((r) => r.user)).toContain('ana');
  });

  it('reads S3 buckets in their own regions (GetBucketLocation, moto lists no BucketRegion) with path-style requests', () => {
    const buckets = inv.s3.buckets.state === 'ok' ? inv.s3.buckets.value : [];
    const site = buckets.find((b) => b.name === 'public-site');
    const logs = buckets.find((b) => b.name === 'logs-eu');
    expect(site).toMatchObject({ region: 'us-east-1', policy: { state: 'ok', value: { Statement: [{ Principal: '*' }] } }, publicAccessBlock: { state: 'absent' } });
    expect(logs).toMatchObject({ region: 'eu-west-1', versioning: { state: 'ok', value: { status: 'Enabled' } }, tags: { state: 'ok', value: { env: 'prod' } }, policy: { state: 'absent' } });
    expect(inv.s3.accountPublicAccessBlock).toEqual({ state: 'absent' });
  });

  it('reads EC2 per region: flattened rules, public snapshots', () => {
    const r = inv.regions['us-east-1']!;
    const sgs = r.ec2.securityGroups.state === 'ok' ? r.ec2.securityGroups.value : [];
    expect(sgs.find((g) => g.name === 'ssh-open')?.ingress).toEqual([{ protocol: 'tcp', fromPort: 22, toPort: 22, source: { kind: 'cidr4', value: '0.0.0.0/0' } }]);
    const snaps = r.ec2.snapshots.state === 'ok' ? r.ec2.snapshots.value : [];
    const pub = snaps.filter((s) => s.createVolumePermission.state === 'ok' && s.createVolumePermission.value.public);
    expect(pub.length).toBeGreaterThanOrEqual(1);
  });

  it('reads the trail in every region (shadow copies) with its status from the home region', () => {
    for (const region of REGIONS) {
      const trails = inv.regions[region]!.cloudtrail.trails;
      expect(trails).toMatchObject({ state: 'ok', value: [{ name: 'main', homeRegion: 'us-east-1', isMultiRegion: true, status: { state: 'ok', value: { isLogging: true } } }] });
    }
  });

  it('reads KMS, SNS (no endpoint kept), Route 53 and the alternate contacts', () => {
    expect(inv.regions['eu-west-1']!.kms.keys).toMatchObject({ state: 'ok', value: [{ manager: 'CUSTOMER' }] });
    const topics = inv.regions['us-east-1']!.sns.topics;
    expect(topics).toMatchObject({ state: 'ok', value: [{ subscriptions: { state: 'ok', value: [{ protocol: 'email' }] } }] });
    expect(JSON.stringify(inv)).not.toContain('oncall@example.com');
    expect(inv.route53.hostedZones).toMatchObject({ state: 'ok', value: [{ name: 'example.com.', records: { state: 'ok' } }] });
    expect(inv.account.alternateContacts).toMatchObject({ security: { state: 'ok', value: { name: 'Sec' } }, billing: { state: 'absent' } });
  });

  it('records what the emulator could not answer as unknown, naming the call', () => {
    // moto lacks some APIs (CloudWatch's current protocol, Inspector aggregations): those are gaps, not passes.
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done event');
    for (const g of done.coverage.gaps) expect(g.call).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
  });

  it('runs a whole scan over it: findings for what was read, unknown for what was not', () => {
    const { findings } = runChecks(inv, ALL_CHECKS, { now: new Date() });
    expect(findings.length).toBeGreaterThan(0);
    const contacts = findings.filter((f) => f.checkId === 'account.alternate-contacts');
    expect(contacts.map((f) => [f.detail, f.status]).sort()).toEqual([
      ['billing', 'fail'],
      ['operations', 'fail'],
      ['security', 'pass'],
    ]);
    for (const f of findings.filter((x) => x.status === 'unknown')) expect(f.message.length).toBeGreaterThan(0);
  });
});
