import { z } from 'zod';
import { accountOfArn } from '../../inventory/index.js';
import type { WhoCanResult, WhoCanVia } from '../../policy/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource } from '../helpers.js';
import { ActionList } from '../account/privileged-actions.js';
import { listText, policyView, principalLabel, principalResource, roleAssumedOnlyWithMfa, viaText, viewGap } from '../account/policy-view.js';
import { forEachTrail } from './trails.js';

const Options = z.object({
  /** The calls that switch logging off or blind it. */
  actions: ActionList.default(['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors']),
  /** The guide asks for MFA "for highly secure environments"; false accepts administrators without it. */
  requireMfa: z.boolean().default(true),
});

interface Grant {
  r: WhoCanResult;
  actions: Set<string>;
  trails: Set<string>;
  /** Allowed for sure on at least one action (else only undecided). */
  allowed: boolean;
  withoutMfa: boolean;
  undecided: string[];
  via: WhoCanVia[];
}

export default defineCheck({
  id: 'cloudtrail.api-protected',
  title: 'Only administrators can stop, delete or change trails, and only with MFA',
  description:
    "An intruder's first move is to switch logging off: StopLogging, DeleteTrail, or an UpdateTrail / PutEventSelectors that quietly stops recording. Only administrators should hold these calls, and only in a session signed in with MFA.",
  severity: 'high',
  guideIds: ['cloudtrail.api-protected'],
  needs: ['regions.*.cloudtrail.trails', 'iam.users', 'iam.groups', 'iam.roles', 'iam.policies'],
  permissions: ['cloudtrail:DescribeTrails', 'iam:GetAccountAuthorizationDetails'],
  sources: ['aws'],
  remediation: {
    text: 'Remove cloudtrail:StopLogging, DeleteTrail, UpdateTrail and PutEventSelectors from every policy but the administrators\', and deny them without MFA (a Deny with BoolIfExists aws:MultiFactorAuthPresent false). In an organisation, an SCP that denies them to everyone but a break-glass role is stronger still.',
    cli: 'aws iam put-group-policy --group-name Admins --policy-name protect-cloudtrail --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail","cloudtrail:UpdateTrail","cloudtrail:PutEventSelectors"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}\'',
    cloudformation:
      'ProtectCloudTrail:\n  Type: AWS::IAM::Policy\n  Properties:\n    PolicyName: protect-cloudtrail\n    Groups: [!Ref Admins]\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Deny\n          Action: [cloudtrail:StopLogging, cloudtrail:DeleteTrail, cloudtrail:UpdateTrail, cloudtrail:PutEventSelectors]\n          Resource: "*"\n          Condition:\n            BoolIfExists:\n              aws:MultiFactorAuthPresent: "false"',
    terraform:
      'data "aws_iam_policy_document" "protect_cloudtrail" {\n  statement {\n    effect    = "Deny"\n    actions   = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors"]\n    resources = ["*"]\n    condition {\n      test     = "BoolIfExists"\n      variable = "aws:MultiFactorAuthPresent"\n      values   = ["false"]\n    }\n  }\n}',
  },
  messages: {
    notAdmin: 'IAM {{principal}} is not an administrator but can call {{actions}} on {{trails}}, through {{policies}}.',
    adminNoMfa: 'IAM {{principal}} (an administrator) can call {{actions}} on {{trails}} without MFA, through {{policies}}.',
    adminMfa: 'IAM {{principal}} (an administrator) can call {{actions}} on {{trails}} only with MFA.',
    adminAllowed: 'IAM {{principal}} (an administrator) can call {{actions}} on {{trails}}; MFA is not required by this configuration.',
    nobody: 'No IAM user or role of the account can call {{actions}} on its trails.',
    undecided: 'Could not decide whether IAM {{principal}} may call {{actions}} on {{trails}}: {{why}}.',
    incomplete: 'Could not list everyone who can change the trails: {{why}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const pv = policyView(inventory);
    const grants = new Map<string, Grant>();
    const out: CheckResult[] = [];
    let ownTrails = 0;
    // Trails owned by another account (an organisation trail seen from a member) cannot be changed from here.
    out.push(
      ...forEachTrail(inventory, (t) => {
        if (accountOfArn(t.arn) !== inventory.meta.accountId) return [];
        ownTrails++;
        for (const action of options.actions) {
          for (const r of pv.who({ action, resource: t.arn })) {
            const g = grants.get(r.principal) ?? { r, actions: new Set<string>(), trails: new Set<string>(), allowed: false, withoutMfa: false, undecided: [], via: [] };
            if (r.allowedWithMfa === true || r.allowedWithoutMfa === true) {
              g.actions.add(action);
              g.trails.add(t.name);
              g.via.push(...r.via);
              g.allowed = true;
              if (r.allowedWithoutMfa === true) g.withoutMfa = true;
            } else {
              g.undecided.push(...(r.undecidedBecause ?? ['the engine could not decide']));
              g.actions.add(action);
              g.trails.add(t.name);
            }
            grants.set(r.principal, g);
          }
        }
        return [];
      }),
    );
    if (ownTrails === 0) return out;

    const gap = viewGap(pv);
    if (gap) out.push({ status: 'unknown', resource: accountResource(inventory), message: 'incomplete', data: { why: gap } });
    if (grants.size === 0 && !gap) {
      out.push({ status: 'pass', resource: accountResource(inventory), message: 'nobody', data: { actions: options.actions.join(', ') } });
      return out;
    }
    for (const g of [...grants.values()].sort((a, b) => a.r.principal.localeCompare(b.r.principal))) {
      const resource = principalResource(g.r.principal);
      const data = { principal: principalLabel(g.r), actions: listText([...g.actions]), trails: listText([...g.trails].map((n) => `trail ${n}`)), policies: viaText(g.via) };
      const admin = pv.admin(g.r.principal);
      const sure = g.allowed;
      // A role whose trust policy admits callers only with MFA has MFA in every session.
      if (g.withoutMfa && g.r.kind === 'role' && roleAssumedOnlyWithMfa(inventory, g.r.principal)) g.withoutMfa = false;
      if (sure && admin === false) out.push({ status: 'fail', resource, message: 'notAdmin', data });
      else if (!sure || admin === 'undecided' || (g.undecided.length > 0 && !g.withoutMfa)) out.push({ status: 'unknown', resource, message: 'undecided', data: { ...data, why: [...new Set(g.undecided)].join('; ') || 'its administrator status could not be decided' } });
      else if (!g.withoutMfa) out.push({ status: 'pass', resource, message: 'adminMfa', data });
      else if (!options.requireMfa) out.push({ status: 'pass', resource, message: 'adminAllowed', data });
      else out.push({ status: 'fail', resource, message: 'adminNoMfa', data, severity: 'medium' });
    }
    return out;
  },
});
