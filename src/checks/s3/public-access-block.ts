import type { Attr, Bucket, Inventory, PublicAccessBlock } from '../../inventory/index.js';

export const BPA_SETTINGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;
export type BpaSetting = (typeof BPA_SETTINGS)[number];

/** The names AWS uses in the console, the CLI and the API. */
export const BPA_NAMES: Record<BpaSetting, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

export type Level = 'account' | 'bucket';

/**
 * One setting as S3 applies it: on when the account or the bucket turns it on.
 * - on: true, with the levels that turn it on;
 * - on: false, when both levels were read and neither does;
 * - on: undefined, when neither read level turns it on and one level could not be read (`unread`).
 */
export type EffectiveSetting =
  | { on: true; by: Level[] }
  | { on: false }
  | { on: undefined; unread: Attr<unknown>; level: Level };

/** absent = no configuration, which S3 treats as every setting off. */
function read(a: Attr<PublicAccessBlock>): PublicAccessBlock | 'unread' {
  if (a.state === 'ok') return a.value;
  if (a.state === 'absent') return { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
  return 'unread';
}

export function effectiveSetting(inv: Inventory, bucket: Bucket, key: BpaSetting): EffectiveSetting {
  const account = read(inv.s3.accountPublicAccessBlock);
  const own = read(bucket.publicAccessBlock);
  const by: Level[] = [];
  if (account !== 'unread' && account[key]) by.push('account');
  if (own !== 'unread' && own[key]) by.push('bucket');
  if (by.length > 0) return { on: true, by };
  if (account === 'unread') return { on: undefined, unread: inv.s3.accountPublicAccessBlock, level: 'account' };
  if (own === 'unread') return { on: undefined, unread: bucket.publicAccessBlock, level: 'bucket' };
  return { on: false };
}

/** "the account", "the bucket", "the account and the bucket": who turns a setting on. */
export function levelsText(by: Level[]): string {
  return by.map((l) => `the ${l}`).join(' and ');
}
