import type { AnyCheck } from '../types.js';
import accessRestricted from './access-restricted.js';
import storageEncrypted from './storage-encrypted.js';
import appEncryption from './app-encryption.js';

export const rdsChecks: AnyCheck[] = [accessRestricted, storageEncrypted, appEncryption];
