/**
 * Public types of the policy engine. The engine follows AWS's documented evaluation logic
 * (IAM User Guide, "Policy evaluation logic"); every answer can be 'undecided' when the data
 * given cannot settle it, so that checks can report `unknown` instead of guessing.
 */
import type { Pattern } from './wildcard.js';

/** What kind of policy a document is; it decides which elements are allowed and how it counts. */
export type PolicyType =
  | 'identity' // attached to a user, group or role (managed or inline)
  | 'resource' // bucket policy, queue policy, key policy...
  | 'trust' // a role's assume-role policy (a resource policy that must name the principal)
  | 'boundary' // a permissions boundary
  | 'scp' // an AWS Organizations service control policy
  | 'rcp' // an AWS Organizations resource control policy
  | 'session'; // a session policy passed to AssumeRole / GetFederationToken

/** Where a policy comes from: shown in every trace so a reader can find the statement. */
export interface PolicySource {
  type: PolicyType;
  /** A human name: the managed policy name, the inline policy name, "bucket policy of X"... */
  name: string;
  arn?: string;
  /** managed or inline (identity policies). */
  kind?: 'managed' | 'inline';
  /** What it is attached to (user, group or role ARN, bucket name...). */
  attachedTo?: string;
  /** Set when an identity policy reaches a user through a group. */
  group?: string;
}

export type PolicyVersion = '2008-10-17' | '2012-10-17';

/** Action / Resource element after parsing; `negated` is true for NotAction / NotResource. */
export interface PatternList {
  negated: boolean;
  patterns: Pattern[];
}

/** One value of a Principal / NotPrincipal element. */
export type PrincipalValue =
  | { type: 'any' } // "*" or {"AWS": "*"}
  | { type: 'aws'; value: string } // account id, root ARN, user/role/session ARN (or a unique id)
  | { type: 'service'; value: string }
  | { type: 'federated'; value: string }
  | { type: 'canonical'; value: string };

export interface PrincipalList {
  negated: boolean;
  values: PrincipalValue[];
}

/** The operator families of the IAM condition language. */
export type OperatorBase =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike'
  | 'Null';

export interface ParsedCondition {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  operator: string;
  base: OperatorBase;
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  /** The key as written ... */
  key: string;
  /** ... and lower-cased: condition key names are case-insensitive. */
  keyLower: string;
  /** Policy values as strings (numbers and booleans in JSON are read as their text). */
  values: string[];
}

export interface ParsedStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions: PatternList;
  /** Absent when the statement has neither Resource nor NotResource (trust policies, some resource policies). */
  resources?: PatternList;
  principals?: PrincipalList;
  conditions: ParsedCondition[];
  /** True when the statement uses policy variables or principal-specific condition keys (no caching across principals). */
  principalDependent: boolean;
}

export interface ParsedPolicy {
  source: PolicySource;
  version: PolicyVersion;
  /** True when the Version element was missing (AWS then applies 2008-10-17 rules: no variables). */
  versionMissing: boolean;
  id?: string;
  statements: ParsedStatement[];
  /** Things that are legal but worth telling (e.g. NotPrincipal with Allow). */
  warnings: string[];
}

/** A value the caller does not know: evaluation that depends on it ends 'undecided'. */
export interface UnknownValue {
  unknownBecause: string;
}

/** A policy that could not be read (failed API call, deploy-time value). */
export interface UnknownPolicy {
  source: PolicySource;
  unknownBecause: string;
}

export type ContextScalar = string | number | boolean;
/** A request context value: scalar, multi-valued key, or unknown. */
export type ContextValue = ContextScalar | ContextScalar[] | UnknownValue;

/** The caller. Build it from an ARN with `principalFromArn`. */
export type RequestPrincipal =
  | {
      type: 'iam';
      /** The user, role, root, assumed-role session or federated-user ARN. */
      arn: string;
      /** For an assumed-role session: the role's full ARN (with path), when known. */
      roleArn?: string;
    }
  | { type: 'service'; service: string }
  | { type: 'federated'; provider: string }
  | { type: 'anonymous' };

export interface Request {
  principal: RequestPrincipal;
  /** "service:Action". With `wildcards: 'cover'`, "*" or "iam:*" ask about every action. */
  action: string;
  /** The resource ARN. Omitted: the literal "*" (a resource no specific statement names), like the policy simulator. */
  resource?: string;
  /** The account that owns the resource; omitted: the principal's account (a same-account request). */
  resourceAccount?: string;
  /** Context keys (case-insensitive names). */
  context?: Record<string, ContextValue>;
  /**
   * What a key that `context` does not mention means: 'absent' (AWS's meaning: the request does
   * not carry it; the default) or 'unknown' (we cannot know it: such conditions make the answer undecided).
   */
  missingKeys?: 'absent' | 'unknown';
  /**
   * Lower-case key prefixes that `context` lists completely: a key with such a prefix that the
   * context lacks is absent even when missingKeys is 'unknown' (e.g. 'aws:principaltag/' when the
   * principal's tags are known).
   */
  knownKeyPrefixes?: string[];
  /**
   * 'literal' (default): action and resource are plain strings. 'cover': a "*" in them asks about
   * every action / resource matching (an Allow counts only if it covers them all; a Deny counts if
   * it applies to one no statement names). Used by isAdministrator.
   */
  wildcards?: 'literal' | 'cover';
}

export type MaybeUnknownPolicy = ParsedPolicy | UnknownPolicy;

/** Every policy that applies to one request. Arrays may hold UnknownPolicy entries. */
export interface PolicySet {
  /** Identity-based policies of the principal (for a user: its own and its groups'). */
  identity?: MaybeUnknownPolicy[];
  /** Resource-based policies of the target (bucket policy, trust policy, key policy...). */
  resource?: MaybeUnknownPolicy[];
  /** The principal's permissions boundary, if it has one. */
  boundary?: MaybeUnknownPolicy;
  /** SCPs: one array per level of the organisation (root, each OU, the account). Every level must allow. */
  scps?: MaybeUnknownPolicy[][];
  /** RCPs of the resource's account, one array per level. */
  rcps?: MaybeUnknownPolicy[][];
  /** Session policies passed when the session was created. */
  session?: MaybeUnknownPolicy[];
  /**
   * The resource-based policy must itself allow (role trust policies do; set it for KMS key
   * policies): an identity-side Allow alone is not enough. Automatic when a 'trust' policy is given.
   */
  resourcePolicyRequired?: boolean;
}

export type DecisionKind = 'allow' | 'deny' | 'implicit-deny' | 'undecided';

/** One statement that took part in a decision. */
export interface TraceEntry {
  policy: PolicySource;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** 'matched': it applies to the request; 'unknown': it might (see `unknownBecause`). */
  outcome: 'matched' | 'unknown';
  /** The part it played. */
  role:
    | 'explicit-deny'
    | 'identity-allow'
    | 'resource-allow'
    | 'boundary-allow'
    | 'scp-allow'
    | 'rcp-allow'
    | 'session-allow'
    | 'blocked-allow';
  unknownBecause?: string[];
}

export interface Decision {
  decision: DecisionKind;
  /** The statements that decided (deny: the denying ones; allow: the allowing ones; undecided: the unknown ones). */
  trace: TraceEntry[];
  /** Sentences saying why, in evaluation order. */
  reasons: string[];
  /** Set when decision is 'undecided': what could not be known. */
  undecidedBecause?: string[];
}
