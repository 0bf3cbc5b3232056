/**
 * The pipeline shared by classify, filter and stats: inputs → batches → work (this thread, or
 * workers with --jobs) → results in input order. The main thread reads and cuts bytes, and takes
 * back what each batch gave: output text (or counts), a few numbers, and the stderr lines, which
 * are reported in their place in the input; nothing is dropped without a line saying so.
 */
import { fstatSync, statSync } from 'node:fs';
import type { ClassifyOptions } from '../classification/types.js';
import { builtFile, createScheduler, type Scheduler } from '../node/pool.js';
import { mapInOrder } from '../node/stream.js';
import type { InputFormat, } from '../records/index.js';
import type { ProblemCode } from '../errors.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { inputPieces, type Chunk, type Piece } from './batches.js';
import type { Context } from './context.js';
import { Reporter } from './io.js';
import { createRunner, type Batch, type BatchResult, type Runner, type SinkSpec, type WorkSpec } from './work.js';

export type { Tagged } from './tagged.js';

export interface Counts {
  /** Entries seen: tagged + rejected. */
  read: number;
  /** Records classified (whether or not they got a tag). */
  tagged: number;
  /** Entries that could not be read as a record, or not classified. */
  rejected: number;
  /** Tagged records with at least one tag of the taxonomy's first facet (method, by default). */
  withFirstFacet: number;
  /** Whole inputs that could not be read as their format. */
  unreadable: number;
  /** Warnings about records that were kept (fields left out, duplicate ids, invalid UTF-8). */
  warnings: number;
  /** How often each problem code was reported: the exit status is derived from these. */
  codes: Map<ProblemCode, number>;
}

export interface TaggingSetup {
  inputs: readonly string[];
  from: InputFormat | undefined;
  taxonomy: Taxonomy;
  options: ClassifyOptions;
  jobs: number;
  quiet: boolean;
  /** --strict: warnings reject their records (as the library's `strict`), and any rejection fails the run. */
  strict: boolean;
  /** What the work makes of the tagged records. */
  sink: SinkSpec;
}

/** Inputs past this many records show a progress line (on a terminal). */
const PROGRESS_AFTER = 5_000;

/** Tags every input record and hands each batch's result to `consume`, in input order. */
export async function tagInputs(ctx: Context, setup: TaggingSetup, consume: (result: BatchResult) => Promise<void> | void): Promise<Counts> {
  const counts: Counts = { read: 0, tagged: 0, rejected: 0, withFirstFacet: 0, unreadable: 0, warnings: 0, codes: new Map() };
  const reporter = new Reporter(ctx.stderr, { quiet: setup.quiet, progressAfter: ctx.stderr.isTTY ? PROGRESS_AFTER : undefined });
  const spec: WorkSpec = { taxonomy: setup.taxonomy, options: setup.options, sink: setup.sink };
  let runner: Runner | undefined;
  const runHere: Runner = (batch, ids) => (runner ??= createRunner(spec))(batch, ids);
  const start = poolStart(setup, ctx);
  const work = createWork(spec, setup.jobs, start, runHere);
  try {
    const keepRaw = setup.sink.kind === 'render' && setup.sink.passthrough === true;
    // JSON Lines is read in chunks of whole lines: by workers when they may run (the main thread
    // then only cuts and writes bytes), else here, each chunk with its input's ids so far.
    const pieces = inputPieces(setup.inputs, { from: setup.from, strict: setup.strict, stdin: ctx.stdin, keepRaw });
    // A chunk's result is settled against its input's ids here, in input order (see ChunkedInput).
    const run = async (piece: Piece): Promise<[Chunk | undefined, BatchResult]> => {
      if (piece.kind === 'done') return [undefined, piece.result];
      if (piece.kind === 'records') return [undefined, await work.run(piece)];
      if (start === 'never') return [undefined, piece.input.readHere(piece.batch, runHere)];
      return [piece, await work.run(piece.batch)];
    };
    for await (const [chunk, done] of mapInOrder(pieces, run, work.inFlight)) {
      const result = chunk ? chunk.input.settle(chunk.batch, done, runHere) : done;
      counts.read += result.read;
      counts.tagged += result.tagged;
      counts.rejected += result.rejected;
      counts.withFirstFacet += result.withFirstFacet;
      counts.unreadable += result.unreadable ?? 0;
      counts.warnings += result.warnings;
      for (const code of result.codes) counts.codes.set(code, (counts.codes.get(code) ?? 0) + 1);
      for (const line of result.issues) reporter.line(line);
      reporter.progress(counts.read);
      await consume(result);
    }
  } finally {
    reporter.done();
    await work.close();
  }
  return counts;
}

