/**
 * Worker-thread entry of the classification pool (built to dist/worker.js): compiles the taxonomy
 * it is started with, then does each batch of jobs it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createClassifier } from '../classification/classifier.js';
import { runJobs, type WorkerInit, type WorkerRequest, type WorkerResponse } from './jobs.js';

const init = workerData as WorkerInit;
const classifier = createClassifier({ taxonomy: init.taxonomy, ...init.options });

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, outcomes: runJobs(classifier, request.jobs) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(response);
});
