/**
 * Classifying batches of jobs (records or JSON Lines lines) on worker threads. Each worker
 * compiles the same taxonomy once (it arrives as plain JSON) and then answers one batch at a time;
 * the pool hands a batch to the first idle worker. Results carry per-record failures as data, so
 * one bad record never costs its batch.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createClassifier, type Classifier } from '../classification/classifier.js';
import type { ClassifyOptions } from '../classification/types.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { runJobs, type Job, type Outcome, type WorkerInit, type WorkerRequest, type WorkerResponse } from './jobs.js';
import { currentFile } from './location.js';

/**
 * Records per batch. Small batches keep memory down: a batch's records and results then die
 * young, in cheap scavenges, instead of being promoted and piling up until a full GC (measured on
 * 60,000 records: 256 → 32 records per batch took peak RSS from 190 to 130 MB on one thread, and
 * 256 → 64 from 365 to 250 MB with two workers). Workers get a little more per batch to amortise
 * each message, and four batches each in flight so they never wait for the main thread.
 */
export const POOL_BATCH_SIZE = 64;
export const INLINE_BATCH_SIZE = 32;

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

/** `auto` → one job per CPU; otherwise a whole number of at least 1. */
export function resolveJobs(jobs: number | 'auto'): number {
  return jobs === 'auto' ? Math.max(1, availableParallelism()) : Math.max(1, Math.floor(jobs));
}

/** Inputs up to this many jobs never start workers: their start-up (~0.2 s) would cost more than it saves. */
export const PARALLEL_AFTER = 1_000;

/**
 * A batch classifier that keeps short inputs on the calling thread: with `jobs > 1`, the first
 * `PARALLEL_AFTER` jobs are still done here, and the worker pool starts only when more arrive.
 */
export function createBatchClassifier(config: BatchClassifierOptions): BatchClassifier {
  const options = config.options ?? {};
  let local: Classifier | undefined;
  let pool: WorkerPool | undefined;
  let inline = 0;
  const jobs = Math.max(1, Math.floor(config.jobs));
  return {
    inFlight: jobs > 1 ? jobs * 4 : 1,
    batchSize: jobs > 1 ? POOL_BATCH_SIZE : INLINE_BATCH_SIZE,
    run(batch) {
      if (jobs > 1 && inline >= PARALLEL_AFTER) {
        pool ??= new WorkerPool(config.workerFile ?? defaultWorkerFile(), jobs, { taxonomy: config.taxonomy, options });
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

function defaultWorkerFile(): string {
  const here = currentFile();
  const file = join(dirname(here), here.endsWith('.cjs') ? 'worker.cjs' : 'worker.js');
  if (!existsSync(file)) throw new Error(`finetax: worker entry ${file} not found; build the package (npx tsup) to use jobs > 1`);
  return file;
}

interface Task {
  id: number;
  jobs: readonly Job[];
  resolve: (outcomes: Outcome[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/** A fixed set of workers; batches queue until a worker is idle. */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  #nextId = 0;
  #failure: Error | undefined;
  #closing = false;

  constructor(file: string, size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(file, { workerData: init }), task: undefined };
      slot.worker.on('message', (response: WorkerResponse) => this.#answer(slot, response));
      slot.worker.on('error', (error) => this.#fail(error));
      slot.worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`finetax: a classification worker exited with code ${code}`));
      });
      this.#slots.push(slot);
    }
  }

  /** Runs one batch on the next idle worker. */
  run(jobs: readonly Job[]): Promise<Outcome[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, jobs, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.task) continue;
      const task = this.#queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, jobs: task.jobs } satisfies WorkerRequest);
    }
  }

  #answer(slot: Slot, response: WorkerResponse): void {
    const task = slot.task;
    slot.task = undefined;
    if (task?.id === response.id) {
      if (response.outcomes) task.resolve(response.outcomes);
      else task.reject(new Error(response.error));
    }
    this.#dispatch();
  }

  /** A crashed worker means a bug, not bad input: every waiting batch fails with its error. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const slot of this.#slots) {
      slot.task?.reject(this.#failure);
      slot.task = undefined;
    }
    for (const task of this.#queue.splice(0)) task.reject(this.#failure);
  }
}
