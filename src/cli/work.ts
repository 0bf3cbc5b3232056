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
import { formatIssue, parseJsonLine, type PaperRecord } from '../records/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { palette } from './colour.js';
import { createFormatter, type EvidenceLevel, type RecordFormat, type RecordShape } from './output/index.js';
import { selector, type Selection } from './selection.js';
import type { Tagged } from './tagging.js';
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
}

/** A piece of input to do. */
export type Batch =
  /** Whole JSON Lines lines (see line-batches.ts), the first of them line `firstLine` of `source`. */
  | { kind: 'lines'; bytes: Uint8Array; source: string; firstLine: number }
  /** Records of an input read whole (any other format). */
  | { kind: 'records'; records: PaperRecord[]; source: string };

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
  /** Tagged records with a tag of the taxonomy's first facet. */
  withFirstFacet: number;
  /** Lines for stderr, in input order: why entries were rejected, located. */
  issues: string[];
  /** `count` sinks: the batch's counts. */
  totals?: TotalsPart;
  /** Whole inputs that could not be read as their format (known on the main thread only). */
  unreadable?: number;
}

/** Does batches on this thread. */
export function createRunner(spec: WorkSpec): (batch: Batch) => BatchResult {
  const classifier = createClassifier({ taxonomy: spec.taxonomy, ...spec.options });
  const firstFacet = spec.taxonomy.facets[0]?.id;
  const newSink = sinkFor(spec);

  return (batch) => {
    const result: BatchResult = { output: [], written: 0, read: 0, tagged: 0, rejected: 0, withFirstFacet: 0, issues: [] };
    const sink = newSink();
    /** Classifies a record and hands it on at once, so its classification dies young; `where` locates a failure. */
    const tag = (record: PaperRecord, where: (message: string) => string) => {
      result.read++;
      const { classification, failure } = classifyOne(classifier, record);
      if (!classification) {
        result.rejected++;
        result.issues.push(where(failure?.message ?? 'not classified'));
        return;
      }
      result.tagged++;
      if (classification.tags.some((t) => t.facet === firstFacet)) result.withFirstFacet++;
      sink.add({ record, classification });
    };
    if (batch.kind === 'records') {
      for (const record of batch.records) tag(record, (message) => `${batch.source}: ${message}`);
    } else {
      // A batch from a worker's message is a plain Uint8Array; as a Buffer it can be searched with memchr and decoded in slices.
      forEachLine(Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength), (text, index) => {
        const line = batch.firstLine + index;
        const { record, issue } = parseJsonLine(text, line, batch.source);
        if (issue) {
          result.read++;
          result.rejected++;
          result.issues.push(formatIssue(issue));
        } else if (record) tag(record, (message) => formatIssue({ source: batch.source, line, message }));
      });
    }
    return Object.assign(result, sink.finish());
  };
}

/** A worker's runner: as `createRunner`, with the output encoded to bytes that are handed over, not copied. */
export function createWorkerRunner(spec: WorkSpec): (batch: Batch) => { result: BatchResult; transfer: Transferable[] } {
  const run = createRunner(spec);
  return (batch) => {
    const result = run(batch);
    if (!Array.isArray(result.output) || result.output.length === 0) return { result, transfer: [] };
    const bytes = encode(result.output, batch.kind === 'lines' ? batch.bytes.length : 64 * 1024);
    return { result: { ...result, output: bytes }, transfer: [bytes.buffer] };
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
  add(entry: Tagged): void;
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
      add: (entry) => {
        if (select && !select(entry)) return;
        if (written++ > 0 && separator !== '') output.push(separator);
        output.push(formatter.entry(entry));
      },
      finish: () => ({ output, written }),
    };
  };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Calls `visit` with each line of a batch and its index, splitting as `readLines` does (a batch
 * ends with a line break, but the last of an input, and that break starts no further line).
 * Lines are decoded one by one, not the batch at once: one non-Latin-1 character would make the
 * whole batch's text, and every line sliced from it, a two-byte string, which V8 parses and
 * scans several times slower. Line breaks are ASCII and never inside a UTF-8 sequence, so
 * splitting bytes gives the lines that splitting text would.
 */
export function forEachLine(bytes: Buffer, visit: (line: string, index: number) => void): void {
  let start = 0;
  let index = 0;
  let lf = bytes.indexOf(LF);
  let cr = bytes.indexOf(CR);
  while (lf !== -1 || cr !== -1) {
    const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    visit(bytes.toString('utf8', start, end), index++);
    start = end === cr && bytes[end + 1] === LF ? end + 2 : end + 1;
    if (lf !== -1 && lf < start) lf = bytes.indexOf(LF, start);
    if (cr !== -1 && cr < start) cr = bytes.indexOf(CR, start);
  }
  if (start < bytes.length) visit(bytes.toString('utf8', start), index);
}
