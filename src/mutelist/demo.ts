import { parseMutelist } from './load.js';
import type { Mutelist } from './types.js';

/**
 * The mutelist `rampart scan --demo` applies, so the demo shows the `muted` status and an expired
 * entry. Kept as YAML text, exactly as a user would write the file (and no asset to copy on build).
 */
export const DEMO_MUTELIST_YAML = `# Findings Northwind Analytics has reviewed and accepted, each with a reason.
version: 1
entries:
  - check: account.user-mfa
    resource: "arn:aws:iam::210987654321:user/bob"
    reason: Bob leaves on 2026-11-30; his user is deleted that day (ticket SEC-412).
    expires: 2026-12-15

  # Expired: the new security contact was due in October, so this mutes nothing any more.
  - check: account.alternate-contacts
    resource: "arn:aws:iam::*:root"
    reason: Security contact to be named by the incoming CISO.
    expires: 2026-10-31
`;

export function demoMutelist(): Mutelist {
  return parseMutelist(DEMO_MUTELIST_YAML, 'demo-mutelist.yaml');
}
