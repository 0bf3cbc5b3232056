/**
 * Reading paper lists from files and streams: `readRecordsFile` and `streamRecords`. JSON Lines
 * is streamed line by line through the same `JsonLinesReader` that `readRecords` uses (flat
 * memory for any size); every other format is read whole, which its syntax needs, and then goes
 * through `readRecords`. Bytes that are not UTF-8 are replaced and reported with their line.
 */
import { createReadStream } from 'node:fs';
import { PROBLEM_CODES } from '../errors.js';
import { detectFormat, JsonLinesReader, LineIndex, LineSplitter, readItems, splitItems, splitLines, type InputFormat, type ReadIssue, type ReadItem, type ReadOptions, type ReadResult } from '../records/index.js';
import type { SinkIds } from '../records/build.js';
import { readAhead } from './read-ahead.js';

/**
 * Where records come from: a file path, or any async iterable of text or byte chunks (a Node
 * `Readable` is one). Typed structurally, so consumers need no Node type definitions.
 */
export type RecordSource = string | AsyncIterable<string | Uint8Array>;

/** An input opened for reading: its format, and its records and issues as they are read. */
export interface OpenedRecords {
  format: InputFormat;
  items: AsyncIterable<ReadItem>;
}

/** Enough to tell the format; the same head size the detector itself reads. */
const HEAD_LIMIT = 200_000;
/** Bytes read ahead of the consumer (see read-ahead.ts). */
const READ_AHEAD = 4 * 1024 * 1024;
/** Lines with replaced bytes reported per input; past this the input is plainly not UTF-8. */
export const MAX_UTF8_WARNINGS = 20;

/**
 * Records and issues of a paper list, in input order, as they are read. JSON Lines (by
 * `options.format`, a `.jsonl`/`.ndjson` name, or its first lines) is streamed: memory stays
 * flat however long the file, and each record item carries its original line (`raw`). Other
 * formats are read whole first. The same lossless policy and codes as `readRecords`.
 *
 * @example
 * import { streamRecords } from 'finetax/node';
 * for await (const item of streamRecords('papers.jsonl')) {
 *   if (item.kind === 'record') console.log(item.record.title);
 *   else console.warn(formatIssue(item.issue));
 * }
 * @throws {ReadError} when the input cannot be read as its format at all, or cannot be read (a
 *   missing file surfaces as Node's own `ENOENT` error).
 */
export async function* streamRecords(input: RecordSource, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const { items } = await openRecords(input, options);
  yield* items;
}

/**
 * Reads a paper list file whole: `readRecords` for a path, with invalid UTF-8 reported.
 *
 * @example
 * const { records, issues } = await readRecordsFile('refs.bib');
 * @throws {ReadError} as `readRecords`; Node's file-system errors for a file that cannot be read.
 */
export async function readRecordsFile(path: string, options: Omit<ReadOptions, 'source'> & { source?: string } = {}): Promise<ReadResult> {
  const { format, items } = await openRecords(path, options);
  const all: ReadItem[] = [];
  for await (const item of items) all.push(item);
  return splitItems(format, all);
}

/** Opens an input, tells its format and returns its items; the CLI reads through this too. */
export async function openRecords(input: RecordSource, options: ReadOptions = {}): Promise<OpenedRecords> {
  const source = options.source ?? (typeof input === 'string' ? input : undefined);
  const read = { ...options, ...(source === undefined ? {} : { source }) };
  const text = decode(typeof input === 'string' ? readAhead(createReadStream(input), READ_AHEAD) : isStream(input) ? readAhead(input, READ_AHEAD) : input);
  const iterator = text[Symbol.asyncIterator]();
  const streamed = namedJsonLines(options, source);
  const seen: DecodedChunk[] = [];
  const format = streamed ? 'jsonl' : (options.format ?? (await tellFormat(iterator, seen, (chunk) => chunk.text, source)));
  const chunks = prepend(seen, { [Symbol.asyncIterator]: () => iterator });
  if (format === 'jsonl') return { format, items: jsonLines(chunks, read) };
  let whole = '';
  const invalid: number[] = [];
  for await (const chunk of chunks) {
    whole += chunk.text;
    invalid.push(...chunk.invalidLines);
  }
  const result = readItems(whole, format === undefined ? read : { ...read, format });
  const utf8 = invalid.length > 0 ? utf8Warnings(whole, invalid, read.source) : [];
  return { format: result.format, items: fromArray([...utf8.map((issue) => ({ kind: 'issue' as const, issue })), ...result.items]) };
}

/** An input opened for reading in chunks: JSON Lines as its bytes, any other format as `openRecords` gives it. */
export type OpenedInput = { format: 'jsonl'; bytes: AsyncIterable<Uint8Array>; items?: undefined } | (OpenedRecords & { bytes?: undefined });

