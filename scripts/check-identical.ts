/**
 * Checks that this tree classifies exactly as a reference revision does (default: `main`), byte
 * for byte, with explain mode on: every tag, score, mention and evidence offset. Speed work must
 * not change a single output, and this is how each step of it is verified.
 *
 *   npx tsx scripts/check-identical.ts                     # against `main`
 *   npx tsx scripts/check-identical.ts --against <rev>     # against any git revision
 *   npx tsx scripts/check-identical.ts --against-dir <dir> # against a checkout (its src/)
 *
 * Both sides run this script's `--emit` mode in a fresh process, importing their own src/ (via
 * tsx), over the same inputs: the shared corpora and gold files when ../shared exists, the bundled
 * sample and gold sample, plus variants derived from them that reach the slow paths (non-ASCII,
 * LaTeX, line-break hyphenation, upper case, one very long record, bad records), a copy of the
 * default taxonomy (compiled from its rules rather than the precompiled patterns), a taxonomy grown
 * with synthetic nodes, and per-call options. Prints one line per input and exits 1 on any
 * difference, showing the first differing record.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Classification, ClassifyOptions, PaperInput, Taxonomy } from 'finetax';
import { grownTaxonomy } from '../bench/synthetic.js';

const here = fileURLToPath(new URL('..', import.meta.url));

interface Input {
  name: string;
  path: string;
}

/** The record files classified by both sides; missing ones (no ../shared) are skipped by name. */
const INPUTS: Input[] = [
  { name: 'arxiv-2024-ml', path: '../shared/corpus/arxiv-2024-ml.jsonl' },
  { name: 'arxiv-2007-physics', path: '../shared/corpus/arxiv-2007-physics.jsonl' },
  { name: 'gold-seed', path: '../shared/gold/seed.jsonl' },
  { name: 'gold-dev', path: '../shared/gold/dev.jsonl' },
  { name: 'sample-papers', path: 'examples/data/sample-papers.jsonl' },
  { name: 'ml24-sample', path: 'test/gold/ml24-sample.jsonl' },
].map((input) => ({ ...input, path: resolve(here, input.path) }));

type Outputs = Record<string, string[]>;

