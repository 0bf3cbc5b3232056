import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongFirst from './test/setup/sequencer.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // `finetax` as tsconfig.json's paths (and tsx) resolve it: the sources. Examples import it.
  resolve: {
    alias: [
      { find: /^finetax$/, replacement: src('index.ts') },
      { find: /^finetax\/taxonomy$/, replacement: src('taxonomy/index.ts') },
      { find: /^finetax\/node$/, replacement: src('node/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    // The type-level tests (*.test-d.ts, expectTypeOf) are checked by `npm run typecheck` (tsc over
    // src, test and the rest; a CI step), not here: a second whole-program tsc was ~8 s of CPU of
    // every run. `npm run test:types` runs them through vitest, to see them listed as tests.
    typecheck: { enabled: false, include: ['test/**/*.test-d.ts'] },
    testTimeout: 60_000,
    // Threads, and one module graph per worker rather than per file: on 2 cores, re-importing
    // src/ (taxonomy compile, zod, yaml) for every one of ~65 files cost more CPU than the tests.
    // Safe here: no test stubs globals, env or modules without restoring them, nor changes cwd.
    pool: 'threads',
    isolate: false,
    // One worker per core. Vitest's default leaves one core free (a single worker on 2 cores), but
    // many files here wait on a child process (the built CLI, tsc, npm): the other worker runs then.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongFirst },
  },
});
