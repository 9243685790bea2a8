/**
 * The caller of a request, and how a Principal / NotPrincipal element names it
 * ("AWS JSON policy elements: Principal", "NotPrincipal"; "Policy evaluation logic": the kind of
 * principal a resource policy names decides whether boundaries and identity policies still limit it).
 */
import type { PrincipalList, PrincipalValue, RequestPrincipal } from './types.js';

/** How a Principal element matched the caller. */
export type PrincipalMatch =
  | 'wildcard' // "*": everyone, the caller's session included
  | 'account' // the caller's account (id or root ARN): delegated to the account's own policies
  | 'user-arn'
  | 'role-arn'
  | 'session-arn' // an assumed-role or federated-user session ARN
  | 'service'
  | 'federated';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(arn: string): ArnParts | undefined {
  const m = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s.exec(arn);
  if (!m) return undefined;
  return { partition: m[1] ?? '', service: m[2] ?? '', region: m[3] ?? '', account: m[4] ?? '', resource: m[5] ?? '' };
}

/** A caller built from an ARN ("anonymous" and service names such as "ec2.amazonaws.com" work too). */
export function principalFromArn(arn: string, roleArn?: string): RequestPrincipal {
  if (arn === 'anonymous' || arn === '*') return { type: 'anonymous' };
  if (!arn.startsWith('arn:') && arn.endsWith('.amazonaws.com')) return { type: 'service', service: arn };
  return roleArn ? { type: 'iam', arn, roleArn } : { type: 'iam', arn };
}

/** Everything we can say about an IAM caller, derived from its ARN. */
export interface CallerFacts {
  account?: string;
  partition: string;
  kind: 'user' | 'role' | 'assumed-role' | 'root' | 'federated-user' | 'other';
  /** The IAM user or role ARN (for a session: its role, when known). */
  entityArn?: string;
  /** The session ARN (assumed-role or federated-user). */
  sessionArn?: string;
  /** The friendly name (aws:username for users). */
  name?: string;
}

// Facts are asked for several times per request, and who-can asks for each principal several
// times: remember them by ARN (they depend on nothing else).
const factsCache = new Map<string, CallerFacts>();

// The same caller object is asked about many times in a row (once per decision step): remember the last.
let lastCaller: RequestPrincipal | undefined;
let lastFacts: CallerFacts | undefined;

export function callerFacts(p: RequestPrincipal): CallerFacts | undefined {
  if (p.type !== 'iam') return undefined;
  if (p === lastCaller) return lastFacts;
  const key = p.roleArn ? `${p.arn} ${p.roleArn}` : p.arn;
  let f = factsCache.get(key);
  if (!f) {
    if (factsCache.size >= 100_000) factsCache.clear();
    factsCache.set(key, (f = computeFacts(p)));
  }
  lastCaller = p;
  lastFacts = f;
  return f;
}

function computeFacts(p: Extract<RequestPrincipal, { type: 'iam' }>): CallerFacts {
  const a = parseArn(p.arn);
  if (!a) return { partition: 'aws', kind: 'other' };
  const base = { account: a.account, partition: a.partition };
  const res = a.resource;
  if (a.service === 'iam' && res === 'root') return { ...base, kind: 'root', entityArn: p.arn };
  if (a.service === 'iam' && res.startsWith('user/'))
    return { ...base, kind: 'user', entityArn: p.arn, name: res.slice(res.lastIndexOf('/') + 1) };
  if (a.service === 'iam' && res.startsWith('role/'))
    return { ...base, kind: 'role', entityArn: p.arn, name: res.slice(res.lastIndexOf('/') + 1) };
  if (a.service === 'sts' && res.startsWith('assumed-role/')) {
    const [, roleName] = res.split('/');
    const entityArn = p.roleArn ?? `arn:${a.partition}:iam::${a.account}:role/${roleName ?? ''}`;
    return { ...base, kind: 'assumed-role', entityArn, sessionArn: p.arn, name: roleName };
  }
  if (a.service === 'sts' && res.startsWith('federated-user/'))
    return { ...base, kind: 'federated-user', sessionArn: p.arn, name: res.slice('federated-user/'.length) };
  return { ...base, kind: 'other', entityArn: p.arn };
}

export function callerAccount(p: RequestPrincipal): string | undefined {
  return callerFacts(p)?.account;
}

const ACCOUNT_ID = /^\d{12}$/;

/** How one Principal value names the caller, or undefined when it does not. */
export function matchPrincipalValue(v: PrincipalValue, p: RequestPrincipal): PrincipalMatch | undefined {
  if (v.type === 'any') return 'wildcard';
  if (v.type === 'service') return p.type === 'service' && p.service.toLowerCase() === v.value.toLowerCase() ? 'service' : undefined;
  if (v.type === 'federated') return p.type === 'federated' && p.provider === v.value ? 'federated' : undefined;
  if (v.type === 'canonical') return undefined; // canonical user ids never describe an IAM caller we model
  const facts = callerFacts(p);
  if (!facts) return undefined;
  const value = v.value;
  if (ACCOUNT_ID.test(value)) return value === facts.account ? 'account' : undefined;
  const a = parseArn(value);
  if (!a) return undefined; // a unique id (AIDA.../AROA...): its principal was deleted, it names no one
  if (a.service === 'iam' && a.resource === 'root') return a.account === facts.account ? 'account' : undefined;
  if (facts.sessionArn && value === facts.sessionArn) return 'session-arn';
  if (facts.entityArn && value === facts.entityArn) {
    if (facts.kind === 'user') return 'user-arn';
    if (facts.kind === 'role' || facts.kind === 'assumed-role') return 'role-arn';
    return 'account';
  }
  return undefined;
}

/** The strongest way a list names the caller: a direct name beats the account. */
export function matchPrincipalList(list: PrincipalList, p: RequestPrincipal): PrincipalMatch | undefined {
  let best: PrincipalMatch | undefined;
  for (const v of list.values) {
    const m = matchPrincipalValue(v, p);
    if (!m) continue;
    if (m !== 'account') return m;
    best = m;
  }
  return best;
}

/**
 * NotPrincipal: the statement applies to everyone the list does not name. AWS may check the
 * account, then the role, then the session ("AWS JSON policy elements: NotPrincipal"), so with
 * Deny a caller escapes only when every level is listed; a partial list "might" deny: undecided.
 */
export function notPrincipalApplies(
  list: PrincipalList,
  p: RequestPrincipal,
  effect: 'Allow' | 'Deny',
): { applies: boolean | 'unknown'; because?: string } {
  const matches = list.values.map((v) => matchPrincipalValue(v, p)).filter((m): m is PrincipalMatch => !!m);
  if (matches.length === 0) return { applies: true };
  if (matches.includes('wildcard')) return { applies: false };
  if (effect === 'Allow') return { applies: false };
  const facts = callerFacts(p);
  const needed: PrincipalMatch[] = ['account'];
  if (facts?.kind === 'user') needed.push('user-arn');
  if (facts?.kind === 'role' || facts?.kind === 'assumed-role') needed.push('role-arn');
  if (facts?.kind === 'assumed-role' || facts?.kind === 'federated-user') needed.push('session-arn');
  // The caller's own ARN (its most specific level) not listed: the Deny applies at that level.
  if (!matches.includes(needed[needed.length - 1] as PrincipalMatch)) return { applies: true };
  if (needed.every((n) => matches.includes(n))) return { applies: false };
  return {
    applies: 'unknown',
    because: `NotPrincipal names the caller but not all of ${needed.join(', ')}: AWS documents that such a Deny might still apply`,
  };
}
