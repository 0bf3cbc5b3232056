/**
 * Test files in the order that finishes soonest on few cores: the known-long files first, so no
 * worker is left with one of them at the end while the other has nothing to do. Vitest orders by
 * the durations it cached from an earlier run, which a fresh clone does not have (it then takes the
 * largest files first, and `test/cli/jobs.test.ts`, the longest, is not among them). The list is a
 * hint only: a file not in it runs after these, in Vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first (CPU and time spent waiting on child processes, measured on 2 cores). */
const LONG = [
  'test/cli/jobs.test.ts',
  'test/hardening/readme.test.ts',
  'test/package/consumer.test.ts',
  'test/hardening/taxonomy-generated.test.ts',
  'test/hardening/classify.fuzz.test.ts',
  'test/cli/taxonomy.test.ts',
  'test/hardening/taxonomy-safety.test.ts',
  'test/hardening/readers.fuzz.test.ts',
  'test/records/read-records.test.ts',
  'test/report/browser.test.ts',
];

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONG.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
      return index < 0 ? LONG.length : index;
    };
    // Array.prototype.sort is stable: the rest keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
