/**
 * "Is this resource policy public?" after Amazon S3's published rule (S3 User Guide, "Blocking
 * public access to your Amazon S3 storage", "The meaning of public"): a policy is public unless
 * every Allow grants only to fixed values (no wildcard, no policy variable) of a principal or of
 * one of aws:SourceIp, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner,
 * aws:SourceAccount, s3:x-amz-server-side-encryption-aws-kms-key-id, aws:userid,
 * s3:DataAccessPointArn, s3:DataAccessPointAccount (and, for principals, aws:PrincipalOrgID and
 * the other aws:Principal* keys). aws:SourceIp ranges broader than /8 (IPv4) or /32 (IPv6) are
 * public. Web-identity federated principals (e.g. graph.facebook.com) are public.
 *
 * Beyond S3's letter, a public Allow is also neutralised by a Deny for everyone that covers it
 * and whose only conditions are negated tests of such keys (the "deny unless from my VPC
 * endpoint" pattern): requests from elsewhere are denied. The reasons say so when it happens.
 */
import { isPolicyParseError } from './errors.js';
import { parseCidr } from './ip.js';
import { NEGATED } from './operators.js';
import { parsePolicy } from './parse.js';
import { parseArn } from './principal.js';
import type { ParsedCondition, ParsedPolicy, ParsedStatement, PatternList, PolicySource } from './types.js';

const RESTRICTING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgpaths',
]);

const POSITIVE_RESTRICTING_OPS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);

export interface PolicyStatementRef {
  index: number;
  sid?: string;
}

export interface PublicStatement extends PolicyStatementRef {
  /** The Action (or "NotAction: ...") values as written. */
  actions: string[];
  /** Why this statement makes the policy public. */
  why: string[];
}

export interface PublicResult {
  public: boolean | 'undecided';
  /** The Allow statements that make it public. */
  statements: PublicStatement[];
  reasons: string[];
}

export interface PublicOptions {
  ownerAccount: string;
  /** An access point policy: s3:DataAccessPointArn with a wildcard is then public (S3: "Access points"). */
  accessPoint?: boolean;
}

function toPolicy(doc: unknown, name: string): ParsedPolicy | string {
  if (typeof doc === 'object' && doc !== null && 'statements' in doc && 'source' in doc) return doc as ParsedPolicy;
  const source: PolicySource = { type: 'resource', name };
  const p = parsePolicy(doc, source);
  return isPolicyParseError(p) ? p.message : p;
}

const ref = (st: ParsedStatement): PolicyStatementRef => (st.sid ? { index: st.index, sid: st.sid } : { index: st.index });
const listText = (l: PatternList): string[] => l.patterns.map((p) => (l.negated ? `NotAction: ${p.raw}` : p.raw));
const hasWildcard = (v: string): boolean => /[*?]/.test(v);
const hasVariable = (v: string): boolean => v.includes('${');

/** Why a principal is open to anyone, or undefined when it names fixed principals only. */
function openPrincipal(st: ParsedStatement): string | undefined {
  const pl = st.principals;
  if (!pl) return 'the statement has no Principal';
  if (pl.negated) return 'NotPrincipal with Allow grants everyone not listed';
  for (const v of pl.values) {
    if (v.type === 'any') return 'Principal "*" (everyone, anonymous callers included)';
    if (v.type === 'aws' && hasWildcard(v.value)) return `Principal ${v.value} contains a wildcard`;
    if (v.type === 'federated' && !v.value.startsWith('arn:')) return `Principal {"Federated": "${v.value}"}: anyone with such a web identity`;
  }
  return undefined;
}