/**
 * Opens a file or stream as `openRecords` does, telling the format the same way, but hands JSON
 * Lines over as undecoded bytes, to be cut into chunks of whole lines (line-chunks.ts) and read
 * with `readLineChunk`, on any thread.
 */
export async function openInputBytes(input: string | NodeJS.ReadableStream, options: ReadOptions = {}): Promise<OpenedInput> {
  const source = options.source ?? (typeof input === 'string' ? input : undefined);
  const read = { ...options, ...(source === undefined ? {} : { source }) };
  const bytes = readAhead(typeof input === 'string' ? createReadStream(input) : input, READ_AHEAD);
  const iterator = bytes[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  const decoder = new TextDecoder();
  const format = namedJsonLines(options, source) ? 'jsonl' : (options.format ?? (await tellFormat(iterator, seen, (chunk) => decoder.decode(chunk, { stream: true }), source)));
  const rest = prepend(seen, { [Symbol.asyncIterator]: () => iterator });
  // The bytes read to tell the format are read again by `openRecords`, which tells it alike.
  return format === 'jsonl' ? { format, bytes: rest } : openRecords(rest, read);
}

/**
 * Reads one chunk of whole JSON Lines lines on its own, as `streamRecords` reads those lines in
 * their place: the same records and issues, invalid UTF-8 reported on its line (every such line:
 * the cap per input is the caller's). Ids are kept in `ids` (see `SinkIds`): a chunk read apart
 * from the rest of its input settles its ids as if it were alone, and says which it claimed.
 */
export function readLineChunk(bytes: Uint8Array, options: ReadOptions & { firstLine: number; ids: SinkIds }): ReadItem[] {
  // The input's byte order mark was dropped when it was cut; one at the start of a later chunk is text.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // U+FFFD in the text is rare, and needed for a byte that is not UTF-8: only then are the bytes themselves checked.
  const invalid = text.includes('\uFFFD') ? invalidLines(bytes, options.firstLine) : undefined;
  const reader = new JsonLinesReader(options);
  const items: ReadItem[] = [];
  for (const line of splitLines(text)) {
    const { record, issues } = reader.push(line);
    if (invalid?.has(reader.line)) items.push({ kind: 'issue', issue: utf8Warning(options.source, reader.line, line.indexOf('\uFFFD') + 1) });
    for (const issue of issues) items.push({ kind: 'issue', issue });
    if (record) items.push({ kind: 'record', record, line: reader.line, raw: line });
  }
  return items;
}

/** The lines (numbered from `firstLine`) of a chunk of whole lines that hold bytes that are not UTF-8. */
function invalidLines(bytes: Uint8Array, firstLine: number): Set<number> {
  const lines = new ByteLines();
  return new Set([...lines.scan(bytes), ...lines.end()].map((line) => line + firstLine - 1));
}

interface DecodedChunk {
  text: string;
  /** Lines (1-based, counted as the line splitter counts them) where bytes that are not UTF-8 were replaced. */
  invalidLines: number[];
}

/**
 * Decodes byte chunks as UTF-8 (invalid bytes become U+FFFD, as everywhere in Node) and finds the
 * lines where that happened, by validating the bytes themselves: a U+FFFD written in the file is
 * valid UTF-8 and no cause for a warning.
 */
async function* decode(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<DecodedChunk> {
  const decoder = new TextDecoder();
  const lines = new ByteLines();
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      lines.countText(chunk);
      yield { text: chunk, invalidLines: [] };
      continue;
    }
    yield { text: decoder.decode(chunk, { stream: true }), invalidLines: lines.scan(chunk) };
  }
  const tail = decoder.decode();
  const invalidLines = lines.end();
  if (tail || invalidLines.length > 0) yield { text: tail, invalidLines };
}

/** Counts lines through byte chunks and validates UTF-8 across chunk boundaries. */
class ByteLines {
  private line = 1;
  private pendingCR = false;
  /** An incomplete multi-byte sequence at the end of the last chunk. */
  private partial: number[] = [];

  countText(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }

  scan(chunk: Uint8Array): number[] {
    const bytes = this.partial.length > 0 ? Uint8Array.from([...this.partial, ...chunk]) : chunk;
    const skip = this.partial.length;
    this.partial = [];
    const invalid: number[] = [];
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (b < 0x80) {
        if (i >= skip) this.byte(b);
        i++;
        continue;
      }
      const length = sequenceLength(bytes, i);
      if (length === 0) {
        // Too few bytes left to tell: wait for the next chunk.
        this.partial = [...bytes.subarray(i)];
        break;
      }
      if (length < 0) {
        if (invalid[invalid.length - 1] !== this.line) invalid.push(this.line);
        i += -length;
      } else i += length;
    }
    return invalid;
  }

  end(): number[] {
    return this.partial.length > 0 ? [this.line] : [];
  }

  private byte(b: number): void {
    if (b === 10) {
      if (!this.pendingCR) this.line++;
      this.pendingCR = false;
    } else if (b === 13) {
      this.line++;
      this.pendingCR = true;
    } else this.pendingCR = false;
  }
}

