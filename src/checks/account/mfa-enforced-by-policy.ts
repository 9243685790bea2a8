import { z } from 'zod';
import { ROOT_USER } from '../../inventory/index.js';
import type { WhoCanVia } from '../../policy/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { ActionList, DEFAULT_PRIVILEGED_ACTIONS } from './privileged-actions.js';
import { listText, policyView, principalResource, viaOfDecision, viaText } from './policy-view.js';

const Options = z.object({
  privilegedActions: ActionList.default(DEFAULT_PRIVILEGED_ACTIONS),
  /** The oldest MFA sign-in a policy may accept (aws:MultiFactorAuthAge); the guide's example uses 300. */
  maxMfaAgeSeconds: z.number().int().positive().default(3600),
});

/** Far beyond any sensible aws:MultiFactorAuthAge bound: only a policy with no age limit allows it. */
const ANCIENT_MFA = 1_000_000_000;

interface PerUser {
  noMfa: Array<{ action: string; via: WhoCanVia[] }>;
  stale: Array<{ action: string; via: WhoCanVia[] }>;
  enforced: string[];
  undecided: Array<{ action: string; why: string[] }>;
}

export default defineCheck({
  id: 'account.mfa-enforced-by-policy',
  title: 'Privileged API access requires recent MFA (aws:MultiFactorAuthAge / aws:MultiFactorAuthPresent)',
  description:
    'An MFA device on a user protects the console sign-in only. Unless the policies that grant dangerous actions also require MFA in the request, a leaked access key or a hijacked session without MFA can use them. Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent at all, so a Deny on "false" does not stop them.',
  severity: 'high',
  guideIds: ['account.mfa-enforced-by-policy'],
  needs: ['iam.credentialReport', 'iam.users', 'iam.groups', 'iam.policies'],
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  sources: ['aws'],
  remediation: {
    text: 'Grant privileged actions only under an MFA condition: a Condition {"Bool": {"aws:MultiFactorAuthPresent": "true"}} or {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}} on the Allow, or a Deny with {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}} (IfExists, so keys without MFA are denied too). Automation should use roles, not user keys.',
    cli: 'aws iam put-group-policy --group-name Admins --policy-name require-mfa --policy-document \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyWithoutMfa","Effect":"Deny","NotAction":["iam:ChangePassword","iam:GetUser","iam:ListMFADevices","iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}\'',
    cloudformation:
      'RequireMfa:\n  Type: AWS::IAM::Policy\n  Properties:\n    PolicyName: require-mfa\n    Groups: [!Ref Admins]\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: DenyWithoutMfa\n          Effect: Deny\n          NotAction: [iam:ChangePassword, iam:GetUser, iam:ListMFADevices, iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:ResyncMFADevice, sts:GetSessionToken]\n          Resource: "*"\n          Condition:\n            BoolIfExists:\n              aws:MultiFactorAuthPresent: "false"',
    terraform:
      'data "aws_iam_policy_document" "require_mfa" {\n  statement {\n    sid         = "DenyWithoutMfa"\n    effect      = "Deny"\n    not_actions = ["iam:ChangePassword", "iam:GetUser", "iam:ListMFADevices", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "sts:GetSessionToken"]\n    resources   = ["*"]\n    condition {\n      test     = "BoolIfExists"\n      variable = "aws:MultiFactorAuthPresent"\n      values   = ["false"]\n    }\n  }\n}\nresource "aws_iam_group_policy" "require_mfa" {\n  group  = aws_iam_group.admins.name\n  policy = data.aws_iam_policy_document.require_mfa.json\n}',
  },
  messages: {
    noMfa: 'IAM user {{user}} ({{access}}) can call {{actions}} without MFA, through {{policies}}.',
    stale: 'IAM user {{user}} can call {{actions}} with an MFA sign-in older than {{max}} s: the aws:MultiFactorAuthAge limit in {{policies}} is looser than the configured limit.',
    enforced: 'IAM user {{user}} can call {{count}} privileged action(s) ({{actions}}) only with MFA.',
    notPrivileged: 'IAM user {{user}} can call none of the {{count}} privileged actions checked.',
    undecided: 'Could not decide whether IAM user {{user}} can call {{actions}} without MFA: {{why}}.',
    notInIam: 'IAM user {{user}} is in the credential report but its policies could not be read.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const report = inventory.iam.credentialReport;
    if (report.state !== 'ok') return [missing(accountResource(inventory), report, 'the IAM credential report')];
    const users = inventory.iam.users;
    if (users.state !== 'ok' && users.state !== 'absent') return [missing(accountResource(inventory), users, 'the IAM users and their policies')];
    // Only people who can sign in or sign requests: the report says who has a password or an active key.
    const withAccess = report.value.filter((r) => r.user !== ROOT_USER && (r.passwordEnabled || r.accessKey1Active || r.accessKey2Active));
    if (withAccess.length === 0) return [];

    const pv = policyView(inventory);
    const per = new Map<string, PerUser>(withAccess.map((r) => [r.arn, { noMfa: [], stale: [], enforced: [], undecided: [] }]));
    for (const action of options.privilegedActions) {
      const withMfa = new Map(pv.who({ action, mfa: true }).map((x) => [x.principal, x]));
      const atLimit = new Map(pv.who({ action, mfa: true, mfaAgeSeconds: options.maxMfaAgeSeconds + 1 }).map((x) => [x.principal, x]));
      const ancient = new Map(pv.who({ action, mfa: true, mfaAgeSeconds: ANCIENT_MFA }).map((x) => [x.principal, x]));
      const noMfa = new Map(pv.who({ action, mfa: false }).map((x) => [x.principal, x]));
      for (const row of withAccess) {
        const u = per.get(row.arn)!;
        // Only the ways this user can lack MFA: a console session without it, or its access keys.
        const w = noMfa.get(row.arn)?.decisions;
        const without = [row.passwordEnabled && w?.withoutMfaSession, (row.accessKey1Active || row.accessKey2Active) && w?.withAccessKeys].filter((d) => !!d);
        const allowed = without.find((d) => d.decision === 'allow');
        if (allowed) {
          u.noMfa.push({ action, via: viaOfDecision(allowed) });
          continue;
        }
        const open = without.find((d) => d.decision === 'undecided');
        if (open) {
          u.undecided.push({ action, why: open.undecidedBecause ?? [] });
          continue;
        }
        const r = withMfa.get(row.arn);
        if (r?.allowedWithMfa === 'undecided') u.undecided.push({ action, why: r.undecidedBecause ?? [] });
        if (r?.allowedWithMfa !== true) continue;
        // Allowed just after an MFA sign-in. Still allowed past the limit but not forever: an
        // aws:MultiFactorAuthAge bound looser than ours. Allowed forever: aws:MultiFactorAuthPresent, accepted.
        const late = atLimit.get(row.arn);
        const never = ancient.get(row.arn)?.allowedWithMfa;
        if (late?.allowedWithMfa === true && never !== true) u.stale.push({ action, via: late.via });
        else if (late?.allowedWithMfa === 'undecided') u.undecided.push({ action, why: late.undecidedBecause ?? ['the MFA age condition could not be evaluated'] });
        else u.enforced.push(action);
      }
    }

    const known = new Set(pv.view.users.map((u) => u.arn));
    const out: CheckResult[] = [];
    for (const row of withAccess) {
      const resource = principalResource(row.arn);
      const user = row.user;
      if (!known.has(row.arn)) {
        out.push({ status: 'unknown', resource, message: 'notInIam', data: { user } });
        continue;
      }
      const u = per.get(row.arn)!;
      const access = [row.passwordEnabled && 'console password', (row.accessKey1Active || row.accessKey2Active) && 'access key'].filter(Boolean).join(' and ');
      const actions = (xs: Array<{ action: string }>) => listText(xs.map((x) => x.action));
      const policies = (xs: Array<{ via: WhoCanVia[] }>) => viaText(xs.flatMap((x) => x.via));
      if (u.noMfa.length > 0) out.push({ status: 'fail', resource, message: 'noMfa', data: { user, access, actions: actions(u.noMfa), policies: policies(u.noMfa) }, evidence: { actions: u.noMfa.map((x) => x.action) } });
      else if (u.stale.length > 0) out.push({ status: 'fail', resource, message: 'stale', data: { user, actions: actions(u.stale), max: options.maxMfaAgeSeconds, policies: policies(u.stale) }, severity: 'medium' });
      else if (u.undecided.length > 0) out.push({ status: 'unknown', resource, message: 'undecided', data: { user, actions: actions(u.undecided), why: [...new Set(u.undecided.flatMap((x) => x.why))].join('; ') || 'the engine could not decide' } });
      else if (u.enforced.length > 0) out.push({ status: 'pass', resource, message: 'enforced', data: { user, count: u.enforced.length, actions: listText(u.enforced) } });
      else out.push({ status: 'pass', resource, message: 'notPrivileged', data: { user, count: options.privilegedActions.length } });
    }
    return out;
  },
});
