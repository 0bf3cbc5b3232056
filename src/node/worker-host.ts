/**
 * The one worker loop every worker entry runs: build the handler from `workerData`, say it is
 * ready, then answer each request in order. A worker entry is a file of two lines that passes its
 * handler factory here (src/node/worker.ts for the library, src/cli/worker.ts for the CLI), so the
 * pool and this loop never know what the work is.
 */
import { parentPort, workerData, type Transferable } from 'node:worker_threads';
import type { FromWorker, Handler, ToWorker } from './protocol.js';

/** Serves requests on this worker thread with the handler `create` builds from the worker's data. */
export async function serveWorker<Req, Res>(create: (data: never) => Handler<Req, Res> | Promise<Handler<Req, Res>>): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const handle = await create(workerData as never);
  port.on('message', ({ id, request }: ToWorker<Req>) => {
    let answer: { message: FromWorker<Res>; transfer: Transferable[] };
    try {
      const { result, transfer = [] } = handle(request);
      answer = { message: { kind: 'result', id, result }, transfer };
    } catch (error) {
      answer = { message: { kind: 'error', id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, transfer: [] };
    }
    port.postMessage(answer.message, answer.transfer);
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker<Res>);
}