/**
 * The length of the UTF-8 sequence at `i`: positive when valid, negative (bytes to skip) when not,
 * 0 when the bytes end before it could be told.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : -1;
  if (need < 0) return -1;
  // The second byte's range excludes overlong forms and surrogates (RFC 3629).
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < need; k++) {
    if (i + k >= bytes.length) return 0;
    const c = bytes[i + k]!;
    if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return -k;
  }
  return need;
}

async function* jsonLines(chunks: AsyncIterable<DecodedChunk>, options: ReadOptions): AsyncGenerator<ReadItem> {
  const reader = new JsonLinesReader(options);
  const splitter = new LineSplitter();
  const invalid = new Set<number>();
  let warned = 0;
  const itemsOf = (line: string): ReadItem[] => {
    const out: ReadItem[] = [];
    const { record, issues } = reader.push(line);
    if (invalid.delete(reader.line) && warned++ < MAX_UTF8_WARNINGS) {
      out.push({ kind: 'issue', issue: utf8Warning(options.source, reader.line, line.indexOf('\uFFFD') + 1) });
    }
    for (const issue of issues) out.push({ kind: 'issue', issue });
    if (record) out.push({ kind: 'record', record, line: reader.line, raw: line });
    return out;
  };
  // No variable of this generator holds a line while its items are yielded: a consumer that lets
  // go of `raw` (the CLI's classify) then does not keep a 50 MB line alive beside its record.
  function* release(lines: string[]): Generator<ReadItem> {
    for (let i = 0; i < lines.length; i++) {
      const out = itemsOf(lines[i]!);
      lines[i] = '';
      while (out.length > 0) yield out.shift()!;
    }
  }
  for await (const chunk of chunks) {
    for (const line of chunk.invalidLines) invalid.add(line);
    yield* release(splitter.push(chunk.text));
  }
  yield* release(splitter.end());
}

function utf8Warnings(text: string, lines: readonly number[], source: string | undefined): ReadIssue[] {
  const index = new LineIndex(text);
  return lines.slice(0, MAX_UTF8_WARNINGS).map((line) => {
    const start = index.offsetOf(line);
    const at = text.indexOf('\uFFFD', start);
    return utf8Warning(source, line, at < 0 ? 1 : at - start + 1);
  });
}

function utf8Warning(source: string | undefined, line: number, column: number): ReadIssue {
  return {
    code: 'input/invalid-utf8',
    severity: PROBLEM_CODES['input/invalid-utf8'].severity,
    source: source || '<input>',
    line,
    column,
    message: 'bytes that are not UTF-8 were replaced by U+FFFD; save the file as UTF-8',
  };
}

/**
 * Reads chunks (kept in `seen`, to be read again) until the head holds a second line or enough
 * text, and tells the format from it: the same head whether the chunks are text or bytes.
 */
async function tellFormat<T>(iterator: AsyncIterator<T>, seen: T[], text: (chunk: T) => string, source: string | undefined): Promise<InputFormat | undefined> {
  let head = '';
  while (head.length < HEAD_LIMIT && !secondLineBegun(head)) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    head += text(next.value);
  }
  return detectFormat(head, source);
}

/** JSON Lines by `options.format`, or by a `.jsonl`/`.ndjson` name when no format is given. */
function namedJsonLines(options: ReadOptions, source: string | undefined): boolean {
  return options.format === 'jsonl' || (options.format === undefined && /\.(?:jsonl|ndjson)$/i.test(source ?? ''));
}

/** Linear on purpose: the head can be one 200 kB line. */
function secondLineBegun(text: string): boolean {
  const first = text.search(/\S/);
  if (first < 0) return false;
  const lineBreak = text.slice(first).search(/[\r\n]/);
  return lineBreak >= 0 && /\S/.test(text.slice(first + lineBreak));
}

async function* prepend<T>(head: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* head;
  yield* rest;
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

function isStream(input: RecordSource | NodeJS.ReadableStream): input is NodeJS.ReadableStream {
  return typeof input === 'object' && input !== null && typeof (input as NodeJS.ReadableStream).pause === 'function' && typeof (input as NodeJS.ReadableStream).on === 'function';
}

