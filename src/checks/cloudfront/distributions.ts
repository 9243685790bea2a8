import { GLOBAL_REGION, type Distribution, type Inventory } from '../../inventory/index.js';
import { accountResource, missing, type MISSING } from '../helpers.js';
import type { CheckResult, ResourceRef } from '../types.js';

/** A distribution as the resource of a result: CloudFront is global. */
export function distributionResource(d: Distribution): ResourceRef {
  return {
    id: d.arn,
    type: 'AWS::CloudFront::Distribution',
    region: GLOBAL_REGION,
    ...(d.location ? { location: d.location } : {}),
    ...(d.condition ? { condition: d.condition } : {}),
  };
}

/** How a distribution is named in messages: its first alias says more than its id. */
export function distributionName(d: Distribution): string {
  return d.aliases.length > 0 ? `${d.id} (${d.aliases[0]})` : d.id;
}

/** Every cache behaviour: the default one first. */
export function behaviorsOf(d: Distribution): Distribution['defaultCacheBehavior'][] {
  return [d.defaultCacheBehavior, ...d.cacheBehaviors];
}

/** A behaviour as a reader finds it in the console. */
export function behaviorLabel(pathPattern: string): string {
  return pathPattern === '*' ? 'the default behaviour (*)' : pathPattern;
}

/**
 * Runs `each` over the distributions, or gives one `unknown` for the account when the list could not
 * be read. `absent` never happens for a list; it would mean none.
 */
export function forEachDistribution<M extends string>(
  inv: Inventory,
  each: (d: Distribution) => CheckResult<M>[],
): CheckResult<M | typeof MISSING>[] {
  const list = inv.cloudfront.distributions;
  if (list.state === 'ok') return list.value.flatMap(each);
  if (list.state === 'absent') return [];
  return [missing(accountResource(inv), list, 'the CloudFront distributions')];
}
