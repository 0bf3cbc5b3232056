/**
 * The work of classify, filter and stats on one batch of input, done the same way on the main
 * thread (--jobs 1, and short inputs) or on a worker: decode, split into lines, parse, classify,
 * and then either render the records as output text or count them. What comes back is small and
 * flat (the text, a few counts, the stderr lines), so with workers the main thread only moves
 * bytes: rendering and counting happen next to the classification, and no classification object
 * ever crosses a thread.
 */
import type { Transferable } from 'node:worker_threads';
import { createClassifier } from '../classification/classifier.js';
import type { Classification, ClassifyOptions } from '../classification/types.js';
import { classifyOne } from '../node/jobs.js';
import { TaxonomyIndex } from '../query/index.js';
import type { ProblemCode } from '../errors.js';
import type { IdClaims } from '../records/build.js';
import type { IdLines } from '../records/id-table.js';
import { formatIssue, type PaperRecord, type ReadIssue } from '../records/index.js';
import { readLineChunk } from '../node/read.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { palette } from './colour.js';
import { createFormatter, type EvidenceLevel, type RecordFormat, type RecordShape } from './output/index.js';
import { selector, type Selection } from './selection.js';
import type { Tagged } from './tagged.js';
import { countBatch, type TotalsPart, type TotalsSpec } from './totals.js';

/** Everything a worker needs to do batches: plain data, sent once when it starts. */
export interface WorkSpec {
  taxonomy: Taxonomy;
  options: ClassifyOptions;
  sink: SinkSpec;
}

/** What becomes of the tagged records: output text (classify, filter) or counts (stats). */
export type SinkSpec = RenderSpec | ({ kind: 'count' } & TotalsSpec);

export interface RenderSpec {
  kind: 'render';
  format: RecordFormat;
  shape: RecordShape;
  evidence: EvidenceLevel;
  /** Facets shown (table, CSV), in taxonomy order. */
  facets: string[];
  colour: boolean;
  width: number;
  /** `filter`: only the records that pass. */
  selection?: Selection;
  /** `filter` to JSON Lines: write each JSON Lines record as its original line, unchanged. */
  passthrough?: boolean;
}

/** A piece of input to do: records read on the main thread, or whole JSON Lines lines read where the batch is done. */
export type Batch = RecordBatch | LineBatch;

/** Records as the reading API gave them, with their lines (and, for JSON Lines, the lines as read). */
export interface RecordBatch {
  kind: 'records';
  records: PaperRecord[];
  /** 1-based line of each record's entry. */
  lines: number[];
  /** Each record's original JSON Lines line, or null (other formats). */
  raws: Array<string | null>;
  source: string;
}

/**
 * Whole lines of a JSON Lines input, undecoded (see node/line-chunks.ts): decoded, read, classified
 * and rendered where the batch is done, so with workers the main thread only cuts bytes. Read on its
 * own, a batch settles its records' ids as if no other line had any; `BatchResult.claims` says
 * which, and the main thread checks them against the rest of the input, in input order.
 */
export interface LineBatch {
  kind: 'lines';
  bytes: Uint8Array;
  /** The 1-based number of its first line in the input. */
  firstLine: number;
  source: string;
  /** --strict: warnings reject their records. */
  strict: boolean;
}

/** What a batch gave. */
export interface BatchResult {
  /**
   * The rendered records with the format's separators between them, as pieces of text to write
   * in turn, or as bytes when made on a worker. Never one joined string: a batch's output can pass
   * the 128 kB past which V8 gives a string pages of its own (see io.ts).
   */
  output: string[] | Uint8Array;
  /** Records in `output`. */
  written: number;
  /** Entries seen (tagged + rejected). */
  read: number;
  tagged: number;
  rejected: number;
  /** Warnings (fields left out, duplicate ids) about records that were kept. */
  warnings: number;
  /** Tagged records with a tag of the taxonomy's first facet. */
  withFirstFacet: number;
  /** Lines for stderr, in input order: why entries were rejected, located. */
  issues: string[];
  /** The problem code of each line in `issues`: exit status and summary come from these, never from text. */
  codes: ProblemCode[];
  /** `count` sinks: the batch's counts. */
  totals?: TotalsPart;
  /** Whole inputs that could not be read as their format (known on the main thread only). */
  unreadable?: number;
  /** A `lines` batch read on its own: the ids its records settled on. */
  claims?: IdClaims;
  /** A `lines` batch done on a worker: its bytes, handed back, for the rare batch that must be read again (see batches.ts). */
  input?: Uint8Array;
}

/**
 * Does a batch on this thread. `ids`: read a `lines` batch with the ids its input has taken so far
 * (the main thread, in input order) rather than on its own.
 */
export type Runner = (batch: Batch, ids?: IdLines) => BatchResult;

/** Does batches on this thread. */
export function createRunner(spec: WorkSpec): Runner {
  const classifier = createClassifier({ taxonomy: spec.taxonomy, ...spec.options });
  const firstFacet = spec.taxonomy.facets[0]?.id;
  const newSink = sinkFor(spec);
  const keepRaw = spec.sink.kind === 'render' && spec.sink.passthrough === true;

  const classifyInto = (result: BatchResult, sink: Sink, source: string, record: PaperRecord, line: number, raw: string | null) => {
    result.read++;
    const { classification, failure } = classifyContained(classifier, record);
    if (!classification) {
      result.rejected++;
      result.issues.push(formatIssue({ source, line, recordId: record.id, message: failure.message }));
      result.codes.push(failure.code);
      return;
    }
    result.tagged++;
    if (classification.tags.some((t) => t.facet === firstFacet)) result.withFirstFacet++;
    sink.add({ record, classification }, raw);
  };

  return (batch, ids) => {
    const result = emptyResult();
    const sink = newSink();
    if (batch.kind === 'records') {
      batch.records.forEach((record, i) => classifyInto(result, sink, batch.source, record, batch.lines[i] ?? 0, batch.raws[i] ?? null));
      return Object.assign(result, sink.finish());
    }
    const claims: IdClaims | undefined = ids ? undefined : { ids: [], lines: [] };
    const items = readLineChunk(batch.bytes, { source: batch.source, ...(batch.strict ? { strict: true } : {}), firstLine: batch.firstLine, ids: ids ? { firstLineOfId: ids } : { claims } });
    const entries = new EntryCount();
    for (const item of items) {
      if (item.kind === 'issue') entries.issue(result, item.issue);
      else {
        entries.record();
        classifyInto(result, sink, batch.source, item.record, item.line, keepRaw ? (item.raw ?? null) : null);
      }
    }
    if (claims) result.claims = claims;
    return Object.assign(result, sink.finish());
  };
}

