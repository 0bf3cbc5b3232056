/**
 * Measures how classifying a term-dense record scales with its size: the worst case for the
 * classifier, where nearly every word starts a match. Records are built from the default
 * taxonomy's own rule texts (phrases, acronyms, fuzzy phrases and `near` rules with a companion),
 * interleaved with cue words and short prose so cues, sentences and companions all occur. Each size
 * runs in its own process so peak RSS is per size. Prints seconds, seconds per MB, the ratio of
 * each size's time per MB to the smallest size's, and peak RSS.
 *
 *   npx tsx scripts/dense-scaling.ts                 # 0.25, 0.5, 1, 2, 4 MB
 *   npx tsx scripts/dense-scaling.ts --sizes 1,20    # chosen sizes in MB
 *   npx tsx scripts/dense-scaling.ts --no-names      # families only (`names: false`)
 *   npx tsx scripts/dense-scaling.ts --run-on        # no full stops: one sentence of any length
 *   npx tsx scripts/dense-scaling.ts --write 50 out.jsonl   # one dense JSONL record of 50 MB
 *
 * Linear cost means a flat time per MB; bounded evidence means RSS grows only with the text.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/index.js';
import { defaultTaxonomy } from '../src/taxonomy/generated/default.js';

const MB = 1024 * 1024;
const PROSE = ['We study', 'in this paper', 'compared to', 'we propose', 'such as', 'baselines', 'the model', 'experiments show'];

/** Word sequences that match the default taxonomy's rules, in taxonomy order. */
export function ruleTexts(): string[] {
  const texts: string[] = [];
  for (const node of defaultTaxonomy.nodes) {
    for (const rule of node.rules) {
      if (rule.kind === 'phrase' || rule.kind === 'acronym' || rule.kind === 'fuzzy') texts.push(rule.text);
      else if (rule.kind === 'near' && rule.with?.[0]) texts.push(rule.side === 'after' ? `${rule.text} ${rule.with[0]}` : `${rule.with[0]} ${rule.text}`);
    }
  }
  for (const cue of defaultTaxonomy.scoring.cues) texts.push(...cue.phrases);
  return texts;
}

/** A term-dense abstract of about `bytes` characters: rule texts with a little prose, ending sentences now and then. */
export function denseText(bytes: number, sentences = true): string {
  const texts = ruleTexts();
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const piece = i % 7 === 6 ? `${PROSE[i % PROSE.length]} ${texts[i % texts.length]}${sentences ? '.' : ''}` : texts[(i * 31) % texts.length]!;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

function measureOne(megabytes: number, sentences: boolean, names: boolean): void {
  const abstract = denseText(Math.round(megabytes * MB), sentences);
  const record = { id: `dense-${megabytes}`, title: 'LoRA adapters for model merging', abstract };
  // Describing the vocabulary's words and compiling the hot functions happen once per process,
  // not per record: warm up on small records of the same words so timings show what grows with size.
  for (let i = 0; i < 3; i++) classify({ title: 'warm-up', abstract: denseText(128 * 1024, sentences) }, { explain: true, names });
  const started = performance.now();
  const result = classify(record, { explain: true, names });
  const seconds = (performance.now() - started) / 1000;
  const evidence = [...result.tags, ...(result.mentions ?? [])].reduce((n, tag) => n + tag.evidence.length, 0);
  console.log(JSON.stringify({ megabytes, seconds, rssMB: process.resourceUsage().maxRSS / 1024, tags: result.tags.length, evidence }));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return measureOne(Number(args[1]), args[2] !== 'run-on', args[3] !== 'no-names');
  if (args[0] === '--write') {
    const abstract = denseText(Math.round(Number(args[1]) * MB), !args.includes('--run-on'));
    writeFileSync(args[2]!, `${JSON.stringify({ id: `dense-${args[1]}mb`, title: 'Dense record', abstract })}\n`);
    return;
  }
  const at = args.indexOf('--sizes');
  const sizes = at >= 0 ? args[at + 1]!.split(',').map(Number) : [0.25, 0.5, 1, 2, 4];
  // `--run-on`: no full stops at all, one sentence of any length (the worst case for per-sentence work).
  const shape = args.includes('--run-on') ? 'run-on' : 'sentences';
  const self = fileURLToPath(import.meta.url);
  let base: number | undefined;
  console.log(`${shape}, ${args.includes('--no-names') ? 'names: false' : 'names: true'}\nsize MB   seconds   s/MB    ratio  peak RSS MB  tags  evidence`);
  for (const size of sizes) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--child', String(size), shape, args.includes('--no-names') ? 'no-names' : 'names'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.log(`${String(size).padStart(7)}  failed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const row = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; rssMB: number; tags: number; evidence: number };
    const perMB = row.seconds / size;
    base ??= perMB;
    console.log(
      `${String(size).padStart(7)}  ${row.seconds.toFixed(3).padStart(8)}  ${perMB.toFixed(3).padStart(6)}  ${(perMB / base).toFixed(2).padStart(6)}x  ${row.rssMB.toFixed(0).padStart(11)}  ${String(row.tags).padStart(4)}  ${String(row.evidence).padStart(8)}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
