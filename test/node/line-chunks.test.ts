/**
 * JSON Lines cut into chunks of whole lines, each read on its own (what `--jobs` workers do), then
 * settled in input order against the ids of the chunks before: whatever the cuts, the records and
 * issues are exactly what `streamRecords` gives reading the input in order. Duplicate ids across
 * chunks, ids equal to a renamed `ID#2` or to an id-less line's `FILE:LINE`, CRLF, lone CR, blank
 * lines, a BOM, bad lines and bytes that are not UTF-8 included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputIds, lineChunks, type LineChunk } from '../../src/node/line-chunks.js';
import { readLineChunk, streamRecords } from '../../src/node/read.js';
import type { IdClaims } from '../../src/records/build.js';
import type { ReadItem } from '../../src/records/index.js';

const SOURCE = 't.jsonl';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Every chunk read on its own first (as on workers), then settled in order: read again where a claimed id was taken. */
function readApart(chunks: readonly LineChunk[], strict: boolean): { items: ReadItem[]; readAgain: number } {
  const apart = chunks.map((chunk) => {
    const claims: IdClaims = { ids: [], lines: [] };
    return { chunk, claims, items: readLineChunk(chunk.bytes, { source: SOURCE, strict, firstLine: chunk.firstLine, ids: { claims } }) };
  });
  const ids = new InputIds();
  const items: ReadItem[] = [];
  let readAgain = 0;
  for (const { chunk, claims, items: own } of apart) {
    if (ids.take(claims)) items.push(...own);
    else {
      readAgain++;
      items.push(...readLineChunk(chunk.bytes, { source: SOURCE, strict, firstLine: chunk.firstLine, ids: { firstLineOfId: ids.firstLineOfId } }));
    }
  }
  return { items, readAgain };
}

async function inOrder(bytes: Uint8Array, strict: boolean): Promise<ReadItem[]> {
  return collect(streamRecords(from([bytes]), { format: 'jsonl', source: SOURCE, strict }));
}

const entry = (id: string | undefined, title = 'LoRA adapters') => JSON.stringify(id === undefined ? { title } : { id, title });

/** Lines rich in ids that collide: repeated ids, ids of the form a renamed one or an id-less line gets. */
const collidingLines = fc.array(
  fc.oneof(
    fc.constantFrom('a', 'a#2', 'a#3', 'b', `${SOURCE}:3`, `${SOURCE}:5#2`).map((id) => entry(id)),
    fc.constant(entry(undefined)),
    fc.constantFrom('', '   ', '{bad', '[1]', '{"id": "a", "title": 3, "abstract": "x"}', '{"id": "c"}', '\uFEFF{"title": "bom"}', '{"title": "é € 😀"}'),
  ),
  { maxLength: 30 },
);
const breaks = fc.constantFrom('\n', '\r\n', '\r');

const text = fc.tuple(collidingLines, fc.array(breaks, { minLength: 30, maxLength: 30 }), fc.boolean(), fc.boolean()).map(([lines, ends, bom, finalBreak]) => {
  const body = lines.map((line, i) => (i < lines.length - 1 || finalBreak ? line + ends[i] : line)).join('');
  return (bom ? '\uFEFF' : '') + body;
});

const encode = (value: string) => Buffer.from(value, 'utf8');

/** The bytes as they might arrive from a stream, `size` at a time. */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const all: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) all.push(bytes.subarray(at, at + size));
  return all;
}

describe('JSON Lines read in chunks and settled in order', () => {
  it('gives what reading in order gives, however the input is cut, lenient or strict', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 120 }), fc.boolean(), async (value, size, target, strict) => {
        const bytes = encode(value);
        const chunks = await collect(lineChunks(from(pieces(bytes, size)), target));
        expect(readApart(chunks, strict).items).toEqual(await inOrder(bytes, strict));
      }),
      { numRuns: 300 },
    );
  });

  it('numbers each chunk from its first line, counting every kind of line break', async () => {
    const chunks = await collect(lineChunks(from(pieces(encode('\uFEFFone\r\ntwo\rthree\n\nfive'), 1)), 4));
    expect(chunks.map((chunk) => [Buffer.from(chunk.bytes).toString(), chunk.firstLine])).toEqual([
      ['one\r\n', 1],
      ['two\r', 2],
      ['three\n', 3],
      ['\n', 4],
      ['five', 5],
    ]);
  });

  it('reads a chunk again with the ids before it when one of its ids was taken there, and only then', async () => {
    const lines = [entry('a'), entry('b'), entry('a'), entry('a#2'), entry(undefined), entry(`${SOURCE}:7`), entry(undefined)];
    const bytes = encode(`${lines.join('\n')}\n`);
    // One line per chunk: lines 3 (a, taken on line 1), 4 (a#2, taken by line 3's rename) and 7 (its FILE:LINE, taken on line 6) are read again.
    const chunks = await collect(lineChunks(from(pieces(bytes, 1)), 1));
    const { items, readAgain } = readApart(chunks, false);
    expect(readAgain).toBe(3);
    expect(items).toEqual(await inOrder(bytes, false));
    expect(items.flatMap((item) => (item.kind === 'record' ? [item.record.id] : [item.issue.message]))).toEqual([
      'a',
      'b',
      "duplicate id (first used on line 1); kept as 'a#2'",
      'a#2',
      "duplicate id (first used on line 3); kept as 'a#2#2'",
      'a#2#2',
      `${SOURCE}:5`,
      `${SOURCE}:7`,
      `${SOURCE}:7#2`,
    ]);
  });

  it('locates bad lines and bytes that are not UTF-8 on their line in the input, wherever the chunk starts', async () => {
    const bytes = Buffer.concat([encode(`${entry('a')}\n${entry('b')}\n{"id": "c", "title": 3, "abstract": "x"}\n`), encode('{"title": "bad '), Buffer.from([0xff]), encode(' byte"}\n{bad\n')]);
    const chunks = await collect(lineChunks(from(pieces(bytes, 1)), 1));
    expect(chunks.map((chunk) => chunk.firstLine)).toEqual([1, 2, 3, 4, 5]);
    const { items } = readApart(chunks, false);
    expect(items).toEqual(await inOrder(bytes, false));
    expect(items.flatMap((item) => (item.kind === 'issue' ? [[item.issue.code, item.issue.line, item.issue.column]] : []))).toEqual([
      ['field/invalid', 3, 22],
      ['input/invalid-utf8', 4, 16],
      ['entry/syntax', 5, 2],
    ]);
  });
});
