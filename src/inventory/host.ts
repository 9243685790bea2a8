import { z } from 'zod';

/**
 * What the host loader (src/sources/host) reads from a root file system: an AMI volume, a chroot,
 * a container export or the running host. The host checks are pure over this part.
 * Owned by the host source; other sources leave it out.
 */
export const HostSchema = z.object({
  /** The path or tar that was scanned, or the image name given with --name. */
  root: z.string(),
  os: z.enum(['linux', 'windows', 'unknown']),
});
export type HostInventory = z.infer<typeof HostSchema>;
