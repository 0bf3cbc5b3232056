/**
 * The public reading API of `finetax/node`: `streamRecords` and `readRecordsFile` give exactly
 * what `readRecords` gives for the whole text, whatever the chunking, line breaks, byte order
 * marks or broken UTF-8; JSON Lines records carry their original line; invalid UTF-8 is located.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecordsFile, streamRecords } from '../../src/node/index.js';
import { formatIssue, readRecords, type ReadItem, type ReadResult } from '../../src/index.js';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect(items: AsyncIterable<ReadItem>): Promise<{ records: ReadResult['records']; issues: ReadResult['issues'] }> {
  const records: ReadResult['records'] = [];
  const issues: ReadResult['issues'] = [];
  for await (const item of items) {
    if (item.kind === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { records, issues };
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

/** JSON Lines rich in what is hard for a splitter: every kind of line break, multi-byte characters, bad lines, BOMs. */
const trickyJsonLines = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', ' ', '{"id":"a","title":"LoRA"}', '{"title":"é € 😀"}', '{"title": 3}', '{bad', '\uFEFF'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const dir = mkdtempSync(join(tmpdir(), 'finetax-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streamRecords', () => {
  it('gives what readRecords gives for the whole text, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(trickyJsonLines, fc.array(fc.nat(), { maxLength: 8 }), async (text, cuts) => {
        const whole = readRecords(text, { format: 'jsonl', source: 't.jsonl' });
        const streamed = await collect(streamRecords(from(chunked(encode(text), cuts)), { format: 'jsonl', source: 't.jsonl' }));
        expect(streamed.records).toEqual(whole.records);
        expect(streamed.issues).toEqual(whole.issues);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a path, a Readable and an async iterable of strings alike, detecting the format', async () => {
    const bib = '@article{hu2021lora,\n  title = {LoRA: Low-Rank Adaptation of Large Language Models},\n  year = {in press}\n}\n';
    const path = join(dir, 'refs.bib');
    writeFileSync(path, bib);
    const fromPath = await collect(streamRecords(path));
    const fromStream = await collect(streamRecords(Readable.from([Buffer.from(bib)]), { source: path }));
    const fromStrings = await collect(streamRecords(from([bib.slice(0, 20), bib.slice(20)]), { source: path }));
    expect(fromPath.records.map((r) => [r.id, r.title, r.source])).toEqual([['hu2021lora', 'LoRA: Low-Rank Adaptation of Large Language Models', `bibtex:${path}`]]);
    expect(fromStream).toEqual(fromPath);
    expect(fromStrings).toEqual(fromPath);
    expect(fromPath.issues.map(formatIssue)).toEqual([`${path}:1: record hu2021lora: year: expected a 4-digit year, got 'in press'; left out of the record`]);
  });

  it('yields JSON Lines records with their line number and the line exactly as read', async () => {
    const lines = ['{"id": "a", "title": "LoRA",   "authors": "Hu, Edward"}', '', '{"id": "b", "title": "DPO"}'];
    const items: ReadItem[] = [];
    for await (const item of streamRecords(from([lines.join('\r\n')]), { format: 'jsonl' })) items.push(item);
    expect(items.map((i) => (i.kind === 'record' ? [i.line, i.raw] : i.kind))).toEqual([
      [1, lines[0]],
      [3, lines[2]],
    ]);
  });

  it('warns about bytes that are not UTF-8 with the line where they are, and still reads the record', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title": "fine"}\n{"title": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"title": "a real \uFFFD is fine"}\n')]);
    const { records, issues } = await collect(streamRecords(from([bytes]), { format: 'jsonl', source: 'latin1.jsonl' }));
    expect(records.map((r) => r.title)).toEqual(['fine', 'caf\uFFFD', 'a real \uFFFD is fine']);
    expect(issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([['input/invalid-utf8', 'warning', 2, 15]]);
  });

  it('locates invalid UTF-8 in formats read whole too', async () => {
    const bytes = Buffer.concat([Buffer.from('@misc{a, title = {Fine}}\n@misc{b, title = {Bad '), Buffer.from([0xff]), Buffer.from('}}\n')]);
    const { records, issues } = await collect(streamRecords(from([bytes]), { source: 'x.bib' }));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(issues.map((i) => formatIssue(i))).toEqual(['x.bib:2:23: bytes that are not UTF-8 were replaced by U+FFFD; save the file as UTF-8']);
  });
});

describe('readRecordsFile', () => {
  it('reads a file whole: the format, records and issues of readRecords', async () => {
    const text = '{"id": "a", "title": "A"}\n{"id": "a", "title": "B"}\n';
    const path = join(dir, 'dup.jsonl');
    writeFileSync(path, text);
    const result = await readRecordsFile(path);
    expect(result).toEqual(readRecords(text, { source: path }));
    expect(result.records.map((r) => r.id)).toEqual(['a', 'a#2']);
    expect(result.issues.map((i) => i.code)).toEqual(['record/duplicate-id']);
  });
});
