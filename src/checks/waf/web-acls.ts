import { GLOBAL_REGION, type Inventory, type WebAcl } from '../../inventory/index.js';
import { accountResource, forEachRegional, missing, type MISSING } from '../helpers.js';
import type { CheckResult, ResourceRef } from '../types.js';

/** A web ACL as a resource: CLOUDFRONT-scope ACLs serve a global service. */
export function webAclResource(acl: WebAcl, region: string): ResourceRef {
  return {
    id: acl.arn,
    type: 'AWS::WAFv2::WebACL',
    region: acl.scope === 'CLOUDFRONT' ? GLOBAL_REGION : region,
    ...(acl.location ? { location: acl.location } : {}),
    ...(acl.condition ? { condition: acl.condition } : {}),
  };
}

/** Every web ACL: the regional ones region by region, then the CloudFront-scope ones (wafGlobal). */
export function forEachWebAcl<M extends string>(
  inv: Inventory,
  each: (acl: WebAcl, region: string) => CheckResult<M>[],
): CheckResult<M | typeof MISSING>[] {
  const out: CheckResult<M | typeof MISSING>[] = forEachRegional(inv, (r) => r.wafv2.webAcls, 'the regional WAF web ACLs', each);
  const global = inv.wafGlobal.webAcls;
  if (global.state === 'ok') for (const acl of global.value) out.push(...each(acl, GLOBAL_REGION));
  else if (global.state !== 'absent') out.push(missing(accountResource(inv), global, 'the CloudFront-scope WAF web ACLs'));
  return out;
}
