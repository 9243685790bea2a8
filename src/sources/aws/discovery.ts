import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GLOBAL_REGION } from '../../inventory/index.js';
import { CollectContext, type Shared } from './context.js';
import { DISCOVERY_COMMANDS } from './collectors/index.js';
import type { CallRecorder } from './recorder.js';

/** Regions enabled in every account (no opt-in), for when DescribeRegions cannot be read. */
export const DEFAULT_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

/** The other partitions have no opt-in regions: every one of theirs is enabled. */
const PARTITION_REGIONS: Record<string, readonly string[]> = {
  aws: DEFAULT_REGIONS,
  'aws-us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
};

export interface Identity {
  account: string;
  arn: string;
  partition: string;
}

export class IdentityError extends Error {}

const partitionOf = (arn: string) => arn.split(':')[1] || 'aws';

/** Who the credentials belong to. Without an answer there is no account to scan: this throws. */
export async function identify(shared: Shared, recorder: CallRecorder, region: string): Promise<Identity> {
  const ctx = new CollectContext({ account: '', partition: 'aws', region: GLOBAL_REGION, service: 'sts' }, DISCOVERY_COMMANDS, recorder, shared);
  const o = await ctx.send(ctx.client(STSClient, region), new GetCallerIdentityCommand({}));
  if (!o.ok) {
    // Credentials of GovCloud or China are unknown to every other partition's STS.
    throw new IdentityError(
      `could not identify the AWS credentials (sts:GetCallerIdentity in ${region}): ${o.error}` +
        (o.code === 'InvalidClientTokenId' ? ` (for GovCloud or China, name a region of that partition: AWS_REGION or the profile's region)` : ''),
    );
  }
  const arn = o.value.Arn ?? '';
  return { account: o.value.Account ?? '', arn, partition: partitionOf(arn) };
}

export interface RegionPlan {
  /** Regions to scan. */
  regions: string[];
  /** Selected regions the account has not opted in to: reported, not called. */
  disabled: string[];
  /** Why the list is a fallback, when DescribeRegions failed. */
  warning?: string;
}

export class UnknownRegionError extends Error {}

/**
 * The account's enabled regions (DescribeRegions with AllRegions, so opt-in status is known),
 * narrowed to `wanted`. A wanted region that AWS does not list at all is a typo: an error.
 */
export async function planRegions(shared: Shared, recorder: CallRecorder, id: Identity, region: string, wanted?: string[]): Promise<RegionPlan> {
  const ctx = new CollectContext({ account: id.account, partition: id.partition, region, service: 'ec2' }, DISCOVERY_COMMANDS, recorder, shared);
  const o = await ctx.send(ctx.client(EC2Client, region), new DescribeRegionsCommand({ AllRegions: true }));
  if (!o.ok) {
    const regions = wanted?.length ? [...wanted] : [...(PARTITION_REGIONS[id.partition] ?? [region])];
    return { regions, disabled: [], warning: `ec2:DescribeRegions failed (${o.error}); scanning ${wanted?.length ? 'the regions given' : 'the regions every account has'}` };
  }
  const all = new Map((o.value.Regions ?? []).map((r) => [r.RegionName ?? '', r.OptInStatus ?? 'opt-in-not-required']));
  const enabled = [...all].filter(([, s]) => s !== 'not-opted-in').map(([r]) => r);
  if (!wanted?.length) return { regions: enabled.sort(), disabled: [] };
  const unknown = wanted.filter((r) => !all.has(r));
  if (unknown.length) throw new UnknownRegionError(`unknown region${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  return {
    regions: wanted.filter((r) => all.get(r) !== 'not-opted-in'),
    disabled: wanted.filter((r) => all.get(r) === 'not-opted-in'),
  };
}
