import { z } from 'zod';
import cis from './frameworks/cis-3.0.json' with { type: 'json' };
import fsbp from './frameworks/fsbp.json' with { type: 'json' };

const RequirementSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  section: z.string().optional(),
  service: z.string().optional(),
  level: z.number().int().optional(),
  /** CIS: whether the benchmark itself calls it automated or manual. */
  assessment: z.enum(['automated', 'manual']).optional(),
});
export type Requirement = z.infer<typeof RequirementSchema>;

const FrameworkSchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  name: z.string(),
  version: z.string(),
  /** The key of a check's `compliance` metadata that names this framework's ids. */
  refKey: z.enum(['cis', 'fsbp']),
  about: z.string(),
  url: z.string(),
  requirements: z.array(RequirementSchema),
  /** Ids a check may cite that are not part of this framework's status (see fsbp.json's `about`). */
  otherControls: z.array(RequirementSchema).default([]),
});
export type Framework = z.infer<typeof FrameworkSchema>;

/** The frameworks Rampart maps to, validated once at load so a bad edit fails every test. */
export const FRAMEWORKS: readonly Framework[] = [FrameworkSchema.parse(cis), FrameworkSchema.parse(fsbp)];

export class UnknownFrameworkError extends Error {}

/** A framework by id or alias (case-insensitive): cis-3.0, cis, fsbp ... */
export function getFramework(name: string): Framework {
  const key = name.trim().toLowerCase();
  const hit = FRAMEWORKS.find((f) => f.id === key || f.aliases.includes(key));
  if (!hit) {
    throw new UnknownFrameworkError(`unknown compliance framework "${name}" (one of: ${FRAMEWORKS.map((f) => f.id).join(', ')})`);
  }
  return hit;
}

/** Every id a check may name for this framework: its requirements and its related controls. */
export function knownIds(f: Framework): Set<string> {
  return new Set([...f.requirements, ...f.otherControls].map((r) => r.id));
}
