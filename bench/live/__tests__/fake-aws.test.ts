import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { isThrottle } from '../../../src/sources/aws/errors.js';
import { SyntheticAccount } from '../account.js';
import { FakeAws } from '../fake-aws.js';
import { FULL, scaled } from '../spec.js';

const account = new SyntheticAccount(scaled(FULL, 0.01, 'tiny'));
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
const clients: Array<{ destroy(): void }> = [];

/** A client configured as the collector's ClientPool configures them, answered by the fake. */
function client<C extends EC2Client | S3Client>(Ctor: new (c: object) => C, fake: FakeAws, region = 'us-east-1'): C {
  const c = new Ctor({ region, credentials, retryMode: 'adaptive', maxAttempts: 5 });
  fake.onClient(c, { clientName: Ctor.name, region });
  clients.push(c);
  return c;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

describe('FakeAws', () => {
  it('pages a list and names no next page after the last', async () => {
    const fake = new FakeAws(account, { latencyMs: [0, 0] });
    const ec2 = client(EC2Client, fake);
    const first = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
    const vpcs = account.vpcs('us-east-1');
    expect(first.Vpcs).toHaveLength(Math.min(5, vpcs));
    expect(first.NextToken === undefined).toBe(vpcs <= 5);
  });

  it("throws throttles the SDK's retry recognises, and the retry gets through", async () => {
    const fake = new FakeAws(account, {
      latencyMs: [0, 0],
      throttle: () => ({ key: 'test', capacity: 1, refillPerSec: 20, scope: 'region', code: 'RequestLimitExceeded', status: 503, source: 'test' }),
    });
    const ec2 = client(EC2Client, fake);
    const [a, b] = await Promise.all([ec2.send(new DescribeVpcsCommand({ MaxResults: 5 })), ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }))]);
    expect(a.Vpcs?.length).toBeGreaterThan(0);
    expect(b.Vpcs?.length).toBeGreaterThan(0);
    const stat = fake.calls().find((c) => c.call === 'ec2:DescribeVpcs');
    expect(stat?.throttled).toBeGreaterThan(0);
    expect(stat?.attempts).toBe(2 + (stat?.throttled ?? 0));
  });

  it('answers "not configured" errors once, without retries, as S3 does', async () => {
    const fake = new FakeAws(account, { latencyMs: [0, 0] });
    const i = Array.from({ length: account.bucketCount() }, (_, k) => k).find((k) => account.roll('s3', 'policy', k) >= 0.7);
    if (i === undefined) throw new Error('the tiny account has no bucket without a policy');
    const s3 = client(S3Client, fake, account.bucketRegion(i));
    const err = await s3.send(new GetBucketPolicyCommand({ Bucket: account.bucketName(i) })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('NoSuchBucketPolicy');
    expect(isThrottle(err)).toBe(false);
    expect(fake.calls().find((c) => c.call === 's3:GetBucketPolicy')?.attempts).toBe(1);
  });

  it('refuses a bucket read sent to the wrong region, as S3 does', async () => {
    const i = Array.from({ length: account.bucketCount() }, (_, k) => k).find((k) => account.bucketRegion(k) !== 'eu-west-1') ?? 0;
    const fake = new FakeAws(account, { latencyMs: [0, 0] });
    const s3 = client(S3Client, fake, 'eu-west-1');
    const err = await s3.send(new GetBucketPolicyCommand({ Bucket: account.bucketName(i) })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('PermanentRedirect');
  });
});
