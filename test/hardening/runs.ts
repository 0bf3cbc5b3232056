/**
 * How many generated cases the property tests run: `runs(n)` is n times FINETAX_FUZZ_RUNS (a
 * factor, default 1), at least 1. The defaults keep `npm test` within its minute on two cores;
 * `FINETAX_FUZZ_RUNS=4 npx vitest run test/hardening` searches four times as deep (the counts
 * before the suite was made quick were about 2–2.5 times the defaults), and the case-count floors
 * the suites assert scale with it.
 */
const factor = Number(process.env.FINETAX_FUZZ_RUNS ?? '1');
if (!(factor > 0)) throw new Error(`FINETAX_FUZZ_RUNS must be a number above 0, got ${JSON.stringify(process.env.FINETAX_FUZZ_RUNS)}`);

export function runs(n: number): number {
  return Math.max(1, Math.round(n * factor));
}
