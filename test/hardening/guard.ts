/**
 * A real hang guard. A vitest timeout cannot stop synchronous code (a catastrophic regex never
 * yields to the timer), so work that could hang runs in a worker thread against the BUILT package
 * and is terminated after `ms`: a regression fails the test instead of freezing the suite.
 */
import { Worker } from 'node:worker_threads';

const dist = new URL('../../dist/', import.meta.url).href;

/**
 * Runs `body` (the body of an async function; `dist(name)` imports `dist/<name>`, `data` is
 * `data`) in a worker and resolves with what it returns, or rejects when it throws or runs longer
 * than `ms`.
 */
export function inWorker<T>(body: string, data: unknown, ms: number): Promise<T> {
  const script = `
const { parentPort, workerData } = require('node:worker_threads');
const dist = (name) => import(workerData.dist + name);
const data = workerData.data;
(async () => { ${body} })().then(
  (value) => parentPort.postMessage({ value }),
  (error) => parentPort.postMessage({ error: String(error && error.stack || error) }),
);`;
  const worker = new Worker(script, { eval: true, workerData: { dist, data } });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`did not finish within ${ms} ms (terminated)`));
    }, ms);
    worker.once('message', (message: { value?: T; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.value as T);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
