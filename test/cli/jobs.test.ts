/**
 * `--jobs N`: batches go to worker threads, and the output must be byte-for-byte what one thread
 * writes: same records, same order, same issues at the same places, same summary. Workers start
 * only for large inputs, and which batches they get depends on timing (this thread takes one
 * whenever they are busy or still starting), so FINETAX_POOL=eager sends every batch to a worker
 * to cover that path for sure.
 *
 * The references (one thread) run in-process through `main`, the same code as the bundle, once per
 * command line (a reference two tests share is not run twice); the runs under test (`--jobs`,
 * worker threads, stdin piped to the bin) spawn the built command, and a run several tests check is
 * spawned once (the eager `classify --jobs 2`). 704 records make 11 batches of
 * 64, enough for batches to finish out of order on the workers (every batch goes to a worker under
 * FINETAX_POOL=eager; without it, workers start only for inputs of 64 MB, so the record count does
 * not decide whether they start). It was 1,200 records (19 batches): the same cases at half the CPU.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finetax, jsonLines, lines, readText, recordsFixture, samplePath, type Run } from './helpers.js';
import { runCli } from './in-process.js';

const references = new Map<string, Promise<Run>>();
/** `finetax ARGS` on one thread, in this process: the reference a run under test must match. */
function reference(args: readonly string[], input?: string): Promise<Run> {
  const key = JSON.stringify([args, input ?? null]);
  if (!references.has(key)) references.set(key, runCli(args, input === undefined ? {} : { input }));
  return references.get(key)!;
}

