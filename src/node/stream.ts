/**
 * Streaming building blocks: lines out of a byte or text stream, fixed-size batches, and an
 * ordered map that keeps several batches in flight. `classifyStream` puts them together so a
 * million records go through with flat memory, in input order, on one thread or several.
 */
import type { Classification, ClassifyOptions, PaperInput } from '../classification/types.js';
import { defaultTaxonomy } from '../taxonomy/generated/default.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { LineSplitter } from '../records/lines.js';
import { recordJob, type RecordFailure } from './jobs.js';
import { createBatchClassifier } from './pool.js';

/**
 * Splits a stream into lines on `\r\n`, `\n` or a lone `\r` (as `readline` and the JSON Lines
 * reader do), without the line breaks. A final line break does not start an empty last line.
 * Reading is pulled, so a slow consumer pauses the source instead of buffering it.
 *
 * @example
 * for await (const line of readLines(createReadStream('papers.jsonl'))) …
 */
export async function* readLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const splitter = new LineSplitter();
  for await (const chunk of chunks) yield* splitter.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  yield* splitter.push(decoder.decode());
  yield* splitter.end();
}

/** Groups items into arrays of `size` (the last one may be shorter). */
export async function* batches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Maps items through an async function with up to `limit` calls in flight, yielding results in
 * input order. The source is only read while fewer than `limit` results wait, which bounds memory.
 */
export async function* mapInOrder<T, U>(items: AsyncIterable<T>, map: (item: T) => Promise<U>, limit: number): AsyncGenerator<U> {
  const pending: Array<Promise<U>> = [];
  for await (const item of items) {
    const result = map(item);
    // Rejections are awaited in order below; this only keeps a later one from counting as unhandled meanwhile.
    result.catch(() => undefined);
    pending.push(result);
    if (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/** Options of `classifyStream`. */
export interface ClassifyStreamOptions extends ClassifyOptions {
  /** The taxonomy to classify against. @default defaultTaxonomy */
  taxonomy?: Taxonomy;
  /** Worker threads to classify on; 1 classifies on the calling thread. @default 1 */
  jobs?: number;
  /** Records classified at a time. @default 64 with workers, 32 without */
  batchSize?: number;
}

/** One record with its classification, or with the reason it could not be classified. */
export type StreamEntry<R> =
  | { record: R; classification: Classification; failure?: undefined }
  | { record: R; classification?: undefined; failure: RecordFailure };

/**
 * Classifies records from any iterable or async iterable (a file being read, a database
 * cursor) and yields one entry per record, in input order. With `jobs > 1`, batches go to
 * worker threads, which start only after the first 1,000 records, so a short input never pays
 * their start-up. A record that is not a paper record yields a `failure` instead of stopping the
 * stream. Breaking out of the loop stops the workers. Memory stays flat: only the batches in
 * flight are held.
 *
 * @example
 * async function* records(path: string) {
 *   for await (const line of readLines(createReadStream(path))) if (line.trim()) yield JSON.parse(line);
 * }
 * for await (const { record, classification, failure } of classifyStream(records('papers.jsonl'), { jobs: 4 })) …
 */
export async function* classifyStream<R extends PaperInput>(
  records: AsyncIterable<R> | Iterable<R>,
  options: ClassifyStreamOptions = {},
): AsyncGenerator<StreamEntry<R>> {
  const { taxonomy = defaultTaxonomy, jobs = 1, batchSize, ...classifyOptions } = options;
  const classifier = createBatchClassifier({ taxonomy, jobs, options: classifyOptions });
  try {
    const classifyBatch = async (batch: R[]) => ({ batch, outcomes: await classifier.run(batch.map(recordJob)) });
    for await (const { batch, outcomes } of mapInOrder(batches(records, batchSize ?? classifier.batchSize), classifyBatch, classifier.inFlight)) {
      for (let i = 0; i < batch.length; i++) {
        const { classification, failure } = outcomes[i]!;
        yield classification ? { record: batch[i]!, classification } : { record: batch[i]!, failure: failure ?? { message: 'not classified' } };
      }
    }
  } finally {
    await classifier.close();
  }
}
