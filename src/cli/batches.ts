/**
 * The inputs as a sequence of batches to do, in input order: JSON Lines as byte batches of whole
 * lines (streamed, flat memory), other formats as batches of the records read from their whole
 * text. What needs no classifying (a whole-text reader's issues, an unreadable input) comes as a
 * result already done, in its place.
 */
import { formatIssue } from '../records/index.js';
import { openInput, readRecordsOf, sourceName, unreadable, type InputOptions } from './input.js';
import { lineBatches } from './line-batches.js';
import type { Batch, BatchResult } from './work.js';

export type Piece = Batch | { kind: 'done'; result: BatchResult };

/**
 * Bytes of JSON Lines per batch (~45 records of the arXiv corpus, ~3 ms of work): enough to make
 * a message to a worker cheap next to the work in it, and short enough that the event loop gets a
 * turn to read (and write) often. 64 kB and 256 kB ran at the same speed from a file; from a pipe
 * the shorter turns keep the producer from waiting.
 */
export const LINE_BATCH_BYTES = 64 * 1024;
/** Records per batch of an input read whole. */
export const RECORD_BATCH = 256;

export async function* inputPieces(names: readonly string[], options: InputOptions): AsyncGenerator<Piece> {
  for (const name of names) {
    const source = sourceName(name);
    try {
      const input = await openInput(name, options);
      if (input.kind === 'jsonl') {
        let firstLine = 1;
        for await (const { bytes, breaks } of lineBatches(input.bytes, LINE_BATCH_BYTES)) {
          yield { kind: 'lines', bytes, source, firstLine };
          firstLine += breaks;
        }
        continue;
      }
      const { records, issues } = readRecordsOf(input.text, source, input.format);
      // Whole-text readers return records (without line numbers) apart from issues, so the two cannot be interleaved.
      if (issues.length > 0) yield done({ read: issues.length, rejected: issues.length, issues: issues.map(formatIssue) });
      for (let i = 0; i < records.length; i += RECORD_BATCH) yield { kind: 'records', records: records.slice(i, i + RECORD_BATCH), source };
    } catch (error) {
      const { message } = unreadable(error, source);
      yield done({ unreadable: 1, issues: [message] });
    }
  }
}

function done(result: Partial<BatchResult>): Piece {
  return { kind: 'done', result: { output: [], written: 0, read: 0, tagged: 0, rejected: 0, withFirstFacet: 0, issues: [], ...result } };
}
