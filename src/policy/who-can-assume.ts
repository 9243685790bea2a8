/**
 * Who can assume a role: the principals of the view allowed sts:AssumeRole on it by both its trust
 * policy and their own identity-based policies ("Roles terms and concepts"; "Policy evaluation
 * logic": a role trust policy must allow the caller, and a trust policy that names only the account
 * delegates to the caller's identity-based policies). MFA conditions of either side are evaluated
 * for each way of signing (with MFA, access keys, a session without MFA). A trust policy that
 * cannot be read, or a role the view does not hold, leaves every answer that depends on it undecided.
 */
import type { IamView } from './iam-view.js';
import { loadPolicy } from './load.js';
import { parseArn } from './principal.js';
import { askWhoCan, trustTarget, type WhoCanOptions, type WhoCanResult } from './who-can.js';

export function whoCanAssume(view: IamView, asked: string, options: WhoCanOptions = {}): WhoCanResult[] {
  const arn = parseArn(asked);
  const account = arn && /^\d{12}$/.test(arn.account) ? arn.account : view.accountId;
  // Role names are unique in an account whatever their path: an ARN written without the path finds the role too.
  const name = arn?.resource.slice(arn.resource.lastIndexOf('/') + 1);
  const role =
    view.roles.find((r) => r.arn === asked) ??
    (account === view.accountId ? view.roles.find((r) => r.name === name && r.arn.startsWith(`arn:${arn?.partition ?? 'aws'}:iam::${account}:role/`)) : undefined);
  const roleArn = role?.arn ?? asked;
  const why =
    account !== view.accountId
      ? `role ${roleArn} belongs to account ${account}, whose trust policy this inventory does not hold`
      : !role
        ? `role ${roleArn} is not in the inventory`
        : `the trust policy of ${roleArn} was not collected`;
  const doc = role?.trustPolicy ?? { unknownBecause: why };
  const trust = loadPolicy(doc, { type: 'trust', name: `trust policy of ${role?.name ?? roleArn}`, attachedTo: roleArn });
  return askWhoCan(view, ['sts:AssumeRole'], [trustTarget(roleArn, account, trust)], options)[0]?.results ?? [];
}
