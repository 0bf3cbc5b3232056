/**
 * One path: every fixture in test/fixtures/records read through the library (`readRecords`) and
 * through the CLI gives the same records, in the same order, and the same issues, with the same
 * counts in the summary (entries read = records + rejected entries; warnings counted apart).
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, readRecords, type ReadIssue } from '../../src/index.js';
import { streamRecords } from '../../src/node/read.js';
import { LINE_BATCH_BYTES } from '../../src/cli/batches.js';
import { jsonLines, lines, readText, recordsFixture } from './helpers.js';
import { runCli } from './in-process.js';

const fixtures = readdirSync(new URL('../fixtures/records/', import.meta.url)).sort();

describe('the CLI reads what the library reads', () => {
  it('covers every records fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  it.each(fixtures)('%s: same records and issues through readRecords and `finetax classify`', async (name) => {
    const path = recordsFixture(name);
    const expected = readRecords(readText(path), { source: path });
    const run = await runCli(['classify', path, '--evidence', 'none']);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((r) => [r.id, r.title])).toEqual(expected.records.map((r) => [r.id, r.title]));
    const errors = expected.issues.filter((i) => i.severity === 'error').length;
    const warnings = expected.issues.length - errors;
    const summary = `${expected.records.length + errors} read, ${expected.records.length} tagged, ${errors} rejected; \\d+ with a method tag${warnings > 0 ? `; ${warnings} warnings?` : ''}`;
    expect(lines(run.stderr)).toEqual([...expected.issues.map(formatIssue), expect.stringMatching(new RegExp(`^${summary}$`))]);
  });

  it('the same for the normalised records themselves, through `filter --normalise`', async () => {
    const path = recordsFixture('refs.bib');
    const expected = readRecords(readText(path), { source: path });
    const run = await runCli(['filter', path, '--normalise', '--evidence', 'none']);
    expect(jsonLines(run.stdout).map(({ tags: _tags, names: _names, proposed: _proposed, ...record }) => record)).toEqual(expected.records);
  });
});

/**
 * On one thread the CLI reads JSON Lines in chunks of whole lines too (each with the ids of the
 * lines before it), not through `streamRecords`: a file of many chunks, with everything that
 * crosses a chunk's edge, must still read as `streamRecords` reads it in one pass.
 */
describe('the CLI reads a JSON Lines file of many chunks as streamRecords does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finetax-same-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'many-chunks.jsonl');
  const padding = 'plain words that tag nothing at all '.repeat(40);
  const paper = (id: string | undefined, title: string) => JSON.stringify({ ...(id === undefined ? {} : { id }), title, abstract: `LoRA adapters. ${padding}` });
  const lineOf = (n: number): Buffer => {
    if (n === 1 || n === 150 || n === 420 || n === 421) return Buffer.from(paper('dup', `Duplicate ${n}`));
    if (n === 90) return Buffer.from(paper('dup#2', 'The id a rename wants'));
    if (n === 260) return Buffer.from(paper(`${path}:380`, 'The id an id-less line gets'));
    if (n === 380) return Buffer.from(paper(undefined, 'No id'));
    if (n === 200) return Buffer.from('{"id": "broken", "title": ');
    if (n === 300) return Buffer.from('{"id": "typed", "title": 42, "abstract": "fine-tuning"}');
    if (n === 310) return Buffer.from('["not", "an", "object"]');
    if (n % 15 === 4) return Buffer.concat([Buffer.from(`{"id": "u${n}", "title": "bad `), Buffer.from([0xc3, 0x28]), Buffer.from(' bytes"}')]);
    return Buffer.from(paper(`p${n}`, `Paper ${n}`));
  };
  const breaks = ['\n', '\r\n', '\r'];
  writeFileSync(path, Buffer.concat([Buffer.from('\uFEFF'), ...Array.from({ length: 500 }, (_, i) => Buffer.concat([lineOf(i + 1), Buffer.from(breaks[i % breaks.length]!)]))]));

  it('gives the same records and issues, the UTF-8 warnings capped alike', async () => {
    const records: string[] = [];
    const issues: ReadIssue[] = [];
    for await (const item of streamRecords(path)) {
      if (item.kind === 'record') records.push(item.record.id);
      else issues.push(item.issue);
    }
    expect(statSync(path).size).toBeGreaterThan(10 * LINE_BATCH_BYTES);
    expect(records.filter((id) => id.startsWith('dup') || id.startsWith(path))).toEqual(['dup', 'dup#2', 'dup#3', `${path}:380`, `${path}:380#2`, 'dup#4', 'dup#5']);
    expect(issues.filter((issue) => issue.code === 'input/invalid-utf8')).toHaveLength(20);
    const run = await runCli(['classify', path, '--evidence', 'none', '--jobs', '1']);
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(records);
    expect(lines(run.stderr).slice(0, -1)).toEqual(issues.map(formatIssue));
  });
});
