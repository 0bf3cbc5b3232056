/**
 * The messages between the pool and its workers. Everything crossing is plain data; large
 * payloads travel as transferred byte buffers rather than object graphs, whose structured clone
 * would cost the main thread more than the work it hands out. The pool knows nothing of what a
 * worker does: a worker entry is started with its own plain `workerData` and answers requests.
 */
import type { Transferable } from 'node:worker_threads';

export interface ToWorker<Req> {
  id: number;
  request: Req;
}

export type FromWorker<Res> =
  /** Sent once, when the worker has built its handler and can take requests. */
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Res }
  /** A bug (not bad input, which results report as data), with its stack. */
  | { kind: 'error'; id: number; error: string };

/** Answers one request; `transfer` lists buffers of the result to hand over instead of copying. */
export type Handler<Req, Res> = (request: Req) => { result: Res; transfer?: Transferable[] };
