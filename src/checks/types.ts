import type { z } from 'zod';
import type { Inventory, SourceKind, SourceLocation } from '../inventory/index.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The statuses of the JSON contract. A check returns the first four; the mutelist makes `muted`. */
export const STATUSES = ['pass', 'fail', 'unknown', 'manual', 'muted'] as const;
export type Status = (typeof STATUSES)[number];
export type CheckStatus = Exclude<Status, 'muted'>;

/** The resource a result is about. */
export interface ResourceRef {
  /** The ARN where AWS has one, else the most specific id (a file path for host findings). */
  id: string;
  /** CloudFormation-style type: AWS::S3::Bucket, AWS::IAM::User, AWS::::Account, Host::File ... */
  type: string;
  /** An AWS region, or 'global'. */
  region: string;
  /** Defaults to the inventory's account. */
  account?: string;
  /** IaC and host: where it is declared. */
  location?: SourceLocation;
  /** IaC: the condition under which the resource exists. */
  condition?: string;
}

/** Values interpolated into a message template's {{placeholders}}. */
export type MessageData = Record<string, string | number | boolean>;

/** What a check's `evaluate` returns, one per resource (and detail) it judged. */
export interface CheckResult<M extends string = string> {
  status: CheckStatus;
  resource: ResourceRef;
  /** A key of the check's `messages`. */
  message: M;
  data?: MessageData;
  /** Overrides the check's severity for this result (e.g. a critical port class). */
  severity?: Severity;
  /**
   * Distinguishes several results on one resource (a rule, a user, a port). Part of the stable id,
   * so keep it stable across scans: no timestamps, no counts.
   */
  detail?: string;
  /** Facts that support the verdict (statement ids, rule numbers...). Never a secret. */
  evidence?: Record<string, unknown>;
  /**
   * Set by `missing()` when the data was never gathered by this kind of source (not a failed read).
   * On templates and hosts such results are dropped: a template that does not declare the password
   * policy says nothing about it.
   */
  notCollected?: boolean;
  /**
   * The controls this result is evidence for. When set it replaces the check's `compliance` for this
   * finding (`{}`: evidence for no control); the check's own refs stay the union of what it can speak to.
   */
  compliance?: ComplianceRefs;
}

export interface Remediation {
  /** What to do, in a sentence or three. */
  text: string;
  cli?: string;
  cloudformation?: string;
  terraform?: string;
}

export interface ComplianceRefs {
  /** CIS AWS Foundations Benchmark v3.0.0 control ids, e.g. '1.4'. */
  cis?: string[];
  /** AWS Foundational Security Best Practices control ids, e.g. 'IAM.4'. */
  fsbp?: string[];
}

export interface CheckContext<O> {
  inventory: Inventory;
  options: O;
  /** The scan time: checks never read the clock. */
  now: Date;
}

/**
 * A check: metadata and one pure function over the inventory, as an ESLint rule is.
 * `evaluate` does no I/O and reads no clock; it reports `unknown` for what it could not see
 * (see `missing()` in ./helpers.ts) and never turns missing data into `pass`.
 */
export interface Check<O = Record<string, never>, M extends string = string> {
  id: string;
  title: string;
  /** Why it matters, for the report and `rampart explain`. */
  description: string;
  severity: Severity;
  /** Ids from guide/recommendations.json. */
  guideIds: string[];
  /** Inventory paths it reads, e.g. 'iam.credentialReport', 'regions.*.ec2.securityGroups'. */
  needs: string[];
  /** The read-only IAM actions the collectors need to fill `needs`. */
  permissions: string[];
  /** The sources whose inventories can feed it. */
  sources: SourceKind[];
  compliance?: ComplianceRefs;
  remediation: Remediation;
  messages: Record<M, string>;
  /** Options with defaults (zod); users set them in the config file. */
  options?: z.ZodType<O>;
  evaluate(ctx: CheckContext<O>): CheckResult<M>[];
}

/** Identity function that keeps the literal types of `messages` and the options. */
export function defineCheck<O = Record<string, never>, M extends string = string>(check: Check<O, M>): Check<O, M> {
  return check;
}

/** A check with its option and message types erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design; each check is typed where it is defined
export type AnyCheck = Check<any, string>;
