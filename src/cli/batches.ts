/**
 * The inputs as a sequence of batches to do, in input order: the records the reading API yields,
 * a few hundred at a time. What needs no classifying (an issue, an unreadable input) comes as a
 * result already done, in its place, so issues print where they are in the input.
 */
import { formatIssue, type PaperRecord, type ReadItem } from '../records/index.js';
import { openInput, sourceName, unreadable, type InputOptions } from './input.js';
import type { Batch, BatchResult } from './work.js';

export type Piece = Batch | { kind: 'done'; result: BatchResult };

/**
 * Records per batch: enough to make a message to a worker cheap next to the work in it, few
 * enough that a batch's records and results die young (see node/pool.ts).
 */
export const RECORD_BATCH = 64;
/** Text per batch: one huge record makes a batch of its own, so it never holds others back. */
const BATCH_CHARS = 256 * 1024;

/**
 * `keepRaw`: keep each JSON Lines record's original line in the batch (`filter` passing records
 * through); otherwise a batch holds only the records, so a 50 MB line is not kept twice while its
 * record is classified.
 */
export async function* inputPieces(names: readonly string[], options: InputOptions & { keepRaw?: boolean }): AsyncGenerator<Piece> {
  for (const name of names) {
    const source = sourceName(name);
    let batch = emptyBatch(source);
    let chars = 0;
    // Under --strict one entry can have several errors (one per field); it is one rejected entry.
    let lastRejected = '';
    try {
      const { items } = await openInput(name, options);
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
          const isError = item.issue.severity === 'error';
          const entry = `${item.issue.line}:${item.issue.recordId ?? ''}`;
          const rejected = isError && entry !== lastRejected ? 1 : 0;
          if (isError) lastRejected = entry;
          yield done({ read: rejected, rejected, warnings: isError ? 0 : 1, issues: [formatIssue(item.issue)], codes: [item.issue.code] });
          continue;
        }
        lastRejected = '';
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
}

/** Adds a record item to the batch; the size of its text. */
function addRecord(batch: Batch, item: Extract<ReadItem, { kind: 'record' }>, keepRaw: boolean): number {
  batch.records.push(item.record);
  batch.lines.push(item.line);
  batch.raws.push(keepRaw ? (item.raw ?? null) : null);
  return textSize(item.record);
}

function emptyBatch(source: string): Batch {
  return { kind: 'records', records: [], lines: [], raws: [], source };
}

function textSize(record: PaperRecord): number {
  return record.title.length + record.abstract.length;
}

function done(result: Partial<BatchResult>): Piece {
  return { kind: 'done', result: { output: [], written: 0, read: 0, tagged: 0, rejected: 0, warnings: 0, withFirstFacet: 0, issues: [], codes: [], ...result } };
}
