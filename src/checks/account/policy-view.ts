import type { Inventory } from '../../inventory/index.js';
import {
  administratorStatus,
  iamViewFromInventory,
  whoCan,
  type AdministratorStatus,
  type IamView,
  type WhoCanQuery,
  type WhoCanResult,
  type WhoCanVia,
} from '../../policy/index.js';
import type { ResourceRef } from '../types.js';

/**
 * The policy engine's view of one inventory, with administrator verdicts cached: several checks
 * ask the same questions of the same inventory in one scan.
 */
export interface PolicyView {
  view: IamView;
  admin(arn: string): AdministratorStatus['admin'];
  who(q: WhoCanQuery): WhoCanResult[];
}

const cache = new WeakMap<Inventory, PolicyView>();

export function policyView(inv: Inventory): PolicyView {
  const hit = cache.get(inv);
  if (hit) return hit;
  const view = iamViewFromInventory(inv);
  const admins = new Map<string, AdministratorStatus['admin']>();
  const pv: PolicyView = {
    view,
    admin(arn) {
      let a = admins.get(arn);
      if (a === undefined) admins.set(arn, (a = administratorStatus(arn, view).admin));
      return a;
    },
    who: (q) => whoCan(view, q),
  };
  cache.set(inv, pv);
  return pv;
}

/** Users and roles as finding resources. */
export function principalResource(arn: string): ResourceRef {
  return { id: arn, type: arn.includes(':role/') ? 'AWS::IAM::Role' : 'AWS::IAM::User', region: 'global' };
}

/** "User alice" / "Role deploy", for messages. */
export function principalLabel(r: Pick<WhoCanResult, 'kind' | 'name'>): string {
  return `${r.kind === 'role' ? 'role' : 'user'} ${r.name}`;
}

/** The policies that allowed, for messages: "AdministratorAccess (group Admins), deploy (inline)". */
export function viaText(via: WhoCanVia[]): string {
  const names = via.map((v) => {
    if (v.attachedTo === 'resource') return `${v.policy} (resource policy)`;
    const where = v.group ? `group ${v.group}` : v.kind === 'inline' ? 'inline' : 'managed';
    return `${v.policy} (${where})`;
  });
  return [...new Set(names)].join(', ') || 'an unidentified statement';
}

/** "a, b, c and 4 more": keeps messages readable when lists are long. */
export function listText(items: string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Why the view is incomplete (users or roles could not be read), or undefined when it is whole. */
export function viewGap(pv: PolicyView): string | undefined {
  return pv.view.unknownParts?.length ? pv.view.unknownParts.join('; ') : undefined;
}
