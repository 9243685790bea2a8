import { z } from 'zod';
import { attr, PolicyDocumentSchema, ResourceBase, TagsSchema } from './attr.js';

/** One row of the IAM credential report. Dates are ISO strings; absent when the report says N/A or no_information. */
export const CredentialReportRowSchema = z.object({
  user: z.string(), // '<root_account>' for the root row
  arn: z.string(),
  userCreationTime: z.string().optional(),
  passwordEnabled: z.boolean(), // root: 'not_supported' is read as false
  passwordLastUsed: z.string().optional(),
  passwordLastChanged: z.string().optional(),
  passwordNextRotation: z.string().optional(),
  mfaActive: z.boolean(),
  accessKey1Active: z.boolean(),
  accessKey1LastRotated: z.string().optional(),
  accessKey1LastUsedDate: z.string().optional(),
  accessKey2Active: z.boolean(),
  accessKey2LastRotated: z.string().optional(),
  accessKey2LastUsedDate: z.string().optional(),
  cert1Active: z.boolean(),
  cert2Active: z.boolean(),
});
export type CredentialReportRow = z.infer<typeof CredentialReportRowSchema>;
export const ROOT_USER = '<root_account>';

export const InlinePolicySchema = z.object({ name: z.string(), document: PolicyDocumentSchema });
export type InlinePolicy = z.infer<typeof InlinePolicySchema>;

const principalCommon = {
  ...ResourceBase,
  arn: z.string(),
  name: z.string(),
  id: z.string().optional(),
  path: z.string().default('/'),
  createDate: z.string().optional(),
  /** ARNs of attached managed policies (AWS or customer managed). */
  attachedManagedPolicies: z.array(z.string()),
  inlinePolicies: z.array(InlinePolicySchema),
  tags: TagsSchema.default({}),
};

export const IamUserSchema = z.object({
  ...principalCommon,
  groups: z.array(z.string()), // group names
  permissionsBoundary: z.string().optional(), // policy ARN
});
export type IamUser = z.infer<typeof IamUserSchema>;

export const IamGroupSchema = z.object({ ...principalCommon });
export type IamGroup = z.infer<typeof IamGroupSchema>;

export const IamRoleSchema = z.object({
  ...principalCommon,
  assumeRolePolicy: PolicyDocumentSchema,
  permissionsBoundary: z.string().optional(),
  lastUsed: z.string().optional(),
});
export type IamRole = z.infer<typeof IamRoleSchema>;

export const ManagedPolicySchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  name: z.string(),
  path: z.string().default('/'),
  awsManaged: z.boolean(),
  defaultVersionId: z.string().optional(),
  /** The default version's document. */
  document: PolicyDocumentSchema,
  attachmentCount: z.number().int().optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export const MfaDeviceSchema = z.object({
  serialNumber: z.string(),
  /** The user it is assigned to (the root ARN ends in ':root'); absent when unassigned. */
  userArn: z.string().optional(),
  enableDate: z.string().optional(),
  kind: z.enum(['virtual', 'hardware', 'u2f', 'unknown']),
});
export type MfaDevice = z.infer<typeof MfaDeviceSchema>;

export const PasswordPolicySchema = z.object({
  minimumPasswordLength: z.number().int().optional(),
  requireSymbols: z.boolean().optional(),
  requireNumbers: z.boolean().optional(),
  requireUppercaseCharacters: z.boolean().optional(),
  requireLowercaseCharacters: z.boolean().optional(),
  allowUsersToChangePassword: z.boolean().optional(),
  maxPasswordAge: z.number().int().optional(),
  passwordReusePrevention: z.number().int().optional(),
  hardExpiry: z.boolean().optional(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const IamSchema = z.object({
  credentialReport: attr(z.array(CredentialReportRowSchema)),
  /** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, ...). */
  summary: attr(z.record(z.string(), z.number())),
  /** absent = the account has no password policy (NoSuchEntity). */
  passwordPolicy: attr(PasswordPolicySchema),
  users: attr(z.array(IamUserSchema)),
  groups: attr(z.array(IamGroupSchema)),
  roles: attr(z.array(IamRoleSchema)),
  /** Managed policies that are attached to something, plus every customer managed one. */
  policies: attr(z.array(ManagedPolicySchema)),
  /** ListVirtualMFADevices plus the users' hardware devices where known. */
  mfaDevices: attr(z.array(MfaDeviceSchema)),
});
export type IamInventory = z.infer<typeof IamSchema>;
