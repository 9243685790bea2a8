import type { AnyCheck } from '../types.js';
import firewall from './firewall.js';
import ids from './ids.js';
import cloudtrail from './cloudtrail.js';
import vpn from './vpn.js';
import isolation from './isolation.js';

export const vpcChecks: AnyCheck[] = [firewall, ids, cloudtrail, vpn, isolation];
