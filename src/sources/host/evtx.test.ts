import { describe, expect, it } from 'vitest';
import { countEvtxRecords } from './evtx.js';

/** A synthetic EVTX file: the 4 KiB header, then 64 KiB chunks with the given record number ranges. */
export function evtx(chunks: Array<[number, number] | null>): Buffer {
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(chunks.length, 42);
  const body = chunks.map((range) => {
    const c = Buffer.alloc(65536);
    if (range) {
      c.write('ElfChnk\0', 0, 'latin1');
      c.writeBigUInt64LE(BigInt(range[0]), 8);
      c.writeBigUInt64LE(BigInt(range[1]), 16);
    }
    return c;
  });
  return Buffer.concat([header, ...body]);
}

async function* inPieces(b: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('countEvtxRecords', () => {
  it('adds up the record ranges of the chunk headers, whatever the read size', async () => {
    const file = evtx([[1, 120], [121, 300], null]);
    for (const size of [7, 4096, 65536, 1 << 20]) expect(await countEvtxRecords(inPieces(file, size))).toEqual({ records: 300 });
  });

  it('a cleared log: preallocated chunks, one record', async () => {
    expect(await countEvtxRecords(inPieces(evtx([[1, 1], null, null]), 65536))).toEqual({ records: 1 });
  });

  it('says so when the file is not EVTX', async () => {
    expect(await countEvtxRecords(inPieces(Buffer.alloc(5000, 1), 1000))).toEqual({ records: null, error: 'not an EVTX file (no ElfFile signature)' });
    expect(await countEvtxRecords(inPieces(Buffer.from('ElfFile'), 10))).toMatchObject({ records: null });
  });
});
