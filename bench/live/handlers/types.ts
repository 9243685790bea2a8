import type { SyntheticAccount } from '../account.js';
import type { Page } from '../pages.js';

/** One request as the fake server sees it. */
export interface FakeRequest {
  /** The IAM action name ('ec2:DescribeInstances'). */
  call: string;
  clientName: string;
  /** The client's region (for global services, the region their client was built for). */
  region: string;
  input: Record<string, unknown>;
}

/** What handlers share: the account, the clock, run state, and a note-taker for page requests. */
export interface HandlerContext {
  account: SyntheticAccount;
  /** Milliseconds since the fake server started. */
  elapsedMs(): number;
  /** Run state that outlives one request (the credential report's generation). */
  state: { reportRequestedAt?: number };
  /** A paginated answer: records requests that asked for more than AWS allows. */
  page(call: string, total: number, token: unknown, size: unknown): Page;
}

export type Handler = (req: FakeRequest, ctx: HandlerContext) => Record<string, unknown>;

/** Handlers by `${clientName}:${operation}` (operation = command name without 'Command'). */
export type HandlerTable = Readonly<Record<string, Handler>>;

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A deterministic date in the past year for a resource. */
export function pastDate(account: SyntheticAccount, ...parts: ReadonlyArray<string | number>): Date {
  const days = Math.floor(account.roll('date', ...parts) * 365);
  return new Date(Date.UTC(2025, 0, 1) - days * 86_400_000);
}