/**
 * When the workers start: `never`; `early`, at once (a large input); `later`, once `POOL_STREAM_BYTES`
 * of an input whose size is not known (stdin from a pipe) have been read; or `eager`, at once, with
 * every batch going to them (a test seam, FINETAX_POOL=eager, so tests cover that path whatever the
 * input's size).
 */
export type PoolStart = 'never' | 'early' | 'later' | 'eager';

/**
 * Input below which the workers do not pay for themselves (~45,000 arXiv records, 3 s on one
 * thread). A worker costs about a second of CPU to start and warm up (its own JIT), and on two
 * cores that time is taken from this thread: measured, --jobs 2 was 18% slower than --jobs 1 on
 * 20,000 records, 5% slower on 30,000, 12% faster on 50,000 and 50% faster on 200,000. Bytes
 * rather than records, as the work grows with the text.
 */
const POOL_INPUT_BYTES = 64 * 1024 * 1024;
/** stdin read before the workers start (they then have at least as much again to pay off on, for inputs larger than that). */
const POOL_STREAM_BYTES = 32 * 1024 * 1024;

/**
 * stdin redirected from a file (`< papers.jsonl`) has a size like a named file, so a large one
 * starts the workers at once rather than after `POOL_STREAM_BYTES`: on one thread those 32 MB
 * (~22,000 records, 1.6 s) were 2% of a million-record run that the worker could have halved.
 */
export function poolStart(setup: Pick<TaggingSetup, 'jobs' | 'inputs'>, ctx: Pick<Context, 'stdin' | 'env'>): PoolStart {
  if (setup.jobs < 2) return 'never';
  if (ctx.env.FINETAX_POOL === 'eager') return 'eager';
  let bytes = 0;
  let unknown = false;
  for (const name of setup.inputs) {
    const size = name === '-' ? fileSize(ctx.stdin) : statSync(name).size;
    if (size === undefined) unknown = true;
    else bytes += size;
  }
  if (bytes >= POOL_INPUT_BYTES) return 'early';
  return unknown ? 'later' : 'never';
}

/** The size of the regular file a stream reads from by descriptor (stdin `< file`); undefined for a pipe, a terminal or a stream without one. */
function fileSize(stream: object): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** The CLI's work on the shared scheduler of src/node, with the CLI's own worker entry and runner. */
function createWork(spec: WorkSpec, jobs: number, start: PoolStart, runHere: Runner): Scheduler<Batch, BatchResult> {
  const startAfter = start === 'never' ? Infinity : start === 'later' ? POOL_STREAM_BYTES : 0;
  return createScheduler<Batch, BatchResult>({
    jobs: start === 'never' ? 1 : jobs,
    workerFile: () => builtFile('cli-worker'),
    workerData: spec,
    local: () => runHere,
    startAfter,
    sizeOf: batchSize,
    // A chunk's bytes are handed over, and handed back with its result (see ChunkedInput).
    transfer: (batch) => (batch.kind === 'lines' ? [batch.bytes.buffer as ArrayBuffer] : []),
    eager: start === 'eager',
  });
}

/** The text a batch stands for: characters of its records, or bytes of its lines. */
function batchSize(batch: Batch): number {
  if (batch.kind === 'lines') return batch.bytes.length;
  return batch.records.reduce((sum, record) => sum + record.title.length + record.abstract.length, 0);
}

/** `6 read, 4 tagged, 2 rejected; 3 with a method tag`, plus any extra clauses. */
export function summaryLine(counts: Counts, taxonomy: Taxonomy, extra: readonly string[] = []): string {
  const facet = taxonomy.facets[0]?.id ?? 'facet';
  const parts = [`${counts.read} read, ${counts.tagged} tagged, ${counts.rejected} rejected`, `${counts.withFirstFacet} with a ${facet} tag`, ...extra];
  if (counts.warnings > 0) parts.push(`${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`);
  if (counts.unreadable > 0) parts.push(`${counts.unreadable} input${counts.unreadable === 1 ? '' : 's'} unreadable`);
  return parts.join('; ');
}

/**
 * The exit status, from problem codes only: 1 when an input was unreadable (`input/unreadable`),
 * a record failed to classify (`record/failed`), or, under --strict, anything was rejected.
 */
export function exitCodeOf(counts: Counts, strict: boolean): number {
  const fails = (code: ProblemCode) => (counts.codes.get(code) ?? 0) > 0;
  if (fails('input/unreadable') || fails('input/unknown-format') || fails('record/failed')) return 1;
  return strict && counts.rejected > 0 ? 1 : 0;
}
