/**
 * Rampart's IAM policy engine. Checks ask it questions; they never pattern-match policy JSON.
 * - parsePolicy(doc, source): ParsedPolicy | PolicyParseError (never throws); loadPolicy(doc, source):
 *   the same as a policy or an UnknownPolicy (unread or malformed), ready for a PolicySet
 * - evaluateRequest(request, policies): Decision ('allow' | 'deny' | 'implicit-deny' | 'undecided');
 *   an UnknownPolicy anywhere makes it 'undecided' whenever that policy could change the answer
 * - isPolicyPublic / crossAccountGrants: S3's meaning of "public", other accounts let in
 * - over an IamView (iamViewFromInventory): whoCan (one action, one resource), whoCanMany (several
 *   of each, sharing the work), whoCanAssume (sts:AssumeRole: trust policy and identity policies),
 *   isAdministrator / administratorStatus
 */
export * from './types.js';
export { PolicyParseError, isPolicyParseError } from './errors.js';
export { parsePolicy } from './parse.js';
export { loadPolicy } from './load.js';
export { evaluateRequest, isUnknownPolicy, resourceAccountOf } from './evaluate.js';
export { principalFromArn, parseArn } from './principal.js';
export { isUnknownValue } from './conditions.js';
export {
  isPolicyPublic,
  crossAccountGrants,
  type PublicResult,
  type PublicStatement,
  type PublicOptions,
  type CrossAccountGrant,
  type PolicyStatementRef,
} from './public.js';
export {
  iamViewFromInventory,
  isUnknownDoc,
  type IamView,
  type IamViewUser,
  type IamViewRole,
  type IamViewGroup,
  type IamViewPolicy,
  type IamViewPrincipal,
} from './iam-view.js';
export {
  whoCan,
  whoCanMany,
  prepareIamView,
  type WhoCanQuery,
  type WhoCanOptions,
  type WhoCanTarget,
  type WhoCanManyEntry,
  type WhoCanResult,
  type WhoCanVia,
  type Allowed,
} from './who-can.js';
export { whoCanAssume } from './who-can-assume.js';
export { administratorStatus, isAdministrator, type AdministratorStatus } from './administrator.js';
