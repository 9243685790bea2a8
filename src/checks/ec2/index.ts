import type { AnyCheck } from '../types.js';
import sgUnused from './sg-unused.js';
import sgDocumented from './sg-documented.js';
import sgMinimalPorts from './sg-minimal-ports.js';
import sgPublicRestricted from './sg-public-restricted.js';
import amiPublic from './ami-public.js';
import amiProvenance from './ami-provenance.js';

export const ec2Checks: AnyCheck[] = [sgUnused, sgDocumented, sgMinimalPorts, sgPublicRestricted, amiPublic, amiProvenance];