/** Is this condition a fixed-value restriction in S3's sense? Returns a sentence either way. */
function restriction(c: ParsedCondition, accessPoint: boolean): { restricts: boolean; note: string } {
  const key = c.key;
  if (!RESTRICTING_KEYS.has(c.keyLower)) return { restricts: false, note: `${c.operator} on ${key}: not a key that makes a policy non-public` };
  if (c.ifExists) return { restricts: false, note: `${c.operator} on ${key}: IfExists is true when the key is missing` };
  if (c.setOperator === 'ForAllValues') return { restricts: false, note: `${c.operator} on ${key}: ForAllValues is true when the key is missing` };
  if (NEGATED.has(c.base)) return { restricts: false, note: `${c.operator} on ${key}: a negated operator does not restrict who gets access` };
  if (!POSITIVE_RESTRICTING_OPS.has(c.base)) return { restricts: false, note: `${c.operator} on ${key}: this operator does not fix the value` };
  if (c.values.length === 0) return { restricts: false, note: `${c.operator} on ${key}: no values` };
  if (c.keyLower === 'aws:sourceip') {
    if (c.base !== 'IpAddress') return { restricts: false, note: `${c.operator} on aws:SourceIp: only IpAddress restricts` };
    for (const v of c.values) {
      const r = parseCidr(v);
      if (!r) return { restricts: false, note: `aws:SourceIp ${v} is no CIDR` };
      const v4 = r.addr.kind() === 'ipv4';
      // S3: ranges broader than /8 (IPv4) or /32 (IPv6) are public.
      if ((v4 && r.bits < 8) || (!v4 && r.bits < 32))
        return { restricts: false, note: `aws:SourceIp ${v} is broader than /${v4 ? 8 : 32}: S3 counts it as public` };
    }
    return { restricts: true, note: `aws:SourceIp limited to ${c.values.join(', ')}` };
  }
  if (c.base === 'IpAddress') return { restricts: false, note: `${c.operator} on ${key}` };
  for (const v of c.values) {
    if (hasVariable(v)) return { restricts: false, note: `${key} ${v} uses a policy variable: not a fixed value` };
    if (!hasWildcard(v)) continue;
    if (c.keyLower === 's3:dataaccesspointarn' && !accessPoint) {
      // A bucket policy may leave the access point name open as long as the account is fixed.
      const a = parseArn(v);
      if (a && /^\d{12}$/.test(a.account) && !hasWildcard(`${a.partition}:${a.service}:${a.region}`)) continue;
    }
    if (c.keyLower === 'aws:principalorgpaths' && /^o-[a-z0-9]+\//.test(v)) continue; // the organisation is fixed
    return { restricts: false, note: `${key} ${v} contains a wildcard: not a fixed value` };
  }
  return { restricts: true, note: `${key} fixed to ${c.values.join(', ')}` };
}

/** Does pattern list `outer` contain every string `inner` can match? (Simple, conservative cases.) */
function covers(outer: PatternList | undefined, inner: PatternList | undefined, ci: boolean): boolean {
  const allStar = (s: string): boolean => /^\*+$/.test(s);
  if (!outer) return true; // no Resource element: the policy's own resource
  if (outer.negated) return false;
  if (outer.patterns.some((p) => allStar(p.raw))) return true;
  if (!inner || inner.negated) return false;
  const norm = (s: string): string => (ci ? s.toLowerCase() : s);
  return inner.patterns.every((ip) =>
    outer.patterns.some((op) => {
      const o = norm(op.raw);
      const i = norm(ip.raw);
      if (o === i) return true;
      const star = o.indexOf('*');
      return star === o.length - 1 && !/[?]/.test(o) && i.startsWith(o.slice(0, -1));
    }),
  );
}

function neutralisedBy(allow: ParsedStatement, denies: ParsedStatement[], accessPoint: boolean): string | undefined {
  for (const d of denies) {
    const everyone = d.principals && !d.principals.negated && d.principals.values.some((v) => v.type === 'any');
    if (!everyone) continue;
    if (!covers(d.actions, allow.actions, true) || !covers(d.resources, allow.resources, false)) continue;
    const notes: string[] = [];
    const ok = d.conditions.every((c) => {
      if (!NEGATED.has(c.base) || c.setOperator) return false;
      const positive = restriction({ ...c, base: c.base === 'NotIpAddress' ? 'IpAddress' : 'StringEquals', ifExists: false }, accessPoint);
      notes.push(positive.note);
      return positive.restricts;
    });
    if (ok) return `statement ${d.index}${d.sid ? ` (${d.sid})` : ''} denies everyone else${notes.length ? ` (${notes.join('; ')})` : ''}`;
  }
  return undefined;
}

/** Is the resource policy public in S3's sense? 'undecided' when it cannot be read. */
export function isPolicyPublic(doc: unknown, opts: PublicOptions): PublicResult {
  const policy = toPolicy(doc, 'resource policy');
  if (typeof policy === 'string') return { public: 'undecided', statements: [], reasons: [`cannot read the policy: ${policy}`] };
  const accessPoint = !!opts.accessPoint;
  const denies = policy.statements.filter((s) => s.effect === 'Deny');
  const statements: PublicStatement[] = [];
  const reasons: string[] = [];
  for (const st of policy.statements) {
    if (st.effect !== 'Allow') continue;
    const open = openPrincipal(st);
    const label = `statement ${st.index}${st.sid ? ` (${st.sid})` : ''}`;
    if (!open) {
      reasons.push(`${label} grants fixed principals only`);
      continue;
    }
    const notes = st.conditions.map((c) => restriction(c, accessPoint));
    const fixed = notes.find((n) => n.restricts);
    if (fixed) {
      reasons.push(`${label}: ${open}, but restricted: ${fixed.note}`);
      continue;
    }
    const neutral = neutralisedBy(st, denies, accessPoint);
    if (neutral) {
      reasons.push(`${label}: ${open}, but ${neutral}`);
      continue;
    }
    const why = [open, ...notes.map((n) => n.note)];
    if (!st.conditions.length) why.push('no Condition limits it');
    statements.push({ ...ref(st), actions: listText(st.actions), why });
    reasons.push(`${label} is public: ${why.join('; ')}`);
  }
  if (!policy.statements.some((s) => s.effect === 'Allow')) reasons.push('the policy grants nothing (no Allow statement)');
  return { public: statements.length > 0, statements, reasons };
}

export interface CrossAccountGrant {
  account: string;
  /** The Action (or "NotAction: ...") values of the statement. */
  actions: string[];
  statement: PolicyStatementRef;
  /** The principals (or condition values) that name the account. */
  principals: string[];
  /** 'principal': named in Principal; 'condition': Principal "*" narrowed to the account by a fixed condition. */
  through: 'principal' | 'condition';
  /** The statement has conditions: the grant may be narrower than it looks. */
  conditional: boolean;
}

const ACCOUNT = /^\d{12}$/;
const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount', 'aws:sourceowner', 'aws:principalarn', 'aws:sourcearn']);

function accountOf(value: string): string | undefined {
  if (ACCOUNT.test(value)) return value;
  const a = parseArn(value);
  return a && ACCOUNT.test(a.account) ? a.account : undefined;
}

/**
 * Other accounts that a resource policy lets in: account ids and ARNs in Principal, or fixed
 * account-pinning conditions on a Principal "*". Returns [] for a policy it cannot read: call
 * isPolicyPublic too, which says 'undecided' for that case.
 */
export function crossAccountGrants(doc: unknown, opts: { ownerAccount: string }): CrossAccountGrant[] {
  const policy = toPolicy(doc, 'resource policy');
  if (typeof policy === 'string') return [];
  const out: CrossAccountGrant[] = [];
  const add = (st: ParsedStatement, account: string, principal: string, through: CrossAccountGrant['through']): void => {
    if (account === opts.ownerAccount) return;
    const existing = out.find((g) => g.account === account && g.statement.index === st.index);
    if (existing) {
      if (!existing.principals.includes(principal)) existing.principals.push(principal);
      return;
    }
    out.push({ account, actions: listText(st.actions), statement: ref(st), principals: [principal], through, conditional: st.conditions.length > 0 });
  };
  for (const st of policy.statements) {
    if (st.effect !== 'Allow' || !st.principals || st.principals.negated) continue;
    let wildcard = false;
    for (const v of st.principals.values) {
      if (v.type === 'any') wildcard = true;
      if (v.type !== 'aws' && v.type !== 'federated') continue;
      const acct = accountOf(v.value);
      if (acct) add(st, acct, v.value, 'principal');
    }
    if (!wildcard) continue;
    for (const c of st.conditions) {
      if (!ACCOUNT_KEYS.has(c.keyLower) || !restriction(c, false).restricts) continue;
      for (const v of c.values) {
        const acct = accountOf(v);
        if (acct) add(st, acct, `${c.key}=${v}`, 'condition');
      }
    }
  }
  return out;
}
