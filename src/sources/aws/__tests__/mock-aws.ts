/**
 * Test support for collector tests (not used at run time): every SDK client mocked with
 * aws-sdk-client-mock, a context as a real run builds it, and helpers to look at what came back.
 */
import { AccountClient } from '@aws-sdk/client-account';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { GLOBAL_REGION, type Attr, type CallRecord } from '../../../inventory/index.js';
import { ClientPool } from '../clients.js';
import type { Collector, GlobalPart, RegionalPart } from '../collector.js';
import { CollectContext, DEFAULT_TUNING, type Shared } from '../context.js';
import { LIMITS, Limiter } from '../limits.js';
import { CallRecorder } from '../recorder.js';
import type { WorkUnit } from '../unit.js';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';

export const CLIENT_CLASSES = [
  AccountClient,
  CloudFrontClient,
  CloudTrailClient,
  CloudWatchClient,
  EC2Client,
  ElasticLoadBalancingClient,
  ElasticLoadBalancingV2Client,
  GuardDutyClient,
  IAMClient,
  Inspector2Client,
  KMSClient,
  NetworkFirewallClient,
  RDSClient,
  Route53Client,
  S3Client,
  S3ControlClient,
  SNSClient,
  STSClient,
  WAFV2Client,
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stub of any client: the mock library's own type is generic over each client's unions
export type AnyStub = AwsStub<any, any, any>;

/** Mocks every client class; answer {} to anything unless told otherwise. */
export function mockAll(): { stubs: AnyStub[]; get(cls: (typeof CLIENT_CLASSES)[number]): AnyStub; reset(): void } {
  const stubs = new Map<unknown, AnyStub>(CLIENT_CLASSES.map((c) => [c, mockClient(c as never) as AnyStub]));
  const api = {
    stubs: [...stubs.values()],
    get: (cls: (typeof CLIENT_CLASSES)[number]) => stubs.get(cls)!,
    reset() {
      for (const s of stubs.values()) {
        s.reset();
        s.onAnyCommand().resolves({});
      }
    },
  };
  api.reset();
  return api;
}

/** An AWS-style error, as the SDK throws them. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

export function sharedForTests(): Shared {
  return {
    pool: new ClientPool({ credentials: async () => ({ accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }), env: {} }),
    // Our rate ceilings would only slow the tests down; concurrency limits stay as they are.
    limiter: new Limiter(Object.fromEntries(Object.keys(LIMITS).map((k) => [k, { perInterval: 10_000 }]))),
    tuning: { ...DEFAULT_TUNING, throttleBackoffMs: 0, reportPollMs: 0, reportPolls: 3 },
    memo: new Map(),
  };
}

export interface Collected {
  part: GlobalPart & RegionalPart;
  calls: CallRecord[];
}

/** Runs one collector as a unit would (its region, or 'global'), with fresh clients and records. */
export async function collect(collector: Collector, region = collector.scope === 'global' ? GLOBAL_REGION : REGION): Promise<Collected> {
  const unit: WorkUnit = { account: ACCOUNT, partition: 'aws', region, service: collector.service };
  const recorder = new CallRecorder();
  const shared = sharedForTests();
  const ctx = new CollectContext(unit, collector.commands, recorder, shared);
  try {
    const part = (await collector.collect(ctx)) as GlobalPart & RegionalPart;
    return { part, calls: recorder.snapshot() };
  } finally {
    shared.pool.destroy();
  }
}

/** Every attribute in a value, with its path (attributes nested in ok lists included). */
export function attrsIn(node: unknown, path = ''): Array<{ path: string; attr: Attr<unknown> }> {
  const out: Array<{ path: string; attr: Attr<unknown> }> = [];
  if (Array.isArray(node)) node.forEach((x, i) => out.push(...attrsIn(x, `${path}[${i}]`)));
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (typeof o.state === 'string' && ['ok', 'absent', 'error', 'unknown'].includes(o.state)) {
      out.push({ path, attr: o as Attr<unknown> });
      if (o.state === 'ok') out.push(...attrsIn(o.value, path));
    } else for (const [k, v] of Object.entries(o)) out.push(...attrsIn(v, path ? `${path}.${k}` : k));
  }
  return out;
}

/** The value of an attribute that must be ok (fails the test with the attribute otherwise). */
export function okValue<T>(a: Attr<T> | undefined): T {
  if (a?.state !== 'ok') throw new Error(`expected an ok attribute, got ${JSON.stringify(a)}`);
  return a.value;
}

/** Pages of a list: the first answers carry `next`, the last none. */
export function paged<T>(pages: T[][], wrap: (items: T[], next: string | undefined) => object): (input: Record<string, unknown>) => object {
  return (input) => {
    const token = Object.values(input).find((v) => typeof v === 'string' && v.startsWith('page-')) as string | undefined;
    const i = token ? Number(token.slice(5)) : 0;
    return wrap(pages[i] ?? [], i + 1 < pages.length ? `page-${i + 1}` : undefined);
  };
}
