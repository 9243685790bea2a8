import type { SecurityGroupRule } from '../../inventory/index.js';
import type { ComplianceRefs } from '../types.js';
import { spanIncludes, type PortSpan } from './sg-rules.js';

/** CIS 5.2 (0.0.0.0/0) and 5.3 (::/0) name the remote administration ports 22 and 3389, whatever our options say. */
const CIS_ADMIN_PORTS = [22, 3389];

/** The ports Security Hub's EC2.19 calls high risk (its documented list). */
const FSBP_HIGH_RISK_PORTS = [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300];

const includesAny = (span: PortSpan, ports: readonly number[]) => ports.some((p) => spanIncludes(span, p));
const cisFor = (rule: SecurityGroupRule) => (rule.source.kind === 'cidr6' ? '5.3' : '5.2');

function refs(cis: string[], fsbp: string[]): ComplianceRefs {
  return { ...(cis.length > 0 ? { cis } : {}), ...(fsbp.length > 0 ? { fsbp } : {}) };
}

/**
 * The controls one world-open rule beyond the public ports fails: EC2.18 always (an unauthorised
 * port), EC2.19 only for a high-risk port, CIS 5.2/5.3 only for SSH or RDP.
 */
export function failRefs(rule: SecurityGroupRule, span: PortSpan): ComplianceRefs {
  return refs(includesAny(span, CIS_ADMIN_PORTS) ? [cisFor(rule)] : [], ['EC2.18', ...(includesAny(span, FSBP_HIGH_RISK_PORTS) ? ['EC2.19'] : [])]);
}

/**
 * The controls a group that failed nothing passes: all four, minus any its world-open public ports
 * still break (a user may declare 22 or 8080 public; CIS and Security Hub do not).
 */
export function passRefs(world: ReadonlyArray<{ rule: SecurityGroupRule; span: PortSpan }>): ComplianceRefs {
  const admin = world.filter((w) => includesAny(w.span, CIS_ADMIN_PORTS));
  const cis = ['5.2', '5.3'].filter((id) => !admin.some((w) => cisFor(w.rule) === id));
  const highRisk = world.some((w) => includesAny(w.span, FSBP_HIGH_RISK_PORTS));
  return refs(cis, ['EC2.18', ...(highRisk ? [] : ['EC2.19'])]);
}
