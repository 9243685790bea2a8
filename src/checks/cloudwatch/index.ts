import type { AnyCheck } from '../types.js';
import billingAlarm from './billing-alarm.js';
import rdsConnectionsAlarm from './rds-connections-alarm.js';

export const cloudwatchChecks: AnyCheck[] = [billingAlarm, rdsConnectionsAlarm];
