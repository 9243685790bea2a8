import type { AnyCheck } from '../types.js';
import httpsListener from './https-listener.js';
import tlsPolicy from './tls-policy.js';
import sgMatches from './sg-matches.js';

export const elbChecks: AnyCheck[] = [httpsListener, tlsPolicy, sgMatches];
