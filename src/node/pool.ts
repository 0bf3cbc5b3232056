/**
 * Worker threads that answer requests, the one scheduling policy that spreads requests over them
 * and this thread, and the library's batch classifier on top. A worker is started from an entry
 * file with plain data, says when it is ready, then answers each request it is sent (see
 * worker-host.ts). The pool keeps a few requests queued in every ready worker, so a worker never
 * waits for the main thread between two batches. Nothing here knows what the work is: the CLI
 * passes its own worker entry and this-thread handler.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker, type Transferable } from 'node:worker_threads';
import { createClassifier, type Classifier } from '../classification/classifier.js';
import type { ClassifyOptions } from '../classification/types.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { runJobs, type Job, type Outcome } from './jobs.js';
import { currentFile } from './location.js';
import type { FromWorker, ToWorker } from './protocol.js';

/**
 * Records per batch. Small batches keep memory down: a batch's records and results then die
 * young, in cheap scavenges, instead of being promoted and piling up until a full GC (measured on
 * 60,000 records: 256 → 32 records per batch took peak RSS from 190 to 130 MB on one thread, and
 * 256 → 64 from 365 to 250 MB with two workers).
 */
export const POOL_BATCH_SIZE = 64;
export const INLINE_BATCH_SIZE = 32;

/**
 * Requests kept queued in each worker. While this thread does a request of its own or collects
 * its garbage (a full GC took 7-35 ms in a 200,000-record run), a worker lives on its queue: with
 * two CLI chunks of 64 kB (~6 ms of work) it ran dry and idled 0.9-2.0 s of a 100,000-record
 * --jobs 2 run and 4.1 s of a 200,000-record one (its event loop's idle time, on the shared 2-core
 * machine at load 6-9); with four, 0.06-0.3 s and 0.5 s.
 */
export const PER_WORKER = 4;

/**
 * Requests this thread may finish ahead of the oldest one still on a worker. Results are taken in
 * order, so when a worker falls behind (a GC pause, a long record, another process on its core)
 * this thread goes on with the next requests instead of waiting for that one. With a window of
 * `PER_WORKER + 1` per thread it waited 1.4-2.3 s of the same 100,000-record runs and 3.9 s of the
 * 200,000-record one; 16 ahead, 0.02 s and 0.6 s.
 * Results held are small (a CLI chunk's output, or a batch's classifications), so memory stays flat.
 */
export const RUN_AHEAD = 16;

/** Inputs up to this many records never start workers: their start-up (~0.2 s) would cost more than it saves. */
export const PARALLEL_AFTER = 1_000;

/** `auto` → one job per CPU; otherwise a whole number of at least 1. */
export function resolveJobs(jobs: number | 'auto'): number {
  return jobs === 'auto' ? Math.max(1, availableParallelism()) : Math.max(1, Math.floor(jobs));
}

/** The library's built worker entry (`worker.js`, or `.cjs` from the CommonJS build) next to this module. */
export function defaultWorkerFile(): string {
  return builtFile('worker');
}

/** A built entry (`NAME.js`, or `NAME.cjs` from the CommonJS build) next to the running bundle. */
export function builtFile(name: string): string {
  const here = currentFile();
  const file = join(dirname(here), here.endsWith('.cjs') ? `${name}.cjs` : `${name}.js`);
  if (!existsSync(file)) throw new Error(`finetax: worker entry ${file} not found; build the package (npx tsup) to use jobs > 1`);
  return file;
}

interface Task<Req, Res> {
  id: number;
  request: Req;
  transfer: readonly Transferable[];
  resolve: (result: Res) => void;
  reject: (error: Error) => void;
}

interface Slot<Req, Res> {
  worker: Worker;
  ready: boolean;
  /** Posted and not yet answered, oldest first: a worker answers in the order it was asked. */
  tasks: Array<Task<Req, Res>>;
}

/**
 * A worker's batches die young, so a smaller young generation costs nothing measurable and keeps
 * each worker's heap down (200,000 records with --jobs 2: peak RSS 181-200 MB → 165-168 MB, same time).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** A fixed set of workers; requests queue until a ready worker has room. */
export class WorkerPool<Req, Res> {
  readonly #slots: Array<Slot<Req, Res>> = [];
  readonly #queue: Array<Task<Req, Res>> = [];
  #nextId = 0;
  #failure: Error | undefined;
  #closing = false;