/** Runs both sides and compares them input by input. */
function compare(): number {
  const againstDir = option('--against-dir');
  const rev = option('--against') ?? 'main';
  const scratch = mkdtempSync(join(tmpdir(), 'finetax-identical-'));
  try {
    const reference = againstDir ? resolve(againstDir) : checkout(rev, scratch);
    const label = againstDir ?? rev;
    const ours = run(here, join(scratch, 'ours.json'));
    const theirs = run(reference, join(scratch, 'theirs.json'));
    let failures = 0;
    for (const name of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const a = ours[name] ?? [];
      const b = theirs[name] ?? [];
      const same = digest(a) === digest(b);
      console.log(`${same ? 'identical' : 'DIFFERENT'}  ${name.padEnd(34)} ${String(a.length).padStart(5)} records  sha256 ${digest(a).slice(0, 16)}${same ? '' : ` vs ${digest(b).slice(0, 16)} (${label})`}`);
      if (!same) {
        failures++;
        showFirstDifference(a, b, label);
      }
    }
    console.log(failures === 0 ? `all outputs identical to ${label}` : `${failures} input(s) differ from ${label}`);
    return failures === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** Extracts `rev` into `scratch/ref`, sharing this tree's node_modules. */
function checkout(rev: string, scratch: string): string {
  const dir = join(scratch, 'ref');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('bash', ['-o', 'pipefail', '-c', `git -C ${JSON.stringify(here)} archive ${JSON.stringify(rev)} | tar -x -C ${JSON.stringify(dir)}`]);
  symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** This script's emit mode, in a fresh process, against the sources under `root`. */
function run(root: string, out: string): Outputs {
  const tsx = join(here, 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, [fileURLToPath(import.meta.url), '--emit', root, out], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (child.status !== 0) throw new Error(`classifying with ${root} failed (exit ${child.status})`);
  return JSON.parse(readFileSync(out, 'utf8')) as Outputs;
}

function digest(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function showFirstDifference(a: string[], b: string[], label: string): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    console.log(`  first difference at record ${i}:\n  this tree: ${a[i]?.slice(0, 1500)}\n  ${label}: ${b[i]?.slice(0, 1500)}`);
    return;
  }
}

interface BatchClassifier {
  classify(record: PaperInput, options?: ClassifyOptions): Classification;
  classifyMany(records: Iterable<PaperInput>, options: ClassifyOptions & { onError: 'collect' }): { results: Classification[]; failures: unknown[] };
  classifyMany(records: Iterable<PaperInput>, options?: ClassifyOptions & { onError?: 'throw' | 'skip' }): Classification[];
}

interface Library {
  createClassifier(options: { taxonomy: Taxonomy } & ClassifyOptions): BatchClassifier;
  defaultTaxonomy: Taxonomy;
}

/** Classifies every input with the library under `root`, writing `{ input: [JSON line per record] }` to `out`. */
async function emit(root: string, out: string): Promise<void> {
  const lib = (await import(pathToFileURL(join(root, 'src', 'index.ts')).href)) as Library;
  const explain = lib.createClassifier({ taxonomy: lib.defaultTaxonomy, explain: true });
  const outputs: Outputs = {};
  const loaded = INPUTS.filter((input) => existsSync(input.path)).map((input) => ({ ...input, records: readRecords(input.path) }));
  const run = (classify: (record: PaperInput) => Classification, records: PaperInput[]) =>
    records.map((record) => {
      try {
        return JSON.stringify(classify(record));
      } catch (error) {
        return `error: ${(error as Error).name}: ${(error as Error).message}`;
      }
    });
  for (const input of loaded) outputs[input.name] = run((r) => explain.classify(r), input.records);
  const all = loaded.flatMap((input) => input.records);
  outputs['variants (upper, unicode, latex)'] = run((r) => explain.classify(r), all.flatMap(variants));
  outputs['one long record, bad records'] = run((r) => explain.classify(r), [longRecord(all), ...(BAD_RECORDS as PaperInput[])]);
  outputs['options minScore 0.15, facets'] = run((r) => explain.classify(r, { minScore: 0.15, facets: ['method', 'type'] }), all);
  outputs['explain off'] = run((r) => explain.classify(r, { explain: false }), all);
  const copy = lib.createClassifier({ taxonomy: structuredClone(lib.defaultTaxonomy), explain: true });
  outputs['taxonomy compiled from rules'] = run((r) => copy.classify(r), all);
  const ml = loaded.find((input) => input.name === 'arxiv-2024-ml') ?? loaded.find((input) => input.name === 'ml24-sample')!;
  const grown = grownTaxonomy(lib.defaultTaxonomy, 4, ml.records as Parameters<typeof grownTaxonomy>[2]);
  const big = lib.createClassifier({ taxonomy: grown, explain: true });
  outputs['taxonomy grown 4x'] = run((r) => big.classify(r), ml.records);
  // Without names the family scores take another path (scored as found, no name collector).
  const namesOff = lib.createClassifier({ taxonomy: lib.defaultTaxonomy, explain: true, names: false });
  outputs['names off (with variants, long record)'] = run((r) => namesOff.classify(r), [...all, ...all.flatMap(variants), longRecord(all)]);
  outputs['names off, options maxEvidence 2 etc.'] = run((r) => namesOff.classify(r, { minScore: 0.15, facets: ['method', 'modality'], maxEvidence: 2 }), all);
  outputs['options maxEvidence 1'] = run((r) => explain.classify(r, { maxEvidence: 1 }), ml.records);
  // The batch path, which may complete a result after the records that follow it: results and
  // failures in order, with bad records among good ones (some at a batch's chunk boundaries).
  const mixed = all.flatMap((record, i) => (i % 127 === 126 ? [BAD_RECORDS[i % BAD_RECORDS.length] as PaperInput, record] : [record]));
  const collected = (classifier: BatchClassifier, options: ClassifyOptions = {}) => {
    const { results, failures } = classifier.classifyMany(mixed, { ...options, onError: 'collect' });
    return [...results, ...failures].map((entry) => JSON.stringify(entry));
  };
  outputs['classifyMany collect (bad records among)'] = collected(explain);
  outputs['classifyMany collect, explain off, options'] = collected(explain, { explain: false, minScore: 0.15 });
  outputs['classifyMany collect, names off'] = collected(namesOff);
  outputs['classifyMany skip, variants, long record'] = explain.classifyMany([...all.flatMap(variants), longRecord(all), ...mixed], { onError: 'skip' }).map((r) => JSON.stringify(r));
  outputs['classifyMany throw'] = run((records) => explain.classifyMany(records as unknown as PaperInput[]) as unknown as Classification, [mixed as unknown as PaperInput]);
  writeFileSync(out, JSON.stringify(outputs));
}

function readRecords(path: string): PaperInput[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { id, title, abstract } = JSON.parse(line) as PaperInput;
      return { id, title, abstract };
    });
}

/**
 * Rewritings of a record that send it down the paths plain ASCII prose skips: upper case, typeset
 * Unicode (ligatures, dashes, quotes, no-break spaces), LaTeX markup and entities, and words
 * hyphenated at line breaks.
 */
function variants(record: PaperInput, index: number): PaperInput[] {
  if (index % 3 !== 0) return [];
  const title = record.title ?? '';
  const abstract = record.abstract ?? '';
  const typeset = (s: string) => s.replace(/fi/g, '\uFB01').replace(/-/g, '\u2010').replace(/'/g, '\u2019').replace(/ (\w{2}) /g, '\u00A0$1\u00A0');
  const latex = (s: string) => s.replace(/\b([A-Z][A-Za-z]*[A-Z]\w*)/g, '\\textbf{$1}').replace(/ and /g, ' &amp; ').replace(/(\d+)%/g, '$$$1\\%$$');
  const broken = (s: string) => s.replace(/(\w{4})(\w{4,})/g, (whole, a: string, b: string, at: number) => (at % 7 === 0 ? `${a}-\n${b}` : whole)).replace(/\. /g, '.\n');
  return [
    { id: `${record.id}/upper`, title: title.toUpperCase(), abstract: abstract.toUpperCase() },
    { id: `${record.id}/typeset`, title: typeset(title), abstract: typeset(abstract) },
    { id: `${record.id}/latex`, title: latex(title), abstract: latex(abstract) },
    { id: `${record.id}/broken`, title, abstract: broken(abstract) },
    { title: abstract.slice(0, 200) },
  ];
}

/** Sixty abstracts as one record: a dense, long text. */
function longRecord(all: PaperInput[]): PaperInput {
  return { id: 'long', title: all[0]?.title, abstract: all.slice(0, 60).map((r) => r.abstract ?? '').join('\n\n') };
}

const BAD_RECORDS: unknown[] = [{ id: 'n', title: 5 }, null, [], { id: {}, title: 'x' }, { id: 'e', title: '', abstract: '' }, { id: 7, abstract: 'LoRA fine-tuning' }];

if (process.argv[2] === '--emit') await emit(process.argv[3]!, process.argv[4]!);
else process.exit(compare());
