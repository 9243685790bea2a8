import type { z } from 'zod';
import type { SnapshotSchema, VolumeSchema } from '../../../inventory/index.js';
import { ok, type InventoryPart } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

export type VolumeInput = z.input<typeof VolumeSchema>;
export type SnapshotInput = z.input<typeof SnapshotSchema>;

export const volumeArn = (id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:${TEST_ACCOUNT}:volume/${id}`;
export const snapshotArn = (id: string, region = 'us-east-1') => `arn:aws:ec2:${region}::snapshot/${id}`;

/** An encrypted volume in use. */
export function volume(id: string, over: Partial<VolumeInput> = {}, region = 'us-east-1'): VolumeInput {
  return { id, arn: volumeArn(id, region), encrypted: true, state: 'in-use', attachedInstanceIds: ['i-0a1b2c3d4e5f60718'], createTime: '2025-01-10T08:00:00.000Z', ...over };
}

/** A completed, encrypted, unshared snapshot owned by the test account. */
export function snapshot(id: string, volumeId: string, startTime: string, over: Partial<SnapshotInput> = {}, region = 'us-east-1'): SnapshotInput {
  return {
    id,
    arn: snapshotArn(id, region),
    volumeId,
    encrypted: true,
    startTime,
    state: 'completed',
    ownerId: TEST_ACCOUNT,
    createVolumePermission: ok({ public: false, accounts: [] }),
    ...over,
  };
}

/** One region's volumes and snapshots, both read. */
export const ec2 = (volumes: VolumeInput[], snapshots: SnapshotInput[], region = 'us-east-1'): InventoryPart => ({
  regions: { [region]: { ec2: { volumes: ok(volumes), snapshots: ok(snapshots) } } },
});