  constructor(file: string, size: number, init: unknown) {
    for (let i = 0; i < size; i++) {
      const slot: Slot<Req, Res> = { worker: new Worker(file, { workerData: init, resourceLimits: WORKER_LIMITS }), ready: false, tasks: [] };
      slot.worker.on('message', (message: FromWorker<Res>) => this.#answer(slot, message));
      slot.worker.on('error', (error) => this.#fail(error));
      slot.worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`finetax: a worker exited with code ${code}`));
      });
      this.#slots.push(slot);
    }
  }

  /** Whether some worker has finished starting (compiling the taxonomy). */
  get ready(): boolean {
    return this.#slots.some((slot) => slot.ready);
  }

  /**
   * Whether a request given now would be answered without queueing: a ready worker has room, or
   * the pool has failed (then `run` rejects at once, so the failure surfaces instead of the caller
   * quietly doing all the work itself).
   */
  get hasRoom(): boolean {
    if (this.#failure) return true;
    return this.#queue.length === 0 && this.#slots.some((slot) => slot.ready && slot.tasks.length < PER_WORKER);
  }

  /** Runs one request on a worker; `transfer` lists buffers handed over (they become unusable here). */
  run(request: Req, transfer: readonly Transferable[] = []): Promise<Res> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, request, transfer, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  /** Hands queued tasks to the ready worker with the fewest outstanding, up to `PER_WORKER` each. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      let best: Slot<Req, Res> | undefined;
      for (const slot of this.#slots) if (slot.ready && slot.tasks.length < PER_WORKER && (!best || slot.tasks.length < best.tasks.length)) best = slot;
      if (!best) return;
      const task = this.#queue.shift()!;
      best.tasks.push(task);
      best.worker.postMessage({ id: task.id, request: task.request } satisfies ToWorker<Req>, task.transfer);
    }
  }

  #answer(slot: Slot<Req, Res>, message: FromWorker<Res>): void {
    if (message.kind === 'ready') slot.ready = true;
    else {
      const task = slot.tasks.shift();
      if (task?.id === message.id) {
        if (message.kind === 'result') task.resolve(message.result);
        else task.reject(new Error(message.error));
      }
    }
    this.#dispatch();
  }

  /** A crashed worker means a bug, not bad input: every waiting request fails with its error. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const slot of this.#slots) for (const task of slot.tasks.splice(0)) task.reject(this.#failure);
    for (const task of this.#queue.splice(0)) task.reject(this.#failure);
  }
}

/** Requests spread over this thread and workers, in the one policy every pool user shares. */
export interface Scheduler<Req, Res> {
  run(request: Req): Res | Promise<Res>;
  /** Requests a caller should keep in flight: every worker's queue full, and `RUN_AHEAD` more for this thread. */
  readonly inFlight: number;
  /** Stops the workers, if any were started. */
  close(): Promise<void>;
}

export interface SchedulerOptions<Req, Res> {
  /** Threads: this one plus `jobs - 1` workers; 1 (or less) does everything here. */
  jobs: number;
  /** The worker entry file (see worker-host.ts), asked for only when workers start. */
  workerFile: () => string;
  /** Plain data each worker is started with. */
  workerData: unknown;
  /** The same work on this thread, built on first use. */
  local: () => (request: Req) => Res;
  /** Work (in `sizeOf` units) done before workers start: they cost ~0.2-1 s each to start. @default 0 */
  startAfter?: number;
  /** A request's size in the units of `startAfter`. @default 1 per request */
  sizeOf?: (request: Req) => number;
  /** Buffers of a request to hand over to a worker rather than copy. */
  transfer?: (request: Req) => Transferable[];
  /** Send every request to the workers once they start, never doing any here (a test seam). */
  eager?: boolean;
}

/**
 * The one scheduling policy: requests are done on this thread until `startAfter` of work has been
 * seen (a short input never pays for workers), then `jobs - 1` workers start. From then on a
 * request goes to a worker when one has room, else it is done here, so this thread works too
 * instead of mostly waiting: on two cores one worker plus this thread beat two workers by 8-25%,
 * and take one worker's memory less. While the workers start, requests are done here, not queued.
 */
export function createScheduler<Req, Res>(options: SchedulerOptions<Req, Res>): Scheduler<Req, Res> {
  const jobs = Math.max(1, Math.floor(options.jobs));
  const startAfter = options.startAfter ?? 0;
  const sizeOf = options.sizeOf ?? (() => 1);
  let local: ((request: Req) => Res) | undefined;
  let pool: WorkerPool<Req, Res> | undefined;
  let seen = 0;
  const startPool = () => (pool ??= new WorkerPool<Req, Res>(options.workerFile(), jobs - 1, options.workerData));
  if (jobs > 1 && startAfter <= 0) startPool();
  return {
    inFlight: jobs > 1 ? (jobs - 1) * PER_WORKER + RUN_AHEAD : 1,
    run(request) {
      if (jobs > 1 && !pool) {
        seen += sizeOf(request);
        if (seen > startAfter) startPool();
      }
      if (pool && (options.eager || pool.hasRoom)) return pool.run(request, options.transfer?.(request) ?? []);
      local ??= options.local();
      return local(request);
    },
    close: async () => pool?.close(),
  };
}

/** Classifies batches, on this thread or on workers. */
export interface BatchClassifier {
  /** One outcome per job, in order. */
  run(jobs: readonly Job[]): Promise<Outcome[]>;
  /** The batch size this classifier works best with. */
  readonly batchSize: number;
  /** How many batches a caller should keep in flight to keep every worker busy. */
  readonly inFlight: number;
  /** Stops the workers, if any were started. */
  close(): Promise<void>;
}

export interface BatchClassifierOptions {
  taxonomy: Taxonomy;
  /** Threads to classify on (this one and `jobs - 1` workers); 1 (or less) classifies on the calling thread. */
  jobs: number;
  options?: ClassifyOptions;
  /** The built worker entry. @default `worker.js` (or `.cjs`) next to this module */
  workerFile?: string;
}

/**
 * The library's batch classifier: the shared scheduler with the classifier as its work, and the
 * first `PARALLEL_AFTER` records always done here.
 */
export function createBatchClassifier(config: BatchClassifierOptions): BatchClassifier {
  const options = config.options ?? {};
  const jobs = Math.max(1, Math.floor(config.jobs));
  const scheduler = createScheduler<readonly Job[], Outcome[]>({
    jobs,
    workerFile: () => config.workerFile ?? defaultWorkerFile(),
    workerData: { taxonomy: config.taxonomy, options },
    local: () => {
      const classifier: Classifier = createClassifier({ taxonomy: config.taxonomy, ...options });
      return (batch) => runJobs(classifier, batch);
    },
    startAfter: PARALLEL_AFTER,
    sizeOf: (batch) => batch.length,
  });
  return {
    inFlight: scheduler.inFlight,
    batchSize: jobs > 1 ? POOL_BATCH_SIZE : INLINE_BATCH_SIZE,
    run(batch) {
      try {
        return Promise.resolve(scheduler.run(batch));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: () => scheduler.close(),
  };
}
