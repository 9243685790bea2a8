/** One line for the user: the message of known errors, the name and message of unexpected ones. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const known = ['UsageError', 'SnapshotError', 'MutelistError', 'CheckOptionsError', 'UnknownCheckError', 'HostInputError', 'PolicyParseError', 'UnknownServiceError', 'UnknownRegionError', 'IdentityError'];
    return known.includes(e.name) || known.includes(e.constructor.name) ? e.message : `${e.name}: ${e.message} (run with --debug for details)`;
  }
  return String(e);
}