const RECORDS = 704;
/** 1-based lines of the two bad records. */
const BROKEN = 300;
const EMPTY = 600;
const dir = mkdtempSync(join(tmpdir(), 'finetax-jobs-'));
const big = join(dir, 'cycled.jsonl');
const sample = readText(samplePath).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const body = Array.from({ length: RECORDS }, (_, i) => {
  if (i === BROKEN - 1) return '{"id": "broken", "title": ';
  if (i === EMPTY - 1) return JSON.stringify({ id: 'empty' });
  return JSON.stringify({ ...sample[i % sample.length], id: `cyc-${i}` });
});
writeFileSync(big, `${body.join('\n')}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JSON Lines at its hardest for the byte batches: CRLF, lone CR, blank lines, a BOM, no ids, non-ASCII, a line longer than a batch. */
const tricky = join(dir, 'tricky.jsonl');
const trickyLines = [
  `\uFEFF${JSON.stringify({ id: 'bom', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' })}`,
  '',
  JSON.stringify({ title: 'Model soups: averaging weights of multiple fine-tuned models (no id: FILE:LINE)' }),
  '   ',
  JSON.stringify({ id: 'ünïcode', title: 'Prompt tuning für Sprachmodelle 😀', abstract: 'We study LoRA adapters — “parameter-efficient” fine-tuning.' }),
  '{"id": "bad", "title": 42}',
  // Longer than a batch's 256 KB of text; words that tag nothing, so its classifying costs ~60 ms rather than ~0.8 s (this was 468 KB of the rule's phrase).
  JSON.stringify({ id: 'long', title: 'Robust fine-tuning', abstract: `${'plain words that tag nothing at all '.repeat(7_500)}robust fine-tuning of zero-shot models` }),
  JSON.stringify({ id: 'last', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' }),
];
writeFileSync(tricky, `${trickyLines[0]}\r\n${trickyLines[1]}\r${trickyLines.slice(2, 6).join('\n')}\r\n${trickyLines[6]}\r${trickyLines[7]}`);

const eager = { env: { FINETAX_POOL: 'eager' } };

function expectSameRun(run: Run, reference: Run): void {
  expect(run.stderr).toBe(reference.stderr);
  expect(run.stdout).toBe(reference.stdout);
  expect(run.code).toBe(reference.code);
}

const one = await reference(['classify', big, '--jobs', '1']);

/** `classify --jobs 2` with every batch on a worker: several tests below check this one run. */
const two = finetax(['classify', big, '--jobs', '2'], eager);

describe('--jobs', () => {
  it('writes exactly what one thread writes', () => {
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('keeps input order and reports the bad lines in place', () => {
    const ids = jsonLines(one.stdout).map((r) => r.id);
    expect(ids).toHaveLength(RECORDS - 2);
    expect(ids.slice(BROKEN - 3, BROKEN)).toEqual([`cyc-${BROKEN - 3}`, `cyc-${BROKEN - 2}`, `cyc-${BROKEN}`]);
    expect(lines(one.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${big}:${BROKEN}:27: not valid JSON: `)),
      `${big}:${EMPTY}: record empty: expected a title or an abstract, found neither`,
      `${RECORDS} read, ${RECORDS - 2} tagged, 2 rejected; ${lines(one.stderr).at(-1)!.match(/; (\d+) with/)![1]} with a method tag`,
    ]);
  });

  // In-process: below 64 MB of input and without FINETAX_POOL=eager no worker starts, so this is
  // main's code either way (stdin through the bin, with workers, is the tricky case below).
  it('streams stdin with --jobs too, and accepts auto', async () => {
    const run = await runCli(['classify', '-', '--jobs', 'auto', '--format', 'csv'], { input: readFileSync(big, 'utf8') });
    expect(run.code).toBe(0);
    const csv = await reference(['classify', big, '--jobs', '1', '--format', 'csv']);
    expect(run.stdout).toBe(csv.stdout);
  });
});

describe('--jobs with every batch on a worker (FINETAX_POOL=eager)', () => {
  it.each(['jsonl', 'json', 'csv', 'table'])('--format %s writes what one thread writes, issues included', async (format) => {
    // JSON Lines is the piped default: its reference is the run above.
    const one = await reference(['classify', big, '--jobs', '1', ...(format === 'jsonl' ? [] : ['--format', format])]);
    expect(lines(one.stderr)).toHaveLength(3);
    expectSameRun(format === 'jsonl' ? two : finetax(['classify', big, '--jobs', '2', '--format', format], eager), one);
  });

  it('splits CRLF, lone CR, blank lines, a BOM and a line longer than a batch alike, numbering lines alike', async () => {
    const one = await reference(['classify', tricky, '--evidence', 'short']);
    expect(jsonLines(one.stdout).map((r) => r.id)).toEqual(['bom', `${tricky}:3`, 'ünïcode', 'long', 'last']);
    expect(lines(one.stderr).slice(0, 2)).toEqual([
      `${tricky}:6: record bad: expected a title or an abstract, found neither`,
      `${tricky}:6:24: record bad: title: expected a string, got the number 42; left out of the record`,
    ]);
    expectSameRun(finetax(['classify', tricky, '--evidence', 'short', '--jobs', '3'], eager), one);
    expectSameRun(finetax(['classify', '-', '--evidence', 'short', '--jobs', '2'], { ...eager, input: readFileSync(tricky, 'utf8') }), await reference(['classify', '-', '--evidence', 'short'], readFileSync(tricky, 'utf8')));
  });

  it('filters and counts on the workers', async () => {
    const filter = ['filter', '--method', 'peft', '--not-modality', 'vision', big, '--format', 'json'];
    expectSameRun(finetax([...filter, '--jobs', '2'], eager), await reference(filter));
    const stats = ['stats', big, '--format', 'json', '--top', '50'];
    expectSameRun(finetax([...stats, '--jobs', '2'], eager), await reference(stats));
  });

  it('takes the records of other formats, and reports unreadable inputs in place', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"title": "broken');
    const args = ['classify', recordsFixture('papers.csv'), recordsFixture('refs.bib'), broken, recordsFixture('papers.jsonl'), '--format', 'csv'];
    const one = await reference(args);
    expect(one.code).toBe(1);
    expectSameRun(finetax([...args, '--jobs', '2'], eager), one);
  });
});

/**
 * With workers, JSON Lines goes to them as chunks of whole lines (64 kB, ~30 of these lines), each
 * read there on its own; the main thread settles each chunk's ids in input order. Duplicates many
 * chunks apart, an id that a rename wants (`dup#2`), an id that an id-less line would get, bad
 * lines and invalid UTF-8 (past the cap of 20 warnings) must come out as one thread gives them.
 */
describe('--jobs with JSON Lines read on the workers in chunks', () => {
  const chunked = join(dir, 'chunked.jsonl');
  const padding = 'plain words that tag nothing at all '.repeat(55);
  const paper = (id: string | undefined, i: number) => JSON.stringify({ ...(id === undefined ? {} : { id }), title: sample[i % sample.length]!.title, abstract: padding });
  const lineOf = (i: number): Buffer => {
    const n = i + 1;
    if (n === 1 || n === 200 || n === 500 || n === 501) return Buffer.from(paper('dup', i));
    if (n === 100) return Buffer.from(paper('dup#2', i));
    if (n === 300) return Buffer.from(paper(`${chunked}:400`, i));
    if (n === 400) return Buffer.from(paper(undefined, i));
    if (n === 250) return Buffer.from('{"id": "broken", "title": ');
    if (n === 350) return Buffer.from(`{"id": "typed", "title": 42, "abstract": "${padding}"}`);
    if (n % 20 === 7) return Buffer.concat([Buffer.from(`{"id": "u${n}", "title": "bad `), Buffer.from([0xff]), Buffer.from(` bytes", "abstract": "${padding}"}`)]);
    return Buffer.from(paper(`p${n}`, i));
  };
  writeFileSync(chunked, Buffer.concat(Array.from({ length: 600 }, (_, i) => Buffer.concat([lineOf(i), Buffer.from(i % 2 === 0 ? '\n' : '\r\n')]))));

  it('renames duplicate ids across chunks and locates every issue as one thread does', async () => {
    const one = await reference(['classify', chunked, '--evidence', 'none']);
    const issues = lines(one.stderr);
    expect(issues.filter((line) => line.includes('duplicate id'))).toEqual([
      `${chunked}:200: record dup: id: duplicate id (first used on line 1); kept as 'dup#3'`,
      `${chunked}:500: record dup: id: duplicate id (first used on line 1); kept as 'dup#4'`,
      `${chunked}:501: record dup: id: duplicate id (first used on line 1); kept as 'dup#5'`,
    ]);
    expect(issues).toContain(`${chunked}:250:27: not valid JSON: unexpected end of input, expected a value`);
    expect(issues).toContain(`${chunked}:350:26: record typed: title: expected a string, got the number 42; left out of the record`);
    expect(issues.filter((line) => line.includes('not UTF-8'))).toHaveLength(20);
    expect(issues.find((line) => line.includes('not UTF-8'))).toBe(`${chunked}:7:28: bytes that are not UTF-8 were replaced by U+FFFD; save the file as UTF-8`);
    expect(jsonLines(one.stdout).map((r) => r.id).filter((id) => id.startsWith(chunked))).toEqual([`${chunked}:400`, `${chunked}:400#2`]);
    expectSameRun(finetax(['classify', chunked, '--evidence', 'none', '--jobs', '2'], eager), one);
  });
});
