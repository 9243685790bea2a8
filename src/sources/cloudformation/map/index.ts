import type { Mapper } from './context.js';
import { s3Mappers } from './s3.js';
import { iamMappers } from './iam.js';
import { ec2Mappers } from './ec2.js';
import { rdsMappers } from './rds.js';
import { trailAlarmDnsMappers } from './trail-alarm-dns.js';
import { elbMappers } from './elb.js';
import { edgeMappers } from './edge.js';
import { serviceMappers } from './services.js';

/** Every CloudFormation resource type that feeds the inventory. */
export const CFN_MAPPERS: Readonly<Record<string, Mapper>> = {
  ...s3Mappers,
  ...iamMappers,
  ...ec2Mappers,
  ...rdsMappers,
  ...trailAlarmDnsMappers,
  ...elbMappers,
  ...edgeMappers,
  ...serviceMappers,
};

export type { Mapper, MapContext } from './context.js';
