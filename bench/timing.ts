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
