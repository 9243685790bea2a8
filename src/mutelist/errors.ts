/** A mutelist that cannot be read or is malformed; the CLI maps it to exit code 2. */
export class MutelistError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line of the offending node, when known. */
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'MutelistError';
  }
}
