/**
 * The inputs as a sequence of batches to do, in input order: JSON Lines as chunks of whole lines,
 * read where they are done (on a worker, or here), and any other format as the records the
 * reading API yields, a few dozen at a time. What needs no classifying (an issue, an unreadable input)
 * comes as a result already done, in its place, so issues print where they are in the input.
 */
import { InputIds, lineChunks } from '../node/line-chunks.js';
import { MAX_UTF8_WARNINGS, type OpenedInput, type OpenedRecords } from '../node/read.js';
import type { ReadItem, PaperRecord } from '../records/index.js';
import { openInputChunks, sourceName, unreadable, type InputOptions } from './input.js';
import { emptyResult, EntryCount, type BatchResult, type LineBatch, type RecordBatch, type Runner } from './work.js';

export type Piece = RecordBatch | Chunk | { kind: 'done'; result: BatchResult };

/** A `lines` batch, with what the main thread keeps of its input. */
export interface Chunk {
  kind: 'chunk';
  batch: LineBatch;
  input: ChunkedInput;
}

/**
 * Records per batch: enough to make a message to a worker cheap next to the work in it, few
 * enough that a batch's records and results die young (see node/pool.ts).
 */
export const RECORD_BATCH = 64;
/** Text per batch: one huge record makes a batch of its own, so it never holds others back. */
const BATCH_CHARS = 256 * 1024;
/** Bytes of JSON Lines per `lines` batch (~45 records of the arXiv corpus). */
export const LINE_BATCH_BYTES = 64 * 1024;

/**
 * `keepRaw`: keep each record's original JSON Lines line in its batch (`filter` passing records
 * through); otherwise a batch holds only the records, so a 50 MB line is not kept twice while its
 * record is classified. JSON Lines is cut into `lines` batches even on one thread: reading a chunk
 * at a time costs less than the reading API's item by item (no UTF-8 check of every byte, no
 * await per record; measured 9% fewer instructions for the whole `classify --jobs 1` run).
 */
export async function* inputPieces(names: readonly string[], options: InputOptions & { keepRaw?: boolean }): AsyncGenerator<Piece> {
  for (const name of names) {
    const source = sourceName(name);
    let opened: OpenedInput;
    try {
      opened = await openInputChunks(name, options);
    } catch (error) {
      yield done({ unreadable: 1, issues: [unreadable(error, source).message], codes: ['input/unreadable'] });
      continue;
    }
    if (opened.bytes) yield* linePieces(opened.bytes, source, options.strict === true);
    else yield* recordPieces(opened, source, options);
  }
}

async function* linePieces(bytes: AsyncIterable<Uint8Array>, source: string, strict: boolean): AsyncGenerator<Piece> {
  const input = new ChunkedInput();
  try {
    for await (const { bytes: chunk, firstLine } of lineChunks(bytes, LINE_BATCH_BYTES)) yield { kind: 'chunk', batch: { kind: 'lines', bytes: chunk, firstLine, source, strict }, input };
  } catch (error) {
    const { message } = unreadable(error, source);
    yield done({ unreadable: 1, issues: [message], codes: ['input/unreadable'] });
  }
}

async function* recordPieces({ items }: OpenedRecords, source: string, options: { keepRaw?: boolean }): AsyncGenerator<Piece> {
  let batch = emptyBatch(source);
  let chars = 0;
  const entries = new EntryCount();
  try {
    const iterator = items[Symbol.asyncIterator]();
    for (;;) {
      // Taken out of its iterator result, and let go once its record is in the batch: nothing here
      // then holds the item (and its raw line) while the batch is classified.
      let item = (await iterator.next()).value as ReadItem | undefined;
      if (item === undefined) break;
      if (item.kind === 'issue') {
        if (batch.records.length > 0) yield batch;
        batch = emptyBatch(source);
        chars = 0;
        const result = emptyResult();
        entries.issue(result, item.issue);
        yield { kind: 'done', result };
        continue;
      }
      entries.record();
      chars += addRecord(batch, item, options.keepRaw === true);
      item = undefined;
      if (batch.records.length >= RECORD_BATCH || chars >= BATCH_CHARS) {
        yield batch;
        batch = emptyBatch(source);
        chars = 0;
      }
    }
    if (batch.records.length > 0) yield batch;
  } catch (error) {
    if (batch.records.length > 0) yield batch;
    const { message } = unreadable(error, source);
    yield done({ unreadable: 1, issues: [message], codes: ['input/unreadable'] });
  }
}

/**
 * What the main thread keeps of one JSON Lines input read in `lines` batches: every id its records
 * took, and how many UTF-8 warnings it gave. Batches are read apart, each as if alone; taken back
 * in input order, each is checked against the ids before it, so the result is exactly what
 * reading the input in order gives.
 */
export class ChunkedInput {
  readonly #ids = new InputIds();
  #utf8Warnings = 0;

  /**
   * A batch's result as reading the whole input in order gives it. When an id the batch settled on
   * was taken by an earlier batch (a duplicate across batches, rare), the batch is read and done
   * again with `runHere`, on this thread, with the input's ids.
   */
  settle(batch: LineBatch, result: BatchResult, runHere: Runner): BatchResult {
    const settled = result.claims && this.#ids.take(result.claims) ? result : runHere({ ...batch, bytes: result.input ?? batch.bytes }, this.#ids.firstLineOfId);
    delete settled.claims;
    delete settled.input;
    return this.#capUtf8(settled);
  }

  /**
   * Reads and does a batch on this thread with the input's ids so far, as reading the input in
   * order does (no workers: nothing is read apart, so nothing needs settling).
   */
  readHere(batch: LineBatch, runHere: Runner): BatchResult {
    return this.#capUtf8(runHere(batch, this.#ids.firstLineOfId));
  }

  /** Lines with bytes that are not UTF-8 are reported up to a cap per input, as `streamRecords` does. */
  #capUtf8(result: BatchResult): BatchResult {
    if (!result.codes.includes('input/invalid-utf8')) return result;
    const keep = result.codes.map((code) => code !== 'input/invalid-utf8' || this.#utf8Warnings++ < MAX_UTF8_WARNINGS);
    result.warnings -= keep.filter((kept) => !kept).length;
    result.issues = result.issues.filter((_, i) => keep[i]);
    result.codes = result.codes.filter((_, i) => keep[i]);
    return result;
  }
}

/** Adds a record item to the batch; the size of its text. */
function addRecord(batch: RecordBatch, item: Extract<ReadItem, { kind: 'record' }>, keepRaw: boolean): number {
  batch.records.push(item.record);
  batch.lines.push(item.line);
  batch.raws.push(keepRaw ? (item.raw ?? null) : null);
  return textSize(item.record);
}

function emptyBatch(source: string): RecordBatch {
  return { kind: 'records', records: [], lines: [], raws: [], source };
}

function textSize(record: PaperRecord): number {
  return record.title.length + record.abstract.length;
}

function done(result: Partial<BatchResult>): Piece {
  return { kind: 'done', result: { ...emptyResult(), ...result } };
}
