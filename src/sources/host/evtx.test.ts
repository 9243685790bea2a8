import { describe, expect, it } from 'vitest';
import { countEvtxRecords } from './evtx.js';
import { evtx } from './__tests__/fixtures.js';

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
