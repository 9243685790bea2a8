import type { AnyCheck } from '../types.js';
import rootAccessKeys from './root-access-keys.js';
import rootMfa from './root-mfa.js';
import rootHardwareMfa from './root-hardware-mfa.js';
import alternateContacts from './alternate-contacts.js';
import securityQuestions from './security-questions.js';
import iamBillingAccess from './iam-billing-access.js';
import userMfa from './user-mfa.js';
import backupAdmin from './backup-admin.js';
import mfaEnforcedByPolicy from './mfa-enforced-by-policy.js';
import privilegedUserMfa from './privileged-user-mfa.js';
import passwordPolicy from './password-policy.js';

export const accountChecks: AnyCheck[] = [
  rootAccessKeys,
  rootMfa,
  rootHardwareMfa,
  backupAdmin,
  alternateContacts,
  securityQuestions,
  iamBillingAccess,
  userMfa,
  privilegedUserMfa,
  passwordPolicy,
  mfaEnforcedByPolicy,
];
