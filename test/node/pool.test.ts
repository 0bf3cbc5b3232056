/**
 * The scheduling policy of `--jobs` and `classifyStream`: a worker keeps `PER_WORKER` requests
 * queued, this thread does a request itself whenever no worker has room, and, results being taken
 * in order, this thread may finish `RUN_AHEAD` requests past the oldest one still on a worker
 * before it waits for that one. The worker here holds its first request until the test lets it go
 * (a stall: a GC pause, a long record, a busy core), which makes the policy visible.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler, PER_WORKER, RUN_AHEAD } from '../../src/node/pool.js';
import { mapInOrder } from '../../src/node/stream.js';

const dir = mkdtempSync(join(tmpdir(), 'finetax-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker entry speaking the pool's protocol (see worker-host.ts): it says it is ready (and sets
 * `gate[1]` once that message is sent), then holds its first request until `gate[0]` is set.
 */
const workerFile = join(dir, 'stalling-worker.mjs');
writeFileSync(
  workerFile,
  `import { parentPort, workerData } from 'node:worker_threads';
const gate = new Int32Array(workerData.gate);
let first = true;
parentPort.on('message', ({ id, request }) => {
  if (first) Atomics.wait(gate, 0, 0);
  first = false;
  parentPort.postMessage({ kind: 'result', id, result: 'worker ' + request });
});
parentPort.postMessage({ kind: 'ready' });
Atomics.store(gate, 1, 1);
`,
);

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('createScheduler with a worker', () => {
  it('keeps a stalled worker queued, runs RUN_AHEAD requests past it here, then waits and yields all in order', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const here: number[] = [];
    const scheduler = createScheduler<number, string>({
      jobs: 2,
      workerFile: () => workerFile,
      workerData: { gate: gate.buffer },
      local: () => (n) => {
        here.push(n);
        return `here ${n}`;
      },
    });
    try {
      while (Atomics.load(gate, 1) === 0) await sleep(5);
      // The worker's `ready` message, already sent, is taken on the next turn of this thread's event loop.
      await sleep(50);
      expect(scheduler.inFlight).toBe(PER_WORKER + RUN_AHEAD);

      const requests = Array.from({ length: 3 * (PER_WORKER + RUN_AHEAD) }, (_, i) => i);
      const results: string[] = [];
      const done = (async () => {
        for await (const result of mapInOrder(from(requests), async (n) => scheduler.run(n), scheduler.inFlight)) results.push(result);
      })();
      await sleep(50);
      // Requests 0..PER_WORKER-1 wait on the worker; this thread did the next RUN_AHEAD, and waits for request 0.
      expect(here).toEqual(requests.slice(PER_WORKER, PER_WORKER + RUN_AHEAD));
      expect(results).toEqual([]);

      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await done;
      expect(results.map((result) => Number(result.split(' ')[1]))).toEqual(requests);
      expect(results.slice(0, PER_WORKER)).toEqual(requests.slice(0, PER_WORKER).map((n) => `worker ${n}`));
      expect(results.filter((result) => result.startsWith('here'))).toHaveLength(here.length);
    } finally {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await scheduler.close();
    }
  });
});