export function emptyResult(): BatchResult {
  return { output: [], written: 0, read: 0, tagged: 0, rejected: 0, warnings: 0, withFirstFacet: 0, issues: [], codes: [] };
}

/**
 * Counts the reading API's issues into a result: a warning is one, an error rejects its entry.
 * Under --strict one entry can have several errors (one per field); it is one rejected entry.
 */
export class EntryCount {
  #lastRejected = '';

  issue(result: BatchResult, issue: ReadIssue): void {
    const isError = issue.severity === 'error';
    const entry = `${issue.line}:${issue.recordId ?? ''}`;
    const rejected = isError && entry !== this.#lastRejected ? 1 : 0;
    if (isError) this.#lastRejected = entry;
    result.read += rejected;
    result.rejected += rejected;
    result.warnings += isError ? 0 : 1;
    result.issues.push(formatIssue(issue));
    result.codes.push(issue.code);
  }

  /** A record was read: the next error is another entry's. */
  record(): void {
    this.#lastRejected = '';
  }
}

/**
 * Classifies one record so that its failure costs only itself: a `RecordError` is the record's
 * fault (`record/invalid`); anything else thrown while classifying it, even running out of string
 * or array length on a monstrous record, is reported as `record/failed` and the run goes on.
 */
function classifyContained(classifier: ReturnType<typeof createClassifier>, record: PaperRecord): { classification: Classification; failure?: undefined } | { classification?: undefined; failure: { code: ProblemCode; message: string } } {
  try {
    const { classification, failure } = classifyOne(classifier, record);
    if (classification) return { classification };
    return { failure: { code: 'record/invalid', message: failure?.message ?? 'not classified' } };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { failure: { code: 'record/failed', message: `could not be classified (${reason}); the other records are unaffected` } };
  }
}

/**
 * A worker's runner: as `createRunner`, with the output encoded to bytes that are handed over, not
 * copied, and a `lines` batch's own bytes handed back with it.
 */
export function createWorkerRunner(spec: WorkSpec): (batch: Batch) => { result: BatchResult; transfer: Transferable[] } {
  const run = createRunner(spec);
  return (batch) => {
    const result = run(batch);
    const transfer: Transferable[] = [];
    if (batch.kind === 'lines') {
      result.input = batch.bytes;
      transfer.push(batch.bytes.buffer as ArrayBuffer);
    }
    if (!Array.isArray(result.output) || result.output.length === 0) return { result, transfer };
    const bytes = encode(result.output, 64 * 1024);
    transfer.push(bytes.buffer);
    return { result: { ...result, output: bytes }, transfer };
  };
}

const encoder = new TextEncoder();

/**
 * The pieces as UTF-8, in one buffer of its own, encoded piece by piece rather than joined first
 * (see `BatchResult.output`). `capacity` is a first guess at the size; the buffer grows as needed,
 * and is handed over with its spare room rather than copied to fit.
 */
function encode(pieces: readonly string[], capacity: number): Uint8Array<ArrayBuffer> {
  let bytes = new Uint8Array(Math.max(capacity, 1024));
  let size = 0;
  for (const piece of pieces) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (bytes.length - size < piece.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, size + piece.length * 3));
      grown.set(bytes.subarray(0, size));
      bytes = grown;
    }
    size += encoder.encodeInto(piece, bytes.subarray(size)).written;
  }
  return bytes.subarray(0, size);
}

/** Takes the tagged records of one batch. */
interface Sink {
  add(entry: Tagged, raw: string | null): void;
  finish(): Partial<Pick<BatchResult, 'output' | 'written' | 'totals'>>;
}

function sinkFor({ taxonomy, sink: spec }: WorkSpec): () => Sink {
  if (spec.kind === 'count') {
    return () => {
      // Only the classifications are kept for the count, so the records die at once.
      const classifications: Classification[] = [];
      return { add: (entry) => classifications.push(entry.classification), finish: () => ({ totals: countBatch(taxonomy, spec, classifications) }) };
    };
  }
  const { format, shape, evidence, facets, colour, width } = spec;
  const formatter = createFormatter(format, { taxonomy, index: TaxonomyIndex.of(taxonomy), facets, shape, evidence, palette: palette(colour), width });
  const select = spec.selection ? selector(taxonomy, spec.selection) : undefined;
  const { separator } = formatter;
  return () => {
    const output: string[] = [];
    let written = 0;
    return {
      add: (entry, raw) => {
        if (select && !select(entry)) return;
        if (written++ > 0 && separator !== '') output.push(separator);
        // JSON Lines out of JSON Lines in: the line as read, so filter passes records through unchanged.
        output.push(spec.passthrough && raw !== null ? `${raw}\n` : formatter.entry(entry));
      },
      finish: () => ({ output, written }),
    };
  };
}
