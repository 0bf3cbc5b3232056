/**
 * Files and stdin in, records and issues out, in input order. JSON Lines is streamed line by
 * line (flat memory for any size); every other format is read whole, which its readers need.
 */
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { detectFormat, parseJsonLine, readRecords, ReadError, type InputFormat, type PaperRecord, type ReadIssue } from '../records/index.js';
import { readLines } from '../node/stream.js';
import { UsageError } from './args.js';

export type InputItem =
  | { kind: 'record'; record: PaperRecord; source: string }
  /** A JSON Lines line, parsed where it is classified (on a worker, with --jobs). */
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

/** Records and issues of every input, in order. */
export async function* readInputs(names: readonly string[], options: InputOptions): AsyncGenerator<InputItem> {
  for (const name of names) yield* readInput(name, options);
}

async function* readInput(name: string, options: InputOptions): AsyncGenerator<InputItem> {
  const source = name === '-' ? STDIN_NAME : name;
  const chunks = textChunks(name === '-' ? options.stdin : createReadStream(name));
  try {
    if (options.from === 'jsonl' || (options.from === undefined && STREAMED.test(name))) {
      yield* jsonLines(chunks, source);
      return;
    }
    const { head, rest } = await peek(chunks);
    if ((options.from ?? detectFormat(head, source)) === 'jsonl') {
      yield* jsonLines(prepend(head, rest), source);
      return;
    }
    let text = head;
    for await (const chunk of rest) text += chunk;
    yield* wholeText(text, source, options.from);
  } catch (error) {
    if (!(error instanceof ReadError) && !isFsError(error)) throw error;
    yield { kind: 'unreadable', message: error instanceof ReadError ? error.message : `${source}: cannot read: ${(error as Error).message}` };
  }
}

/** The records of a text in any format; `ReadError` when it cannot be read as one at all. */
export function* wholeText(text: string, source: string, format: InputFormat | undefined): Generator<InputItem> {
  const result = readRecords(text, format === undefined ? { source } : { source, format });
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

/** Reads until the first non-blank line is complete and the next has begun (or the limit, or the end). */
async function peek(chunks: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = '';
  while (head.length < HEAD_LIMIT && !secondLineBegun(head)) {
    const next = await iterator.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest: { [Symbol.asyncIterator]: () => iterator } };
}

/** Linear on purpose: the head can be one 200 kB line. */
function secondLineBegun(text: string): boolean {
  const first = text.search(/\S/);
  if (first < 0) return false;
  const lineBreak = text.slice(first).search(/[\r\n]/);
  return lineBreak >= 0 && /\S/.test(text.slice(first + lineBreak));
}

async function* prepend(head: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield head;
  yield* rest;
}

/** UTF-8 text of a byte stream; a character split across chunks is decoded whole. */
async function* textChunks(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Reads one input whole, as text (for `explain`, which also accepts a bare abstract). */
export async function readText(name: string, options: InputOptions): Promise<string> {
  let text = '';
  for await (const chunk of textChunks(name === '-' ? options.stdin : createReadStream(name))) text += chunk;
  return text;
}

function isFsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
