/**
 * The byte batches of the tagging pipeline: cut on the main thread without decoding, then split
 * and decoded line by line wherever they are done. Whatever the bytes and however they arrive in
 * chunks, the lines (and their numbers) must be exactly those `readLines` gives for the whole
 * input, as the JSON Lines reader and issue locations count them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakEnd, countBreaks, lineBatches } from '../../src/cli/line-batches.js';
import { forEachLine } from '../../src/cli/work.js';
import { Output } from '../../src/cli/io.js';
import { readLines } from '../../src/node/stream.js';
import { Writable } from 'node:stream';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** [line number, text] of every line, as the pipeline sees them: batches, then lines of each batch. */
async function pipelineLines(chunks: readonly Uint8Array[], target: number): Promise<Array<[number, string]>> {
  const lines: Array<[number, string]> = [];
  let firstLine = 1;
  for await (const { bytes, breaks } of lineBatches(from(chunks), target)) {
    forEachLine(Buffer.from(bytes), (text, index) => lines.push([firstLine + index, text]));
    firstLine += breaks;
  }
  return lines;
}

/** The same, as `readLines` over the whole input decoded in one go. */
async function referenceLines(data: Uint8Array): Promise<Array<[number, string]>> {
  const lines: Array<[number, string]> = [];
  for await (const text of readLines(from([data]))) lines.push([lines.length + 1, text]);
  return lines;
}

/** `data` cut at the given offsets. */
function chunked(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, data.length]) {
    chunks.push(data.subarray(start, point));
    start = point;
  }
  return chunks;
}

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** Bytes rich in what is hard here: every kind of line break, multi-byte and broken UTF-8, BOMs. */
const trickyBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', '\n\r', ' ', '{"id":"a"}', 'é', '€', '😀', '\uFEFF').map((s) => [...encode(s)]),
      fc.constantFrom([0xe2, 0x82], [0xf0, 0x9f], [0xff], [0x80], [0xc3], BOM),
      fc.string({ maxLength: 12 }).map((s) => [...encode(s)]),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('lineBatches + forEachLine', () => {
  it('give the lines readLines gives, numbered alike, however the bytes are chunked and batched', async () => {
    await fc.assert(
      fc.asyncProperty(trickyBytes, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 40 }), async (data, cuts, target) => {
        expect(await pipelineLines(chunked(data, cuts), target)).toEqual(await referenceLines(data));
      }),
      { numRuns: 400 },
    );
  });

  it('drop a byte order mark only where the input begins, even when it arrives split', async () => {
    const data = Uint8Array.from([...BOM, ...encode('a\n'), ...BOM, ...encode('b\n')]);
    const lines = await pipelineLines([data.subarray(0, 1), data.subarray(1, 2), data.subarray(2)], 1);
    expect(lines).toEqual([
      [1, 'a'],
      [2, '\uFEFFb'],
    ]);
  });

  it('end every batch but the last with a whole line break, even past a line longer than a batch', async () => {
    const long = 'x'.repeat(10_000);
    const data = encode(`a\r\n${long}\r\nb\rc\r`);
    const chunks = chunked(data, Array.from({ length: 200 }, (_, i) => i * 57));
    const batches: Uint8Array[] = [];
    for await (const { bytes } of lineBatches(from(chunks), 100)) batches.push(bytes);
    expect(Buffer.concat(batches).equals(Buffer.from(data))).toBe(true);
    for (const batch of batches.slice(0, -1)) expect([0x0a, 0x0d]).toContain(batch[batch.length - 1]);
    // `a\r\n`; the long line with `b\r` (a final `\r` may still be half of a `\r\n`); `c\r` at the end.
    expect(batches.map((b) => b.length)).toEqual([3, long.length + 4, 2]);
  });

  it('count \\r\\n as one break, and a \\r at the very end as no complete break yet', () => {
    const data = Buffer.from('a\r\nb\rc\n\r');
    expect(countBreaks(data, 0, data.length)).toBe(4);
    expect(breakEnd(data)).toBe(7);
    expect(breakEnd(Buffer.from('abc'))).toBe(0);
  });
});

describe('Output', () => {
  it('writes text and bytes in order, in chunks, waiting for a full stream to drain', async () => {
    const written: Buffer[] = [];
    let calls = 0;
    const stream = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk);
        calls++;
        setTimeout(done, 1);
      },
    });
    const out = new Output(stream);
    const big = Buffer.alloc(40 * 1024, 'b');
    await out.write('[', 'x'.repeat(20 * 1024));
    await out.writeAll(['y'.repeat(20 * 1024), big, 'z']);
    await out.flush();
    expect(Buffer.concat(written).toString()).toBe(`[${'x'.repeat(20 * 1024)}${'y'.repeat(20 * 1024)}${big.toString()}z`);
    expect(calls).toBeLessThanOrEqual(4);
  });
});
