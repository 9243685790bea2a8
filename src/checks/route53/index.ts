import type { AnyCheck } from '../types.js';
import limitAccess from './limit-access.js';
import mxSpf from './mx-spf.js';
import dmarc from './dmarc.js';

export const route53Checks: AnyCheck[] = [limitAccess, mxSpf, dmarc];
