/**
 * One path: every fixture in test/fixtures/records read through the library (`readRecords`) and
 * through the CLI gives the same records, in the same order, and the same issues, with the same
 * counts in the summary (entries read = records + rejected entries; warnings counted apart).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, readRecords } from '../../src/index.js';
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
