/**
 * The messages between the pool and its workers. Everything crossing is plain data; large
 * payloads travel as transferred byte buffers rather than object graphs, whose structured clone
 * would cost the main thread more than the work it hands out.
 */
import type { ClassifyOptions } from '../classification/types.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { WorkSpec } from '../cli/work.js';

/** What a worker is started with: the library's record classifier, or the CLI's batch runner. */
export type WorkerInit = { kind: 'classify'; taxonomy: Taxonomy; options: ClassifyOptions } | { kind: 'cli'; spec: WorkSpec };

export interface ToWorker<Req> {
  id: number;
  request: Req;
}

export type FromWorker<Res> =
  /** Sent once, when the worker has compiled its taxonomy and can take requests. */
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Res }
  /** A bug (not bad input, which results report as data), with its stack. */
  | { kind: 'error'; id: number; error: string };
