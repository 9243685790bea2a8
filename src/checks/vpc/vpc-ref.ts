import { accountOfArn, type Inventory, type Vpc } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';
import { labelOf, refOf } from '../ec2/resource-ref.js';

export const vpcRef = (v: Vpc, region: string): ResourceRef => refOf(v, v.arn, 'AWS::EC2::VPC', region);
export const vpcLabel = (v: Vpc): string => labelOf(v.id, v.tags);

/**
 * A VPC shared with this account through AWS RAM belongs to its owner: only the owner can create
 * its flow logs or put a firewall in front of it, so the participant is not judged for them.
 */
export function ownedElsewhere(v: Vpc, inv: Inventory): boolean {
  const owner = accountOfArn(v.arn);
  return owner !== undefined && owner !== inv.meta.accountId;
}
