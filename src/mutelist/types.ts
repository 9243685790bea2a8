import type { MuteEntryInput } from './schema.js';

/** A validated entry, with the line it starts on for messages. */
export interface MuteEntry extends MuteEntryInput {
  line: number;
}

export interface Mutelist {
  /** The file it came from (or a label for a built-in list). */
  file: string;
  entries: MuteEntry[];
}

/** An entry past its expiry date: it mutes nothing any more, and the report says so. */
export interface ExpiredEntry {
  /** file:line */
  where: string;
  reason: string;
  expires: string;
  check: string[];
}
