/**
 * Tag a corpus once, then query it: papers per method family, families that occur together,
 * LoRA papers on vision models, surveys of data selection, fuzzy search, and names from users.
 *
 * Run: npx tsx examples/query-corpus.ts [family]
 *   family: optional, e.g. `robustness` or `LoRA`; lists that family's papers (a typo gets a suggestion).
 * Reads ../shared/corpus/arxiv-2024-ml.jsonl next to the repository when it exists, else the bundled
 * examples/data/sample-papers.jsonl.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tagCorpus, UnknownIdError } from '../src/index.js';

type Paper = { id: string; title: string; abstract: string; categories?: string[] };

const root = new URL('..', import.meta.url);
const shared = new URL('../shared/corpus/arxiv-2024-ml.jsonl', root);
const source = existsSync(shared) ? shared : new URL('examples/data/sample-papers.jsonl', root);

const papers = readJsonLines(source);
const corpus = tagCorpus(papers);
const { taxonomy } = corpus;

console.log(`${corpus.size} records from ${fileURLToPath(source)}`);

section('Papers per method family (a family counts its subfamilies)');
for (const [id, count] of corpus.count('method')) console.log(`${String(count).padStart(5)}  ${id.padEnd(22)} ${taxonomy.label(id)}`);
console.log(`${String(corpus.whereNone({ method: taxonomy.ids('method') }).size).padStart(5)}  (no method family)`);

section('Paper types and modalities');
console.log(summary(corpus.count('type')));
console.log(summary(corpus.count('modality')));

section('Method families that occur together');
const pairs = corpus.cooccurrence('method');
if (pairs.length === 0) console.log('  (no paper has two families)');
for (const { a, b, count } of pairs.slice(0, 10)) console.log(`${String(count).padStart(5)}  ${a} + ${b}`);

section('LoRA papers on vision models');
list(corpus.where({ method: 'peft.lora', modality: ['vision', 'vision-language'] }));

section('Surveys of data selection, and surveys of any fine-tuning family');
list(corpus.where({ type: 'survey', method: 'data-selection' }));
console.log(`  surveys per family: ${summary(corpus.where({ type: 'survey' }).count('method'))}`);

section('PEFT papers per modality, and the five most confidently PEFT');
const peft = corpus.where({ method: 'peft' });
console.log(`  ${summary(peft.count('modality'))}`);
for (const entry of corpus.top(5, { id: 'peft' })) console.log(`  ${entry.tag.score.toFixed(2)} ${entry.tag.id.padEnd(12)} ${title(entry)}`);

section('Robustness papers that are not about vision, strongest first');
const robust = corpus.minScore(0.8, { id: 'robustness' }).whereNone({ modality: ['vision', 'vision-language'] });
console.log(`  ${robust.size} with a robustness score of at least 0.8`);
for (const entry of robust.top(3, { id: 'robustness' })) console.log(`  ${entry.tag.score.toFixed(2)} ${title(entry)}`);

section('Search: "catastrophic forgeting" (typo on purpose), best match first');
list(corpus.search('catastrophic forgeting', { limit: 5 }));

section('Names from people');
console.log(`  resolve('QLoRA') → ${taxonomy.resolve('QLoRA')}; resolve('model merging') → ${taxonomy.resolve('model merging')}`);
console.log(`  suggest('lroa') → ${taxonomy.suggest('lroa', { limit: 3 }).map((s) => `${s.id} (${s.score})`).join(', ')}`);
for (const flag of [process.argv[2], 'peft.lroa']) {
  if (flag === undefined) continue;
  try {
    // A CLI flag is an untyped string: a name resolves, an id is checked, anything else throws.
    const family = taxonomy.resolve(flag, 'method') ?? taxonomy.requireId(flag, 'method');
    console.log(`  '${flag}' → ${family}: ${corpus.where({ method: family }).size} papers`);
    if (flag === process.argv[2]) list(corpus.where({ method: family }));
  } catch (error) {
    if (!(error instanceof UnknownIdError)) throw error;
    console.log(`  '${flag}' → UnknownIdError: ${error.message}`);
  }
}

function readJsonLines(url: URL): Paper[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Paper);
}

function section(heading: string): void {
  console.log(`\n## ${heading}`);
}

function summary(counts: Map<string, number>): string {
  return counts.size === 0 ? '(none)' : [...counts].map(([id, count]) => `${id} ${count}`).join(', ');
}

function title({ record }: { record: Paper }): string {
  return `${record.id}  ${record.title.length > 90 ? `${record.title.slice(0, 89)}…` : record.title}`;
}

function list(entries: Iterable<{ record: Paper }>): void {
  let shown = 0;
  for (const entry of entries) {
    if (shown++ < 10) console.log(`  ${title(entry)}`);
  }
  if (shown === 0) console.log('  (none)');
  else if (shown > 10) console.log(`  … and ${shown - 10} more`);
}
