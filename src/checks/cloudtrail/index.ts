import type { AnyCheck } from '../types.js';
import enabled from './enabled.js';
import apiProtected from './api-protected.js';
import bucketPolicy from './bucket-policy.js';
import bucketMfaDelete from './bucket-mfa-delete.js';
import bucketEncryption from './bucket-encryption.js';
import snsNotification from './sns-notification.js';
import glacierArchive from './glacier-archive.js';
import logValidation from './log-validation.js';

export const cloudtrailChecks: AnyCheck[] = [enabled, apiProtected, bucketPolicy, bucketMfaDelete, bucketEncryption, snsNotification, glacierArchive, logValidation];
