/**
 * Measures what running regex rules on re2js costs against native RegExp, in one process (ratios,
 * not absolute times: the machine may be busy). Run: `npx tsx scripts/regex-engines.ts [corpus.jsonl]`.
 * 1. Per distinct word: each regex of test/fixtures/hardening/linear-rules.yaml tested on every
 *    distinct token of the corpus, native vs re2js.
 * 2. Classification: the default taxonomy plus those regex rules, over the corpus, with the rules on
 *    native RegExp vs forced onto re2js (a fresh classifier per round, so the per-word cache starts cold).
 */
import { readFileSync } from 'node:fs';
import { createClassifier, defaultTaxonomy, type Taxonomy } from '../src/index.js';
import { backtrackingBound } from '../src/matching/token-regex.js';
import { re2Engine } from '../src/taxonomy/linear-regex.js';
import { parseTaxonomy } from '../src/taxonomy/parse.js';

const corpusPath = process.argv[2] ?? new URL('../../shared/corpus/arxiv-2024-ml.jsonl', import.meta.url).pathname;
const records = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id?: string; title?: string; abstract?: string });
const fixture = parseTaxonomy(readFileSync(new URL('../test/fixtures/hardening/linear-rules.yaml', import.meta.url), 'utf8'));
const regexes = fixture.nodes.flatMap((n) => n.rules.filter((r) => r.kind === 'regex').map((r) => r.text));
const words = [...new Set(records.flatMap((r) => `${r.title ?? ''} ${r.abstract ?? ''}`.split(/[^\p{L}\p{N}]+/u)).filter((w) => w && w.length <= 64))];

function cpuMs(run: () => void, rounds = 5): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const native = regexes.map((s) => new RegExp(`^(?:${s})$`, 'u'));
const linear = regexes.map((s) => re2Engine.compile(s));
let agree = 0;
const nativeMs = cpuMs(() => native.forEach((r) => words.forEach((w) => r.test(w))));
const linearMs = cpuMs(() => linear.forEach((r) => words.forEach((w) => r.test(w))));
for (let i = 0; i < regexes.length; i++) for (const w of words) if (native[i]!.test(w) === linear[i]!.test(w)) agree++;
console.log(`per word: ${regexes.length} regexes x ${words.length} distinct words: native ${nativeMs.toFixed(1)} ms, re2js ${linearMs.toFixed(1)} ms (${(linearMs / nativeMs).toFixed(1)}x); verdicts agree ${agree}/${regexes.length * words.length}`);

// The default taxonomy with the fixture's regex nodes added to its method facet. `(?:r|r){1}`
// means what `r` means, but a repeated group with a choice inside has no proved bound, so it
// runs on re2js: the same rules, on either engine.
const withRegexes = (wrap: (source: string) => string): Taxonomy => ({
  ...defaultTaxonomy,
  nodes: [
    ...defaultTaxonomy.nodes,
    ...fixture.nodes
      .filter((n) => n.rules.some((r) => r.kind === 'regex'))
      .map((n) => ({ ...n, id: `rx-${n.id}`, rules: n.rules.filter((r) => r.kind === 'regex').map((r) => ({ ...r, text: wrap(r.text) })) })),
  ],
});
const onLinearEngine = (source: string) => `(?:${source}|${source}){1}`;
if (regexes.some((s) => backtrackingBound(onLinearEngine(s)) !== undefined)) throw new Error('a wrapped regex would still run natively');
const classifyWith = (taxonomy: Taxonomy) => () => {
  const classifier = createClassifier({ taxonomy });
  for (const r of records) classifier.classify(r);
};
// Interleaved rounds, medians: the three runs see the same machine load.
const runs = [classifyWith({ ...defaultTaxonomy }), classifyWith(withRegexes((s) => s)), classifyWith(withRegexes(onLinearEngine))];
const samples: number[][] = [[], [], []];
for (let round = 0; round < 9; round++) runs.forEach((run, i) => samples[i]!.push(cpuMs(run, 1)));
const [baseline, onNative, onLinear] = samples.map((times) => times.sort((a, b) => a - b)[4]!) as [number, number, number];
console.log(`classify ${records.length} records, cold word cache each round: default taxonomy ${baseline.toFixed(0)} ms; with ${regexes.length} regex rules on RegExp ${onNative.toFixed(0)} ms, on re2js ${onLinear.toFixed(0)} ms (${((onLinear - baseline) / Math.max(1, onNative - baseline)).toFixed(1)}x the regex rules' own cost, ${((onLinear / onNative - 1) * 100).toFixed(1)}% on the whole run)`);
