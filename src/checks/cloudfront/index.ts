import type { AnyCheck } from '../types.js';
import https from './https.js';
import customCertificate from './custom-certificate.js';

export const cloudfrontChecks: AnyCheck[] = [https, customCertificate];
