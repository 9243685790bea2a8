import type { Snapshot, Volume } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';

export function volumeResource(v: Volume, region: string): ResourceRef {
  return {
    id: v.arn,
    type: 'AWS::EC2::Volume',
    region,
    ...(v.location ? { location: v.location } : {}),
    ...(v.condition ? { condition: v.condition } : {}),
  };
}

export function snapshotResource(s: Snapshot, region: string): ResourceRef {
  return { id: s.arn, type: 'AWS::EC2::Snapshot', region };
}

/** "vol-0abc (db-data)": the Name tag helps a reader find it. */
export function labelOf(x: { id: string; tags: Record<string, string> }): string {
  const name = x.tags['Name'];
  return name ? `${x.id} (${name})` : x.id;
}
