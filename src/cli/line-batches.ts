/**
 * JSON Lines input as byte batches of whole lines, cut without decoding: the main thread only
 * copies bytes and counts line breaks, and the batch is decoded, split, parsed, classified and
 * rendered wherever it is run (a worker, with --jobs). Line breaks are `\n`, `\r\n` or a lone
 * `\r`, as `readLines` has them; a batch never ends between the `\r` and `\n` of one break, so
 * every batch splits on its own exactly as the whole input would.
 */

const LF = 0x0a;
const CR = 0x0d;

/** Whole lines of one input, in a buffer of their own (so it can be transferred to a worker). */
export interface LineBatch {
  bytes: Uint8Array;
  /** Line breaks in `bytes`: the lines it holds, but for a last line without a break. */
  breaks: number;
}

/**
 * Batches of at least `target` bytes (the last may be shorter), each ending with a line break
 * (the last may not). A leading UTF-8 byte order mark is dropped, as a `TextDecoder` would.
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, target: number): AsyncGenerator<LineBatch> {
  let parts: Buffer[] = [];
  let size = 0;
  let first = true;
  // Set when the buffered bytes are known to hold no line break: then only new chunks need a look,
  // which keeps a line longer than `target` from being copied again for every chunk.
  let unbroken = false;
  for await (const bytes of chunks) {
    if (bytes.length === 0) continue;
    const chunk = asBuffer(bytes);
    parts.push(chunk);
    size += chunk.length;
    if (size < target || (unbroken && breakEnd(chunk) === 0)) continue;
    const data = join(parts, size);
    const cut = breakEnd(data);
    if (cut === 0) {
      parts = [data];
      unbroken = true;
      continue;
    }
    const start = first ? bomLength(data) : 0;
    first = false;
    // The unfinished line is copied out (Buffer.from copies; slice would not), so `data` can be handed over whole.
    const rest = Buffer.from(data.subarray(cut));
    parts = rest.length > 0 ? [rest] : [];
    size = rest.length;
    unbroken = false;
    yield { bytes: data.subarray(start, cut), breaks: countBreaks(data, start, cut) };
  }
  if (size > 0) {
    const data = join(parts, size);
    const start = first ? bomLength(data) : 0;
    yield { bytes: data.subarray(start), breaks: countBreaks(data, start, data.length) };
  }
}

/** The chunks in one new buffer of its own (`allocUnsafeSlow`: never a slice of Node's shared pool). */
function join(parts: readonly Buffer[], size: number): Buffer {
  const data = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const part of parts) at += part.copy(data, at);
  return data;
}

/** Buffer's indexOf is memchr, ten times faster than a typed array's. */
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
export function breakEnd(data: Buffer): number {
  const lf = data.lastIndexOf(LF);
  let cr = data.lastIndexOf(CR);
  if (cr === data.length - 1) cr = cr > 0 ? data.lastIndexOf(CR, cr - 1) : -1;
  return Math.max(lf, cr) + 1;
}

/** Line breaks in `data[start, end)`: every `\n`, and every `\r` not followed by one. */
export function countBreaks(data: Buffer, start: number, end: number): number {
  let breaks = 0;
  for (let at = data.indexOf(LF, start); at !== -1 && at < end; at = data.indexOf(LF, at + 1)) breaks++;
  for (let at = data.indexOf(CR, start); at !== -1 && at < end; at = data.indexOf(CR, at + 1)) if (at + 1 >= end || data[at + 1] !== LF) breaks++;
  return breaks;
}
