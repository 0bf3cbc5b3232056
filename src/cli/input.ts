/**
 * Files and stdin in, in input order, read only through the library's reading API
 * (`openRecords`, the function behind `streamRecords`): JSON Lines streamed with flat memory,
 * every other format read whole. The CLI has no reader of its own.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { openInputBytes, openRecords, type OpenedInput, type OpenedRecords } from '../node/read.js';
import { readAhead } from '../node/read-ahead.js';
import { ReadError, type InputFormat, type ReadIssue, type ReadItem, type ReadOptions } from '../records/index.js';
import { UsageError } from './args.js';

export type InputItem = (ReadItem & { source: string }) | { kind: 'unreadable'; message: string; source: string };

export interface InputOptions {
  /** Overrides detection for every input. */
  from: InputFormat | undefined;
  /** `--strict`: warnings reject their records, as in the library. */
  strict?: boolean;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const STDIN_NAME = '<stdin>';

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

/** Opens one input through the reading API. */
export function openInput(name: string, options: InputOptions): Promise<OpenedRecords> {
  return openRecords(name === '-' ? options.stdin : name, readOptions(name, options));
}

function readOptions(name: string, options: InputOptions): ReadOptions {
  return { source: sourceName(name), ...(options.from === undefined ? {} : { format: options.from }), ...(options.strict ? { strict: true } : {}) };
}

/** Opens one input as `openInput` does, but JSON Lines as its undecoded bytes, to be read in chunks of lines. */
export function openInputChunks(name: string, options: InputOptions): Promise<OpenedInput> {
  return openInputBytes(name === '-' ? options.stdin : name, readOptions(name, options));
}

/** Records and issues of every input, in order; an input that cannot be read at all is one `unreadable` item. */
export async function* readInputs(names: readonly string[], options: InputOptions): AsyncGenerator<InputItem> {
  for (const name of names) {
    const source = sourceName(name);
    try {
      const { items } = await openInput(name, options);
      for await (const item of items) yield { ...item, source };
    } catch (error) {
      yield unreadable(error, source);
    }
  }
}

/** The item for an input that failed to read; rethrows anything else (a bug). */
export function unreadable(error: unknown, source: string): InputItem & { kind: 'unreadable' } {
  if (!(error instanceof ReadError) && !isFsError(error)) throw error;
  return { kind: 'unreadable', source, message: error instanceof ReadError ? error.message : `${source}: cannot read: ${(error as Error).message}` };
}

export function sourceName(name: string): string {
  return name === '-' ? STDIN_NAME : name;
}

/** Reads stdin whole, as text (for `explain`, which also accepts a bare abstract). */
export async function readStdinText(options: InputOptions): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of readAhead(options.stdin, 4 * 1024 * 1024)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export type { ReadIssue };

function isFsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
