import { z } from 'zod';
import { attr } from './attr.js';

export const AlternateContactSchema = z.object({
  name: z.string().optional(),
  title: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const AccountSchema = z.object({
  id: z.string(),
  partition: z.string().default('aws'),
  /** GetAlternateContact per type; absent = ResourceNotFoundException (not set). */
  alternateContacts: z.object({
    billing: attr(AlternateContactSchema),
    operations: attr(AlternateContactSchema),
    security: attr(AlternateContactSchema),
  }),
});
export type AccountInventory = z.infer<typeof AccountSchema>;
