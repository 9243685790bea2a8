import { z } from 'zod';

/** Where a value came from in a template or on a host file system. */
export const SourceLocationSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

/**
 * Every collected attribute says what we know about it, so that a check can tell
 * "there is no policy" from "we could not read the policy":
 * - ok: read, here is the value;
 * - absent: read, and AWS says there is none (NoSuchBucketPolicy, no password policy...);
 * - error: the read failed; `call` names the API call (service:Action) and `error` the error;
 * - unknown: the value exists only at deploy time (IaC: a parameter without default, an
 *   apply-time attribute). Checks treat it like a failed read: never open, never compliant.
 */
export type Attr<T> =
  | { state: 'ok'; value: T }
  | { state: 'absent' }
  | { state: 'error'; call: string; error: string }
  | { state: 'unknown'; reason: string; location?: SourceLocation };

export type AttrState = Attr<unknown>['state'];

export function attr<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('state', [
    z.object({ state: z.literal('ok'), value }),
    z.object({ state: z.literal('absent') }),
    z.object({ state: z.literal('error'), call: z.string(), error: z.string() }),
    z.object({ state: z.literal('unknown'), reason: z.string(), location: SourceLocationSchema.optional() }),
  ]);
}

export const ok = <T>(value: T): Attr<T> => ({ state: 'ok', value });
export const absent = <T = never>(): Attr<T> => ({ state: 'absent' });
export const failed = <T = never>(call: string, error: string): Attr<T> => ({ state: 'error', call, error });
export const deployTime = <T = never>(reason: string, location?: SourceLocation): Attr<T> =>
  location ? { state: 'unknown', reason, location } : { state: 'unknown', reason };
export const NOT_COLLECTED_PREFIX = 'not collected: ';
/** A part of the inventory this source never gathers (a service left out by --services, a template). */
export const notCollected = <T = never>(call: string, why: string): Attr<T> => failed(call, `${NOT_COLLECTED_PREFIX}${why}`);

/** The value when it was read, else undefined. */
export function valueOf<T>(a: Attr<T> | undefined): T | undefined {
  return a?.state === 'ok' ? a.value : undefined;
}

/** A human sentence for an attribute that holds no value, naming the call and the error. */
export function describeMissing(a: Attr<unknown>): string {
  switch (a.state) {
    case 'error':
      return `${a.call} failed: ${a.error}`;
    case 'unknown':
      return `known only at deploy time: ${a.reason}${a.location ? ` (${a.location.file}:${a.location.line})` : ''}`;
    case 'absent':
      return 'not present';
    case 'ok':
      return 'read';
  }
}

export const TagsSchema = z.record(z.string(), z.string());
export type Tags = z.infer<typeof TagsSchema>;

/** A policy document as JSON (already URL-decoded and parsed). The policy engine validates it. */
export const PolicyDocumentSchema = z.record(z.string(), z.unknown());
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** Fields every resource carries: its provenance. */
export const ResourceBase = {
  /** IaC only: where the resource is declared. */
  location: SourceLocationSchema.optional(),
  /** IaC only: the CloudFormation condition or Terraform count/for_each key that guards it. */
  condition: z.string().optional(),
};
