/** A mistake in how Rampart was called, or input it cannot use: exit 2 with the message, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failed: 1, error: 2 } as const;
