import type { z } from 'zod';
import type { CredentialReportRowSchema, IamGroupSchema, IamRoleSchema, IamUserSchema, InventoryPart, ManagedPolicySchema } from '../../../inventory/index.js';
import { ok, ROOT_USER } from '../../../inventory/index.js';
import { TEST_ACCOUNT } from '../../../test-utils/check-tester.js';

type Row = z.input<typeof CredentialReportRowSchema>;
type User = z.input<typeof IamUserSchema>;
type Group = z.input<typeof IamGroupSchema>;
type Role = z.input<typeof IamRoleSchema>;
type Managed = z.input<typeof ManagedPolicySchema>;
type Doc = Record<string, unknown>;

export const iamArn = (resource: string) => `arn:aws:iam::${TEST_ACCOUNT}:${resource}`;
export const ACCOUNT_ARN = `arn:aws:iam::${TEST_ACCOUNT}:root`;

/** Policy documents. */
export const doc = (...Statement: Doc[]): Doc => ({ Version: '2012-10-17', Statement });
export const allow = (Action: string | string[], Resource: string | string[] = '*', Condition?: Doc): Doc => ({ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) });
export const deny = (Action: string | string[], Resource: string | string[] = '*', Condition?: Doc): Doc => ({ Effect: 'Deny', Action, Resource, ...(Condition ? { Condition } : {}) });
export const MFA_PRESENT = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
export const mfaAge = (seconds: number) => ({ NumericLessThan: { 'aws:MultiFactorAuthAge': String(seconds) } });

export const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const ADMIN: Managed = { arn: ADMIN_ARN, name: 'AdministratorAccess', awsManaged: true, document: doc(allow('*')) };

export const managed = (name: string, document: Doc): Managed => ({ arn: iamArn(`policy/${name}`), name, awsManaged: false, document });

export const user = (name: string, over: Partial<User> = {}): User => ({ arn: iamArn(`user/${name}`), name, groups: [], attachedManagedPolicies: [], inlinePolicies: [], ...over });
export const group = (name: string, over: Partial<Group> = {}): Group => ({ arn: iamArn(`group/${name}`), name, attachedManagedPolicies: [], inlinePolicies: [], ...over });
export const role = (name: string, trust: Doc, over: Partial<Role> = {}): Role => ({ arn: iamArn(`role/${name}`), name, assumeRolePolicy: trust, attachedManagedPolicies: [], inlinePolicies: [], ...over });
export const inline = (name: string, document: Doc) => ({ name, document });

export const trustService = (service: string): Doc => doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
export const trustAccount = (account: string): Doc => doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' });

/** A credential report row: a console user with MFA and no keys unless told otherwise. */
export const row = (name: string, over: Partial<Row> = {}): Row => ({
  user: name,
  arn: iamArn(`user/${name}`),
  passwordEnabled: true,
  mfaActive: true,
  accessKey1Active: false,
  accessKey2Active: false,
  cert1Active: false,
  cert2Active: false,
  ...over,
});
export const rootRow = (over: Partial<Row> = {}): Row => ({ ...row(ROOT_USER, over), arn: ACCOUNT_ARN, ...over });

/** The IAM part: every list read (empty unless given), the managed policies including AdministratorAccess. */
export function iam(p: { users?: User[]; groups?: Group[]; roles?: Role[]; policies?: Managed[]; report?: Row[] }): InventoryPart {
  return {
    iam: {
      users: ok(p.users ?? []),
      groups: ok(p.groups ?? []),
      roles: ok(p.roles ?? []),
      policies: ok([ADMIN, ...(p.policies ?? [])]),
      ...(p.report ? { credentialReport: ok(p.report) } : {}),
    },
  };
}
