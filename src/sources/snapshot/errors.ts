/** A snapshot that cannot be used: the message names the file and, where it can, the line or JSON path. */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'SnapshotError';
  }
}
