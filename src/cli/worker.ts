/**
 * Worker-thread entry of the CLI's --jobs pool (built to dist/cli-worker.js): does the CLI's
 * batches (classify, then render or count) with the spec it was started with.
 */
import { serveWorker } from '../node/worker-host.js';
import { createWorkerRunner, type WorkSpec } from './work.js';

void serveWorker((spec: WorkSpec) => createWorkerRunner(spec));
