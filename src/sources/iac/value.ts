import type { SourceLocation } from '../../inventory/index.js';

/**
 * A value a template cannot know before deploy (a parameter without default, an apply-time
 * attribute, an imported output). It travels through evaluation like any value: an operation on
 * it gives another Unknown, so nothing computed from it is ever taken for a real value.
 */
export class Unknown {
  constructor(
    readonly reason: string,
    readonly location?: SourceLocation,
  ) {}
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

/** The first Unknown inside a value (deep), or undefined when the value is fully known. */
export function findUnknown(v: unknown, depth = 0): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (depth > 64 || v === null || typeof v !== 'object') return undefined;
  const items = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  for (const item of items) {
    const u = findUnknown(item, depth + 1);
    if (u) return u;
  }
  return undefined;
}

/** A plain JSON object (not an array, not null, not an Unknown). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/**
 * JSON text that could not be rendered because part of it is known only at deploy time
 * (jsonencode over a deploy-time ARN, a policy document with a variable). It is Unknown to every
 * operation, but a policy reader can still see the statements around the unknown part.
 */
export class UnknownJson extends Unknown {
  constructor(
    readonly partial: unknown,
    reason: string,
    location?: import('../../inventory/index.js').SourceLocation,
  ) {
    super(reason, location);
  }
}
