import type { SecurityGroup, SecurityGroupRule } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';
import { labelOf, refOf } from './resource-ref.js';

/** The ports a rule opens: every port of every protocol, a TCP/UDP range, or a protocol without ports (ICMP, ESP...). */
export type PortSpan =
  | { kind: 'all' }
  | { kind: 'range'; protocol: 'tcp' | 'udp'; from: number; to: number }
  | { kind: 'portless'; protocol: string };

export const MAX_PORT = 65535;

/** AWS writes protocols as names or IANA numbers; '-1' means all of them. */
export function protocolOf(rule: Pick<SecurityGroupRule, 'protocol'>): string {
  const p = rule.protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === '6') return 'tcp';
  if (p === '17') return 'udp';
  if (p === '1') return 'icmp';
  if (p === '58') return 'icmpv6';
  return p;
}

export function portSpan(rule: SecurityGroupRule): PortSpan {
  const protocol = protocolOf(rule);
  if (protocol === 'all') return { kind: 'all' };
  if (protocol !== 'tcp' && protocol !== 'udp') return { kind: 'portless', protocol };
  const { fromPort, toPort } = rule;
  // Absent or -1 ports on TCP/UDP mean the whole range.
  if (fromPort === undefined || toPort === undefined || fromPort < 0 || toPort < 0) return { kind: 'range', protocol, from: 0, to: MAX_PORT };
  return { kind: 'range', protocol, from: Math.min(fromPort, toPort), to: Math.max(fromPort, toPort) };
}

/** True when the span admits the port (of any protocol). */
export function spanIncludes(span: PortSpan, port: number): boolean {
  return span.kind === 'all' || (span.kind === 'range' && span.from <= port && port <= span.to);
}

export function isAllPorts(span: PortSpan): boolean {
  return span.kind === 'all' || (span.kind === 'range' && span.from <= 0 && span.to >= MAX_PORT);
}

/** "all traffic", "all TCP ports", "TCP port 22", "UDP ports 1000-2000", "protocol 50". */
export function describeSpan(span: PortSpan): string {
  if (span.kind === 'all') return 'all traffic';
  if (span.kind === 'portless') return span.protocol === 'icmp' || span.protocol === 'icmpv6' ? span.protocol.toUpperCase() : `protocol ${span.protocol}`;
  const p = span.protocol.toUpperCase();
  if (isAllPorts(span)) return `all ${p} ports`;
  return span.from === span.to ? `${p} port ${span.from}` : `${p} ports ${span.from}-${span.to}`;
}

export function describeSource(rule: SecurityGroupRule): string {
  const s = rule.source;
  switch (s.kind) {
    case 'cidr4':
    case 'cidr6':
      return s.value;
    case 'prefixList':
      return `prefix list ${s.value}`;
    case 'group':
      return s.account ? `security group ${s.account}/${s.value}` : `security group ${s.value}`;
  }
}

/** A stable key for one rule, used as a result's detail: no counts, no positions. */
export function ruleKey(rule: SecurityGroupRule): string {
  const span = portSpan(rule);
  const ports = span.kind === 'range' ? `${span.protocol}:${span.from}-${span.to}` : span.kind === 'all' ? 'all' : span.protocol;
  return `${ports}<-${rule.source.kind}:${rule.source.value}`;
}

/** A CIDR's prefix length; a bare address is a single host. */
export function prefixLength(cidr: string, family: 4 | 6): number {
  const slash = cidr.lastIndexOf('/');
  if (slash < 0) return family === 4 ? 32 : 128;
  const n = Number(cidr.slice(slash + 1));
  return Number.isInteger(n) ? n : family === 4 ? 32 : 128;
}

/** The whole IPv4 or IPv6 internet: any /0 block (0.0.0.0/0, ::/0 and their spellings). */
export function isWorld(rule: SecurityGroupRule): boolean {
  const s = rule.source;
  if (s.kind === 'cidr4') return prefixLength(s.value, 4) === 0;
  if (s.kind === 'cidr6') return prefixLength(s.value, 6) === 0;
  return false;
}

export function isSelfReference(sg: SecurityGroup, rule: SecurityGroupRule): boolean {
  return rule.source.kind === 'group' && rule.source.value === sg.id && (!rule.source.account || !sg.ownerId || rule.source.account === sg.ownerId);
}

/** Every VPC has one group named "default" that AWS creates and that cannot be deleted. */
export function isDefaultGroup(sg: SecurityGroup): boolean {
  return sg.name === 'default';
}

export function sgLabel(sg: SecurityGroup): string {
  return labelOf(sg.id, undefined, sg.name);
}

export function sgRef(sg: SecurityGroup, region: string): ResourceRef {
  return refOf(sg, sg.arn, 'AWS::EC2::SecurityGroup', region);
}
