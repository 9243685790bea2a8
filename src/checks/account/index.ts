import type { AnyCheck } from '../types.js';
import rootAccessKeys from './root-access-keys.js';
import rootMfa from './root-mfa.js';
import alternateContacts from './alternate-contacts.js';
import securityQuestions from './security-questions.js';
import iamBillingAccess from './iam-billing-access.js';
import userMfa from './user-mfa.js';

export const accountChecks: AnyCheck[] = [rootAccessKeys, rootMfa, alternateContacts, securityQuestions, iamBillingAccess, userMfa];
