import type { HostedZone } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';
import { normName } from './dns-text.js';

export function zoneResource(z: HostedZone): ResourceRef {
  return {
    id: z.arn,
    type: 'AWS::Route53::HostedZone',
    region: 'global',
    ...(z.location ? { location: z.location } : {}),
    ...(z.condition ? { condition: z.condition } : {}),
  };
}

export const zoneName = (z: HostedZone): string => normName(z.name);
