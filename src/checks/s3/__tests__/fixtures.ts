import type { z } from 'zod';
import type { BucketSchema, InventoryPart, PublicAccessBlock } from '../../../inventory/index.js';
import { absent, ok, ALL_USERS_URI, AUTHENTICATED_USERS_URI } from '../../../inventory/index.js';

export type BucketInput = z.input<typeof BucketSchema>;

export const ALL_ON: PublicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
export const ALL_OFF: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

export const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ownerGrant = { grantee: { type: 'CanonicalUser' as const, id: OWNER_ID }, permission: 'FULL_CONTROL' as const };
export const publicGrant = (permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL', uri = ALL_USERS_URI) => ({
  grantee: { type: 'Group' as const, uri },
  permission,
});
export { ALL_USERS_URI, AUTHENTICATED_USERS_URI };

export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

/**
 * A private, modern bucket: ACLs disabled, its own Block Public Access on, no policy, versioned.
 * Tests override what they exercise.
 */
export function bucket(name: string, over: Partial<BucketInput> = {}): BucketInput {
  return {
    name,
    arn: bucketArn(name),
    region: 'us-east-1',
    acl: ok({ owner: { id: OWNER_ID }, grants: [ownerGrant] }),
    policy: absent(),
    policyStatus: absent(),
    publicAccessBlock: ok(ALL_ON),
    ownershipControls: ok('BucketOwnerEnforced'),
    versioning: ok({ status: 'Enabled', mfaDelete: 'Disabled' }),
    encryption: ok({ rules: [{ algorithm: 'AES256' }] }),
    lifecycle: absent(),
    logging: absent(),
    tags: ok({}),
    ...over,
  };
}

/** The buckets, with the account-level Block Public Access given (absent: not configured). */
export function s3(buckets: BucketInput[], account: PublicAccessBlock | 'absent' = 'absent'): InventoryPart {
  return { s3: { accountPublicAccessBlock: account === 'absent' ? absent() : ok(account), buckets: ok(buckets) } };
}
