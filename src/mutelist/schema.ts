import { z } from 'zod';

const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** YYYY-MM-DD or a full ISO time; YAML may hand us either a string or (with some schemas) a Date. */
const expiry = z.union([
  z.date().transform((d) => d.toISOString()),
  z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'expected a date, e.g. 2027-01-31'),
]);

/** One entry of a mutelist file. Every matcher is a glob; an omitted matcher matches anything. */
export const MuteEntrySchema = z
  .object({
    /** Check ids (required, so that an entry can never mute every check by accident; "*" says so on purpose). */
    check: globs,
    resource: globs.optional(),
    account: globs.optional(),
    region: globs.optional(),
    /** Every tag named must be on the finding's resource with a matching value (a glob). */
    tags: z.record(z.string(), z.string()).optional(),
    /** Why this is accepted: shown next to every finding it mutes. */
    reason: z.string().trim().min(1, 'every entry needs a reason'),
    expires: expiry.optional(),
  })
  .strict();

export const MutelistFileSchema = z
  .object({
    version: z.literal(1).optional(),
    entries: z.array(MuteEntrySchema),
  })
  .strict();

export type MuteEntryInput = z.infer<typeof MuteEntrySchema>;
