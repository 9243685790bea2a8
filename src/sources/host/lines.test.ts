import { describe, expect, it } from 'vitest';
import { lines } from './lines.js';

async function* chunksOf(...parts: Array<string | Buffer>): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.isBuffer(p) ? p : Buffer.from(p, 'latin1');
}

async function all(src: AsyncIterable<Buffer>, max?: number) {
  const out: Array<[number, string]> = [];
  for await (const l of lines(src, max)) out.push([l.no, l.text]);
  return out;
}

describe('lines', () => {
  it('splits on \\n and \\r\\n, across chunks, with a last line that has no newline', async () => {
    expect(await all(chunksOf('a\r\nb', 'c\n\nd'))).toEqual([
      [1, 'a'],
      [2, 'bc'],
      [3, ''],
      [4, 'd'],
    ]);
  });

  it('hands a line longer than the limit on in pieces with one line number, never holding it whole', async () => {
    const got = await all(chunksOf('x'.repeat(10), 'y'.repeat(10), '\nz\n'), 8);
    expect(got.every(([, t]) => t.length <= 20)).toBe(true);
    expect(got.filter(([no]) => no === 1).map(([, t]) => t).join('')).toBe('x'.repeat(10) + 'y'.repeat(10));
    expect(got.at(-1)).toEqual([2, 'z']);
  });

  it('keeps every byte of binary data (latin1), so offsets and patterns stay intact', async () => {
    const got = await all(chunksOf(Buffer.from([0xff, 0x00, 0x41, 0x0a])));
    expect(got).toEqual([[1, '\u00ff\u0000A']]);
  });
});
