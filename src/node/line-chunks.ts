/**
 * JSON Lines input as chunks of whole lines, cut without decoding: the thread that cuts only
 * copies bytes and counts line breaks, and each chunk is decoded, split and read on its own
 * wherever it is sent (`readLineChunk`). Line breaks are `\n`, `\r\n` or a lone `\r`, as the line
 * splitter has them; a chunk never ends between the `\r` and `\n` of one break, so every chunk
 * splits on its own exactly as the whole input would, and each chunk's first line number is known
 * before it is read.
 */

import type { IdClaims } from '../records/build.js';
import { IdTable } from '../records/id-table.js';

const LF = 0x0a;
const CR = 0x0d;

/** Whole lines of one input, in a buffer of their own (so it can be handed to a worker). */
export interface LineChunk {
  bytes: Uint8Array;
  /** The 1-based number of its first line in the input. */
  firstLine: number;
}

/**
 * Chunks of at least `target` bytes (the last may be shorter), each ending with a line break
 * (the last may not). A leading UTF-8 byte order mark is dropped, as a `TextDecoder` would.
 */
export async function* lineChunks(chunks: AsyncIterable<Uint8Array>, target: number): AsyncGenerator<LineChunk> {
  let parts: Buffer[] = [];
  let size = 0;
  let first = true;
  let firstLine = 1;
  // Set when the buffered bytes are known to hold no line break: then only new chunks need a look,
  // which keeps a line longer than `target` from being copied again for every chunk read.
  let unbroken = false;
  const cut = (data: Buffer, end: number): LineChunk => {
    const start = first ? bomLength(data) : 0;
    first = false;
    const chunk = { bytes: data.subarray(start, end), firstLine };
    firstLine += countBreaks(data, start, end);
    return chunk;
  };
  try {
    for await (const bytes of chunks) {
      if (bytes.length === 0) continue;
      const chunk = asBuffer(bytes);
      parts.push(chunk);
      size += chunk.length;
      if (size < target || (unbroken && breakEnd(chunk) === 0)) continue;
      const data = join(parts, size);
      const end = breakEnd(data);
      if (end === 0) {
        parts = [data];
        // A final `\r` is a break once the next byte is not `\n`: that needs a look at the whole.
        unbroken = data[data.length - 1] !== CR;
        continue;
      }
      // The unfinished line is copied out (Buffer.from copies; subarray would not), so `data` can be handed over whole.
      const rest = Buffer.from(data.subarray(end));
      parts = rest.length > 0 ? [rest] : [];
      size = rest.length;
      unbroken = false;
      yield cut(data, end);
    }
  } catch (error) {
    // The source failed: the lines it completed are still read, as a reader of the stream would have.
    const data = join(parts, size);
    const end = breakEnd(data);
    if (end > 0) yield cut(data, end);
    throw error;
  }
  if (size > 0) {
    const data = join(parts, size);
    yield cut(data, data.length);
  }
}

/** The parts in one new buffer of its own (`allocUnsafeSlow`: never a slice of Node's shared pool, so it can be transferred). */
function join(parts: readonly Buffer[], size: number): Buffer {
  const data = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const part of parts) at += part.copy(data, at);
  return data;
}

/** Buffer's indexOf is memchr, many times faster than a loop over a typed array. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function bomLength(data: Buffer): number {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
}

/**
 * Where the last complete line break ends (0 when there is none). A `\r` as the very last byte
 * is not complete: a `\n` may follow in the next chunk.
 */
function breakEnd(data: Buffer): number {
  const lf = data.lastIndexOf(LF);
  let cr = data.lastIndexOf(CR);
  if (cr === data.length - 1) cr = cr > 0 ? data.lastIndexOf(CR, cr - 1) : -1;
  return Math.max(lf, cr) + 1;
}

/** Line breaks in `data[start, end)`: every `\n`, and every `\r` not followed by one. */
function countBreaks(data: Buffer, start: number, end: number): number {
  let breaks = 0;
  for (let at = data.indexOf(LF, start); at !== -1 && at < end; at = data.indexOf(LF, at + 1)) breaks++;
  for (let at = data.indexOf(CR, start); at !== -1 && at < end; at = data.indexOf(CR, at + 1)) if (at + 1 >= end || data[at + 1] !== LF) breaks++;
  return breaks;
}

/**
 * The ids of one input read in chunks, each chunk on its own (`readLineChunk` with claims): taken
 * back in input order, a chunk's claimed ids are checked against those of the chunks before it.
 * When none was taken, reading the chunk after them would have settled on the same ids (see
 * `IdClaims`), so its records and issues stand; otherwise (a duplicate across chunks, rare) the
 * chunk must be read again with `firstLineOfId`, as reading in order does.
 */
export class InputIds {
  /** Each id taken so far, with the line of its record: the duplicate-id state of reading in order. */
  readonly firstLineOfId = new IdTable();

  /** Takes a chunk's ids and says true, or says false, taking none, when one was taken before. */
  take(claims: IdClaims): boolean {
    if (claims.ids.some((id) => this.firstLineOfId.has(id))) return false;
    for (let i = 0; i < claims.ids.length; i++) if (claims.lines[i]! > 0) this.firstLineOfId.set(claims.ids[i]!, claims.lines[i]!);
    return true;
  }
}
