import type { TfMapper } from './context.js';
import { s3Mappers } from './s3.js';
import { iamMappers } from './iam.js';
import { ec2Mappers } from './ec2.js';
import { rdsMappers } from './rds.js';
import { trailAlarmDnsMappers } from './trail-alarm-dns.js';
import { elbMappers } from './elb.js';
import { edgeMappers } from './edge.js';
import { serviceMappers } from './services.js';

/** Every Terraform resource type (AWS provider v4+) that feeds the inventory. */
export const TF_MAPPERS: Readonly<Record<string, TfMapper>> = {
  ...s3Mappers,
  ...iamMappers,
  ...ec2Mappers,
  ...rdsMappers,
  ...trailAlarmDnsMappers,
  ...elbMappers,
  ...edgeMappers,
  ...serviceMappers,
};

export type { TfMapper, TfMapContext } from './context.js';
