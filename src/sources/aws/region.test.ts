import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstancesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockAll, okValue } from './__tests__/mock-aws.js';
import { collectLive, type LiveOptions } from './index.js';
import { startRegion } from './region.js';

const mocks = mockAll();
afterAll(() => mocks.stubs.forEach((s) => s.restore()));

const ACCOUNT = '123456789012';
const KEYS = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  mocks.reset();
  for (const k of KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  // The SDK's last resort is the instance metadata service: a test never asks it.
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** A shared config file (and no credentials file), as `aws configure` writes them; a new path each time, so the SDK's cache never answers. */
function sharedConfig(text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-region-'));
  writeFileSync(join(dir, 'config'), text);
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
}

/** Runs a scan with the process environment (no `env` option), recording where each client was made. */
async function scan(opts: LiveOptions = {}) {
  const clients: string[] = [];
  const inventory = await collectLive({
    credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'x' }),
    services: ['account'],
    onClient: (_c, info) => clients.push(`${info.clientName}@${info.region}`),
    ...opts,
  });
  return { inventory, clients };
}

describe('the region of the first calls', () => {
  it("takes a GovCloud profile's region from the config file, and the partition of every built ARN from the identity", async () => {
    sharedConfig('[default]\nregion = eu-west-1\n\n[profile gov]\nregion = us-gov-west-1\n');
    mocks.get(STSClient).on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws-us-gov:iam::${ACCOUNT}:user/audit` });
    mocks.get(EC2Client).on(DescribeRegionsCommand).resolves({
      Regions: [
        { RegionName: 'us-gov-west-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'us-gov-east-1', OptInStatus: 'opt-in-not-required' },
      ],
    });
    mocks.get(S3Client).on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'records', BucketRegion: 'us-gov-east-1' }] });
    mocks.get(Route53Client).on(ListHostedZonesCommand).resolves({ HostedZones: [{ Id: '/hostedzone/Z1', Name: 'gov.example.', CallerReference: 'x' }] });
    mocks.get(EC2Client).on(DescribeInstancesCommand).resolves({ Reservations: [{ OwnerId: ACCOUNT, Instances: [{ InstanceId: 'i-1', ImageId: 'ami-1' }] }] });

    const { inventory, clients } = await scan({ profile: 'gov', services: ['s3', 'route53', 'ec2'], regions: ['us-gov-east-1'] });

    expect(clients).toEqual(expect.arrayContaining(['STSClient@us-gov-west-1', 'EC2Client@us-gov-west-1', 'S3Client@us-gov-west-1', 'Route53Client@us-gov-west-1']));
    expect(clients.filter((c) => c.endsWith('us-east-1'))).toEqual([]);
    expect(inventory.meta.partition).toBe('aws-us-gov');
    expect(okValue(inventory.s3.buckets).map((b) => b.arn)).toEqual(['arn:aws-us-gov:s3:::records']);
    expect(okValue(inventory.route53.hostedZones).map((z) => z.arn)).toEqual(['arn:aws-us-gov:route53:::hostedzone/Z1']);
    expect(okValue(inventory.regions['us-gov-east-1']?.ec2.instances).map((i) => i.arn)).toEqual([
      `arn:aws-us-gov:ec2:us-gov-east-1:${ACCOUNT}:instance/i-1`,
    ]);
  });

  it("uses AWS_PROFILE's region when no profile is given (China)", async () => {
    sharedConfig('[default]\nregion = eu-west-1\n\n[profile beijing]\nregion = cn-north-1\n');
    process.env.AWS_PROFILE = 'beijing';
    mocks.get(STSClient).on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws-cn:iam::${ACCOUNT}:user/audit` });
    const { inventory, clients } = await scan();
    expect(clients).toContain('STSClient@cn-north-1');
    // Global services answer in the partition's home region.
    expect(clients).toContain('AccountClient@cn-north-1');
    expect(inventory.meta.partition).toBe('aws-cn');
  });

  it('prefers AWS_REGION, then AWS_DEFAULT_REGION, to the profile', async () => {
    sharedConfig('[default]\nregion = eu-west-1\n');
    expect(await startRegion({ env: { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'sa-east-1' } })).toBe('ap-south-1');
    expect(await startRegion({ env: { AWS_DEFAULT_REGION: 'sa-east-1' } })).toBe('sa-east-1');
    expect(await startRegion({ env: process.env })).toBe('eu-west-1');
  });

  it('falls back to us-east-1 when nothing names a region', async () => {
    sharedConfig('[profile other]\nregion = eu-west-1\n');
    expect(await startRegion({ env: process.env })).toBe('us-east-1');
    expect(await startRegion({ env: process.env, profile: 'missing' })).toBe('us-east-1');
  });

  it("reads no file when the caller hands over its own environment (tests, benches)", async () => {
    sharedConfig('[default]\nregion = eu-west-1\n');
    const { clients } = await scan({ env: {} });
    expect(clients).toContain('STSClient@us-east-1');
  });
});
