import type { AnyCheck } from '../types.js';
import volumeEncrypted from './volume-encrypted.js';
import snapshots from './snapshots.js';

export const ebsChecks: AnyCheck[] = [volumeEncrypted, snapshots];
