/** Longest piece of a line handed on at once: a log with no newline in gigabytes stays bounded. */
export const MAX_LINE = 64 * 1024;

export interface Line {
  /** 1-based. A line longer than MAX_LINE comes in several pieces with the same number. */
  no: number;
  /** Decoded as latin1: every byte is one character, so nothing is lost and binary data is harmless. */
  text: string;
}

/**
 * The lines of a stream of chunks, without ever holding more than one chunk and one line. Handles
 * \n and \r\n; a final line without newline is yielded too.
 */
export async function* lines(chunks: AsyncIterable<Buffer>, maxLine = MAX_LINE): AsyncGenerator<Line> {
  let no = 1;
  let carry: Buffer[] = [];
  let carried = 0;
  const flush = (end: Buffer): string => {
    const whole = carry.length ? Buffer.concat([...carry, end]) : end;
    carry = [];
    carried = 0;
    const n = whole.length;
    return whole.toString('latin1', 0, n > 0 && whole[n - 1] === 0x0d ? n - 1 : n);
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (carried + piece.length > maxLine) {
        yield* pieces(flush(piece), no, maxLine);
      } else {
        yield { no, text: flush(piece) };
      }
      no++;
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      carry.push(rest);
      carried += rest.length;
      if (carried > maxLine) {
        // A very long line: hand on what we have and keep going, same line number.
        const text = flush(Buffer.alloc(0));
        yield { no, text };
      }
    }
  }
  if (carried > 0) yield { no, text: flush(Buffer.alloc(0)) };
}

function* pieces(text: string, no: number, size: number): Generator<Line> {
  for (let i = 0; i < text.length; i += size) yield { no, text: text.slice(i, i + size) };
}
