/**
 * Worker-thread entry of the pools (built to dist/worker.js): builds what its `WorkerInit` asks
 * for (the library's record classifier, or the CLI's batch runner, loaded only then so the
 * library's workers do not load CLI code), says it is ready, then answers each request in order.
 */
import { parentPort, workerData, type Transferable } from 'node:worker_threads';
import { createClassifier } from '../classification/classifier.js';
import { runJobs, type Job } from './jobs.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

/** Answers one request; `transfer` lists buffers of the result to hand over instead of copying. */
type Handler = (request: never) => { result: unknown; transfer?: Transferable[] };

async function handlerFor(init: WorkerInit): Promise<Handler> {
  // Regex rules the matcher cannot bound run on re2js, which the core code does not load itself.
  const taxonomy = init.kind === 'cli' ? init.spec.taxonomy : init.taxonomy;
  if (taxonomy.nodes.some((node) => node.rules.some((rule) => rule.kind === 'regex'))) {
    (await import('../taxonomy/linear-regex.js')).enableLinearRegex();
  }
  if (init.kind === 'cli') {
    const { createWorkerRunner } = await import('../cli/work.js');
    return createWorkerRunner(init.spec);
  }
  const classifier = createClassifier({ taxonomy: init.taxonomy, ...init.options });
  return (jobs: readonly Job[]) => ({ result: runJobs(classifier, jobs) });
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const handle = await handlerFor(workerData as WorkerInit);
  port.on('message', ({ id, request }: ToWorker<never>) => {
    let answer: { message: FromWorker<unknown>; transfer: Transferable[] };
    try {
      const { result, transfer = [] } = handle(request);
      answer = { message: { kind: 'result', id, result }, transfer };
    } catch (error) {
      answer = { message: { kind: 'error', id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, transfer: [] };
    }
    port.postMessage(answer.message, answer.transfer);
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker<unknown>);
}

void serve();
