/**
 * Files and stdin in, in input order. JSON Lines is streamed (flat memory for any size): as
 * bytes for the tagging pipeline, which cuts them into batches of lines (see line-batches.ts), or
 * line by line for `explain`; every other format is read whole, which its readers need.
 */
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { detectFormat, parseJsonLine, readRecords, ReadError, type InputFormat, type PaperRecord, type ReadIssue, type ReadResult } from '../records/index.js';
import { readLines } from '../node/stream.js';
import { UsageError } from './args.js';
import { readAhead } from './read-ahead.js';

export type InputItem =
  | { kind: 'record'; record: PaperRecord; source: string }
  /** A JSON Lines line, to be parsed. */
  | { kind: 'line'; text: string; line: number; source: string }
  | { kind: 'issue'; issue: ReadIssue }
  /** A whole input that could not be read as its format. */
  | { kind: 'unreadable'; message: string };

export interface InputOptions {
  /** Overrides detection for every input. */
  from: InputFormat | undefined;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const STDIN_NAME = '<stdin>';
/** Enough to tell JSON Lines apart; the same head size the detector itself reads. */
const HEAD_LIMIT = 200_000;
const STREAMED = /\.(?:jsonl|ndjson)$/i;
/** Bytes read ahead of the batches being done (see read-ahead.ts). */
const READ_AHEAD = 4 * 1024 * 1024;

/**
 * The inputs to read: the arguments, or stdin when there are none. Checked before any output, so
 * a typo in the last file name does not leave half a result behind.
 * @throws {UsageError} for a file that cannot be opened, or no input at all on a terminal.
 */
export function checkInputs(names: readonly string[], options: InputOptions, command: string): string[] {
  const list = names.length > 0 ? [...names] : ['-'];
  if (list.filter((n) => n === '-').length > 1) throw new UsageError("stdin ('-') can be read only once", command);
  for (const name of list) {
    if (name === '-') {
      if (options.stdin.isTTY) throw new UsageError('no input: give FILE arguments or pipe records into stdin', command);
      continue;
    }
    try {
      if (!statSync(name).isFile()) throw new UsageError(`cannot read '${name}': not a file`, command);
      accessSync(name, constants.R_OK);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new UsageError(`cannot read '${name}': ${reason}`, command);
    }
  }
  return list;
}

/** Records and issues of every input, in order, JSON Lines line by line (for `explain`). */
export async function* readInputs(names: readonly string[], options: InputOptions): AsyncGenerator<InputItem> {
  for (const name of names) {
    const source = sourceName(name);
    try {
      const input = await openInput(name, options);
      if (input.kind === 'jsonl') yield* jsonLines(textChunks(input.bytes), source);
      else yield* wholeText(input.text, source, input.format);
    } catch (error) {
      yield unreadable(error, source);
    }
  }
}

/** One input, opened: JSON Lines as its bytes, to be streamed; any other format read whole, which its readers need. */
export type OpenedInput =
  | { kind: 'jsonl'; bytes: AsyncIterable<Uint8Array> }
  | { kind: 'whole'; text: string; format: InputFormat | undefined };

/**
 * Opens an input and tells JSON Lines (by `--from`, the file name, or its first lines) from the
 * rest. Throws what reading throws: a `ReadError`, or a file-system error (see `unreadable`).
 */
export async function openInput(name: string, options: InputOptions): Promise<OpenedInput> {
  const bytes = readAhead(name === '-' ? options.stdin : createReadStream(name), READ_AHEAD);
  if (options.from === 'jsonl' || (options.from === undefined && STREAMED.test(name))) return { kind: 'jsonl', bytes };
  const decoder = new TextDecoder();
  const { head, seen, rest } = await peek(bytes, decoder);
  const format = options.from ?? detectFormat(head, sourceName(name));
  if (format === 'jsonl') return { kind: 'jsonl', bytes: prepend(seen, rest) };
  let text = head;
  for await (const chunk of rest) text += decoder.decode(chunk, { stream: true });
  return { kind: 'whole', text: text + decoder.decode(), format: options.from };
}

/** The item for an input that failed to read; rethrows anything else (a bug). */
export function unreadable(error: unknown, source: string): InputItem & { kind: 'unreadable' } {
  if (!(error instanceof ReadError) && !isFsError(error)) throw error;
  return { kind: 'unreadable', message: error instanceof ReadError ? error.message : `${source}: cannot read: ${(error as Error).message}` };
}

export function sourceName(name: string): string {
  return name === '-' ? STDIN_NAME : name;
}

/** The records and issues of a text in any format; `ReadError` when it cannot be read as one at all. */
export function readRecordsOf(text: string, source: string, format: InputFormat | undefined): ReadResult {
  return readRecords(text, format === undefined ? { source } : { source, format });
}

/** `readRecordsOf` as items. */
export function* wholeText(text: string, source: string, format: InputFormat | undefined): Generator<InputItem> {
  const result = readRecordsOf(text, source, format);
  // Whole-text readers return records (without line numbers) apart from issues, so the two cannot be interleaved.
  for (const issue of result.issues) yield { kind: 'issue', issue };
  for (const record of result.records) yield { kind: 'record', record, source };
}

async function* jsonLines(chunks: AsyncIterable<string>, source: string): AsyncGenerator<InputItem> {
  let line = 0;
  for await (const text of readLines(chunks)) {
    line++;
    if (/\S/.test(text)) yield { kind: 'line', text, line, source };
  }
}

/** The items with JSON Lines lines parsed here (for commands that need records right away). */
export async function* parsed(items: AsyncIterable<InputItem>): AsyncGenerator<Exclude<InputItem, { kind: 'line' }>> {
  for await (const item of items) {
    if (item.kind !== 'line') {
      yield item;
      continue;
    }
    const { record, issue } = parseJsonLine(item.text, item.line, item.source);
    if (record) yield { kind: 'record', record, source: item.source };
    else if (issue) yield { kind: 'issue', issue };
  }
}

/**
 * Reads until the first non-blank line is complete and the next has begun (or the limit, or the
 * end): `head` is that text, decoded, and `seen` the bytes it came from.
 */
async function peek(chunks: AsyncIterable<Uint8Array>, decoder: InstanceType<typeof TextDecoder>): Promise<{ head: string; seen: Uint8Array[]; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = '';
  const seen: Uint8Array[] = [];
  while (head.length < HEAD_LIMIT && !secondLineBegun(head)) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    head += decoder.decode(next.value, { stream: true });
  }
  return { head, seen, rest: { [Symbol.asyncIterator]: () => iterator } };
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

/** UTF-8 text of a byte stream; a character split across chunks is decoded whole. */
async function* textChunks(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Reads one input whole, as text (for `explain`, which also accepts a bare abstract). */
export async function readText(name: string, options: InputOptions): Promise<string> {
  let text = '';
  for await (const chunk of textChunks(readAhead(name === '-' ? options.stdin : createReadStream(name), READ_AHEAD))) text += chunk;
  return text;
}

function isFsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
