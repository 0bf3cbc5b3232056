/**
 * Reading paper lists from files and streams: `readRecordsFile` and `streamRecords`. JSON Lines
 * is streamed line by line through the same `JsonLinesReader` that `readRecords` uses (flat
 * memory for any size); every other format is read whole, which its syntax needs, and then goes
 * through `readRecords`. Bytes that are not UTF-8 are replaced and reported with their line.
 */
import { createReadStream } from 'node:fs';
import { PROBLEM_CODES } from '../errors.js';
import { detectFormat, JsonLinesReader, LineIndex, LineSplitter, readItems, ReadError, splitItems, type InputFormat, type ReadIssue, type ReadItem, type ReadOptions, type ReadResult } from '../records/index.js';
import { readAhead } from './read-ahead.js';

/** Where records come from: a file path, a Node `Readable`, or any async iterable of text or byte chunks. */
export type RecordSource = string | NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>;

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
const MAX_UTF8_WARNINGS = 20;

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
  const streamed = options.format === 'jsonl' || (options.format === undefined && /\.(?:jsonl|ndjson)$/i.test(source ?? ''));
  const seen: DecodedChunk[] = [];
  let format: InputFormat | undefined = streamed ? 'jsonl' : options.format;
  if (format === undefined) {
    let head = '';
    while (head.length < HEAD_LIMIT && !secondLineBegun(head)) {
      const next = await iterator.next();
      if (next.done) break;
      seen.push(next.value);
      head += next.value.text;
    }
    format = detectFormat(head, source);
  }
  const chunks = prepend(seen, { [Symbol.asyncIterator]: () => iterator });
  if (format === 'jsonl') return { format, items: jsonLines(chunks, read) };
  let whole = '';
  let invalid = false;
  for await (const chunk of chunks) {
    whole += chunk.text;
    invalid ||= chunk.invalid;
  }
  const result = readItems(whole, format === undefined ? read : { ...read, format });
  const utf8 = invalid ? utf8Warnings(whole, read.source) : [];
  return { format: result.format, items: fromArray([...utf8.map((issue) => ({ kind: 'issue' as const, issue })), ...result.items]) };
}

interface DecodedChunk {
  text: string;
  /** The chunk's bytes held a sequence that is not UTF-8 (replaced by U+FFFD). */
  invalid: boolean;
}

const REPLACEMENT = 0xfffd;

async function* decode(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<DecodedChunk> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield { text: chunk, invalid: false };
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    yield { text, invalid: text.includes('\uFFFD') && replacements(text) > writtenReplacements(chunk) };
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, invalid: tail.includes('\uFFFD') };
}

function replacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) n++;
  return n;
}

/** U+FFFD written in the input itself (bytes EF BF BD), which is valid UTF-8. */
function writtenReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

async function* jsonLines(chunks: AsyncIterable<DecodedChunk>, options: ReadOptions): AsyncGenerator<ReadItem> {
  const reader = new JsonLinesReader(options);
  const splitter = new LineSplitter();
  let invalid = false;
  let warned = 0;
  const items = function* (line: string): Generator<ReadItem> {
    const { record, issues } = reader.push(line);
    if (invalid && warned < MAX_UTF8_WARNINGS && line.includes('\uFFFD')) {
      warned++;
      yield { kind: 'issue', issue: utf8Warning(options.source, reader.line, line.indexOf('\uFFFD') + 1) };
    }
    for (const issue of issues) yield { kind: 'issue', issue };
    if (record) yield { kind: 'record', record, line: reader.line, raw: line };
  };
  for await (const chunk of chunks) {
    invalid ||= chunk.invalid;
    for (const line of splitter.push(chunk.text)) yield* items(line);
  }
  for (const line of splitter.end()) yield* items(line);
}

function utf8Warnings(text: string, source: string | undefined): ReadIssue[] {
  const lines = new LineIndex(text);
  const warnings: ReadIssue[] = [];
  let lastLine = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1 && warnings.length < MAX_UTF8_WARNINGS; at = text.indexOf('\uFFFD', at + 1)) {
    const place = lines.place(at);
    if (place.line === lastLine) continue;
    lastLine = place.line;
    warnings.push(utf8Warning(source, place.line, place.column));
  }
  return warnings;
}

function utf8Warning(source: string | undefined, line: number, column: number): ReadIssue {
  return {
    code: 'input/invalid-utf8',
    severity: PROBLEM_CODES['input/invalid-utf8'].severity,
    source: source || '<input>',
    line,
    column,
    message: `bytes that are not UTF-8 were replaced by U+${REPLACEMENT.toString(16).toUpperCase()}; save the file as UTF-8`,
  };
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

function isStream(input: RecordSource): input is NodeJS.ReadableStream {
  return typeof input === 'object' && input !== null && typeof (input as NodeJS.ReadableStream).pause === 'function' && typeof (input as NodeJS.ReadableStream).on === 'function';
}

