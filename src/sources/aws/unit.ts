import { GLOBAL_REGION } from '../../inventory/index.js';

/**
 * The unit of work: one service in one region of one account. A plain, serialisable object, so a
 * local pool runs units today and queue workers (each resolving its own credentials) could
 * tomorrow. Global services (IAM, S3's bucket list, Route 53...) run as region 'global'.
 */
export interface WorkUnit {
  account: string;
  partition: string;
  region: string;
  service: string;
}

export function isGlobal(unit: WorkUnit): boolean {
  return unit.region === GLOBAL_REGION;
}

export function unitLabel(unit: WorkUnit): string {
  return `${unit.service}@${unit.region}`;
}

/** The region where a partition's global services answer. */
export function homeRegionOf(partition: string): string {
  switch (partition) {
    case 'aws-cn':
      return 'cn-north-1';
    case 'aws-us-gov':
      return 'us-gov-west-1';
    case 'aws-iso':
      return 'us-iso-east-1';
    case 'aws-iso-b':
      return 'us-isob-east-1';
    default:
      return 'us-east-1';
  }
}
