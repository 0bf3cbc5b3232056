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

void serveWorker(async (data: ClassifyWorkerData) => {
  // Regex rules the matcher cannot bound run on re2js, which the core code does not load itself.
  if (data.taxonomy.nodes.some((node) => node.rules.some((rule) => rule.kind === 'regex'))) {
    (await import('../taxonomy/linear-regex.js')).enableLinearRegex();
  }
  const classifier = createClassifier({ taxonomy: data.taxonomy, ...data.options });
  return (jobs: readonly Job[]) => ({ result: runJobs(classifier, jobs) });
});
