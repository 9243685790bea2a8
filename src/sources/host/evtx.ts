/**
 * Counts the records of an EVTX file (Windows XML event log) from its chunk headers, streaming:
 * a 4 KiB file header ("ElfFile\0", header block size at offset 40), then 64 KiB chunks, each with a
 * header ("ElfChnk\0", first and last event record numbers at offsets 8 and 16). A cleared log keeps
 * its preallocated size but holds a record or two, so the count says more than the size.
 */
const FILE_MAGIC = 'ElfFile\0';
const CHUNK_MAGIC = 'ElfChnk\0';
const CHUNK_SIZE = 64 * 1024;
const FILE_HEADER_BYTES = 128;
const CHUNK_HEADER_BYTES = 24;

export interface EvtxCount {
  records: number | null;
  error?: string;
}

export async function countEvtxRecords(chunks: AsyncIterable<Buffer>): Promise<EvtxCount> {
  let pos = 0;
  let want = 0; // offset of the next header to read
  let need = FILE_HEADER_BYTES;
  let pending: Buffer[] = [];
  let have = 0;
  let headerBlock: number | null = null;
  let records = 0;
  let error: string | undefined;

  for await (const chunk of chunks) {
    let at = 0;
    while (error === undefined && at < chunk.length) {
      const abs = pos + at;
      if (abs < want) {
        at += Math.min(chunk.length - at, want - abs);
        continue;
      }
      const take = Math.min(chunk.length - at, need - have);
      pending.push(chunk.subarray(at, at + take));
      have += take;
      at += take;
      if (have < need) continue;
      const header = Buffer.concat(pending);
      pending = [];
      have = 0;
      if (headerBlock === null) {
        if (header.toString('latin1', 0, 8) !== FILE_MAGIC) {
          error = 'not an EVTX file (no ElfFile signature)';
          break;
        }
        headerBlock = header.readUInt16LE(40) || 4096;
        want = headerBlock;
      } else {
        if (header.toString('latin1', 0, 8) === CHUNK_MAGIC) {
          const first = header.readBigUInt64LE(8);
          const last = header.readBigUInt64LE(16);
          if (first > 0n && last >= first) records += Number(last - first + 1n);
        }
        want += CHUNK_SIZE;
      }
      need = headerBlock === null ? FILE_HEADER_BYTES : CHUNK_HEADER_BYTES;
    }
    pos += chunk.length; // keep reading to the end: the source must be drained
  }
  if (error === undefined && headerBlock === null) error = 'shorter than an EVTX file header';
  return error === undefined ? { records } : { records: null, error };
}
