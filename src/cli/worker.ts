/**
 * Worker-thread entry of the CLI's --jobs pool (built to dist/cli-worker.js): does the CLI's
 * batches (classify, then render or count) with the spec it was started with.
 */
import { serveWorker } from '../node/worker-host.js';
import { createWorkerRunner, type WorkSpec } from './work.js';

void serveWorker(async (spec: WorkSpec) => {
  // Regex rules the matcher cannot bound run on re2js, which the core code does not load itself.
  if (spec.taxonomy.nodes.some((node) => node.rules.some((rule) => rule.kind === 'regex'))) {
    (await import('../taxonomy/linear-regex.js')).enableLinearRegex();
  }
  return createWorkerRunner(spec);
});
