import { selectChecks } from '../../checks/index.js';
import type { AnyCheck } from '../../checks/types.js';
import { COLLECTORS, DISCOVERY_COMMANDS, SERVICES } from './collectors/index.js';

/** Inventory keys (the first segment of a check's `needs`) → the --services name that fills them. */
const GLOBAL_KEYS: Record<string, string> = {
  account: 'account',
  iam: 'iam',
  s3: 's3',
  cloudfront: 'cloudfront',
  wafGlobal: 'wafv2',
  route53: 'route53',
};
const REGIONAL_KEYS: Record<string, string> = {
  ec2: 'ec2',
  rds: 'rds',
  cloudtrail: 'cloudtrail',
  cloudwatch: 'cloudwatch',
  elb: 'elb',
  wafv2: 'wafv2',
  inspector: 'inspector',
  guardduty: 'guardduty',
  networkFirewall: 'network-firewall',
  sns: 'sns',
  kms: 'kms',
};

/** The services a check's `needs` ('iam.credentialReport', 'regions.*.ec2.securityGroups') draw on. */
export function servicesForChecks(checks: readonly AnyCheck[]): string[] {
  const out = new Set<string>();
  for (const c of checks) {
    for (const need of c.needs) {
      const [head, , regional] = need.split('.');
      const s = head === 'regions' ? REGIONAL_KEYS[regional ?? ''] : GLOBAL_KEYS[head ?? ''];
      if (s) out.add(s);
    }
  }
  return SERVICES.filter((s) => out.has(s));
}

/** Every IAM action a collector of these services can need. */
function collectorActions(services: readonly string[]): string[] {
  return COLLECTORS.filter((c) => services.includes(c.service)).flatMap((c) => [...c.commands.values(), ...(c.dependentActions ?? [])]);
}

/**
 * The read-only IAM actions a scan needs: for the selected checks (ids, globs or guide ids), their
 * declared permissions plus every call of the collectors that fill what they need; with no
 * selection, every collector's calls. Discovery (who am I, which regions) is always included.
 */
export function requiredActions(checkIds?: string[]): string[] {
  const actions = new Set<string>(DISCOVERY_COMMANDS.values());
  if (!checkIds?.length) {
    for (const a of collectorActions(SERVICES)) actions.add(a);
  } else {
    const checks = selectChecks(checkIds);
    for (const c of checks) for (const p of c.permissions) actions.add(p);
    for (const a of collectorActions(servicesForChecks(checks))) actions.add(a);
  }
  return [...actions].sort();
}

/** An identity policy document granting exactly these actions. */
export function iamPolicy(actions: readonly string[]): { Version: string; Statement: Array<Record<string, unknown>> } {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'RampartReadOnlyAudit', Effect: 'Allow', Action: [...actions], Resource: '*' }],
  };
}
