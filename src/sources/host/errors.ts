/** Input the host source cannot use (neither a directory nor a tar, an unreadable archive): exit 2. */
export class HostInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostInputError';
  }
}

/**
 * A file or folder inside the root that could not be read. `code` is the errno code (EACCES, EISDIR,
 * ELOOP...) or a short word of ours; the loader turns it into an `error` attribute.
 */
export class FsReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'FsReadError';
  }
}

/** The errno code of an error, or its message. */
export function errorCode(e: unknown): string {
  if (e instanceof FsReadError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code) return code;
  return e instanceof Error ? e.message : String(e);
}
