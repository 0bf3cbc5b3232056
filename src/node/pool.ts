/**
 * Worker threads that answer requests, and the library's batch classifier on top of them. A
 * worker is started with plain data (`WorkerInit`: what to do and the taxonomy, as JSON), says
 * when it is ready, then answers each request it is sent. The pool keeps a few requests queued
 * in every ready worker, so a worker never waits for the main thread between two batches.
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
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

/**
 * Records per batch. Small batches keep memory down: a batch's records and results then die
 * young, in cheap scavenges, instead of being promoted and piling up until a full GC (measured on
 * 60,000 records: 256 → 32 records per batch took peak RSS from 190 to 130 MB on one thread, and
 * 256 → 64 from 365 to 250 MB with two workers).
 */
export const POOL_BATCH_SIZE = 64;
export const INLINE_BATCH_SIZE = 32;

/** Requests kept queued in each worker: two, so the next is there the moment one is answered. */
export const PER_WORKER = 2;

/** Inputs up to this many records never start workers: their start-up (~0.2 s) would cost more than it saves. */
export const PARALLEL_AFTER = 1_000;

/** `auto` → one job per CPU; otherwise a whole number of at least 1. */
export function resolveJobs(jobs: number | 'auto'): number {
  return jobs === 'auto' ? Math.max(1, availableParallelism()) : Math.max(1, Math.floor(jobs));
}

/** The built worker entry (`worker.js`, or `.cjs` from the CommonJS build) next to this module. */
export function defaultWorkerFile(): string {
  const here = currentFile();
  const file = join(dirname(here), here.endsWith('.cjs') ? 'worker.cjs' : 'worker.js');
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

  constructor(file: string, size: number, init: WorkerInit) {
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
  /** Worker threads; 1 (or less) classifies on the calling thread. */
  jobs: number;
  options?: ClassifyOptions;
  /** The built worker entry. @default `worker.js` (or `.cjs`) next to this module */
  workerFile?: string;
}

/**
 * A batch classifier that keeps short inputs on the calling thread: with `jobs > 1`, the first
 * `PARALLEL_AFTER` jobs are still done here, and the worker pool starts only when more arrive.
 */
export function createBatchClassifier(config: BatchClassifierOptions): BatchClassifier {
  const options = config.options ?? {};
  let local: Classifier | undefined;
  let pool: WorkerPool<readonly Job[], Outcome[]> | undefined;
  let inline = 0;
  const jobs = Math.max(1, Math.floor(config.jobs));
  return {
    inFlight: jobs > 1 ? jobs * (PER_WORKER + 1) : 1,
    batchSize: jobs > 1 ? POOL_BATCH_SIZE : INLINE_BATCH_SIZE,
    run(batch) {
      if (jobs > 1 && inline >= PARALLEL_AFTER) {
        pool ??= new WorkerPool(config.workerFile ?? defaultWorkerFile(), jobs, { kind: 'classify', taxonomy: config.taxonomy, options });
        return pool.run(batch);
      }
      inline += batch.length;
      local ??= createClassifier({ taxonomy: config.taxonomy, ...options });
      try {
        return Promise.resolve(runJobs(local, batch));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: async () => pool?.close(),
  };
}
