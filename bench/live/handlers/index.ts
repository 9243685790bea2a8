import { ec2ComputeHandlers } from './ec2-compute.js';
import { ec2NetworkHandlers } from './ec2-network.js';
import { globalHandlers } from './global.js';
import { iamHandlers } from './iam.js';
import { rdsElbHandlers } from './rds-elb.js';
import { regionalHandlers } from './regional.js';
import { s3Handlers } from './s3.js';
import type { HandlerTable } from './types.js';

/** Every operation the fake account answers, by `${clientName}:${operation}`. */
export const HANDLERS: HandlerTable = {
  ...ec2ComputeHandlers,
  ...ec2NetworkHandlers,
  ...s3Handlers,
  ...iamHandlers,
  ...globalHandlers,
  ...rdsElbHandlers,
  ...regionalHandlers,
};

export type { FakeRequest, Handler, HandlerContext, HandlerTable } from './types.js';
