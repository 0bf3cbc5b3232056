/**
 * Worker-thread entry of the library's classification pool (built to dist/worker.js): classifies
 * batches of records with the taxonomy and options it was started with.
 */
import { createClassifier } from '../classification/classifier.js';
import type { ClassifyOptions } from '../classification/types.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { runJobs, type Job } from './jobs.js';
import { serveWorker } from './worker-host.js';

/** What the library's workers are started with. */
export interface ClassifyWorkerData {
  taxonomy: Taxonomy;
  options: ClassifyOptions;
}

void serveWorker((data: ClassifyWorkerData) => {
  const classifier = createClassifier({ taxonomy: data.taxonomy, ...data.options });
  return (jobs: readonly Job[]) => ({ result: runJobs(classifier, jobs) });
});
