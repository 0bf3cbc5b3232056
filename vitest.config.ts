import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 60_000,
    // Threads, and one module graph per worker rather than per file: on 2 cores, re-importing
    // src/ (taxonomy compile, zod, yaml) for every one of ~65 files cost more CPU than the tests.
    // Safe here: no test stubs globals, env or modules without restoring them, nor changes cwd.
    pool: 'threads',
    isolate: false,
    // One worker per core. Vitest's default leaves one core free (a single worker on 2 cores), but
    // many files here wait on a child process (the built CLI, tsc, npm): the other worker runs then.
    maxWorkers: availableParallelism(),
  },
});
