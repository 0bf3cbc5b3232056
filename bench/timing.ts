/** Throughput measurement: warm up, then run until enough time has passed, several rounds, median. */

export interface Rate {
  /** Items per second (median round). */
  perSecond: number;
  /** Microseconds per item (median round). */
  microseconds: number;
}

export function measure(items: number, run: () => void, options: { rounds?: number; minMs?: number; warmups?: number } = {}): Rate {
  const { rounds = 5, minMs = 300, warmups = 2 } = options;
  for (let i = 0; i < warmups; i++) run();
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let done = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      done += items;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    rates.push((done / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  const perSecond = rates[Math.floor(rates.length / 2)]!;
  return { perSecond, microseconds: 1e6 / perSecond };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Measures several contenders over the same items with their rounds interleaved (a, b, c, a, b,
 * c, …), so a slow stretch of a shared machine falls on all of them alike; medians per contender.
 */
export function measureTogether(items: number, runs: Record<string, () => void>, options: { rounds?: number; minMs?: number; warmups?: number } = {}): Record<string, Rate> {
  const { rounds = 5, minMs = 300, warmups = 2 } = options;
  const names = Object.keys(runs);
  for (const name of names) for (let i = 0; i < warmups; i++) runs[name]!();
  const rates = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) rates.get(name)!.push(measure(items, runs[name]!, { rounds: 1, minMs, warmups: 0 }).perSecond);
  }
  const result: Record<string, Rate> = {};
  for (const name of names) {
    const perSecond = median(rates.get(name)!);
    result[name] = { perSecond, microseconds: 1e6 / perSecond };
  }
  return result;
}

/**
 * Runs `run` once: wall and CPU milliseconds (CPU: this process, all threads, so GC helpers
 * count; other processes do not), and the GC pause time `gcMs()` grew by. GC entries are
 * delivered asynchronously, so the pause time is read after a turn of the event loop.
 */
export async function timedPass(run: () => void, gcMs: () => number): Promise<{ wall: number; cpu: number; gc: number }> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const gcBefore = gcMs();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { wall, cpu: (cpu.user + cpu.system) / 1000, gc: gcMs() - gcBefore };
}
