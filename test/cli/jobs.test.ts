/**
 * `--jobs N`: batches go to worker threads, and the output must be byte-for-byte what one thread
 * writes: same records, same order, same issues at the same places, same summary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finetax, jsonLines, lines, readText, samplePath } from './helpers.js';

const RECORDS = 3000;
const dir = mkdtempSync(join(tmpdir(), 'finetax-jobs-'));
const big = join(dir, 'cycled.jsonl');
const sample = readText(samplePath).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const body = Array.from({ length: RECORDS }, (_, i) => {
  if (i === 1499) return '{"id": "broken", "title": ';
  if (i === 2499) return JSON.stringify({ id: 'empty' });
  return JSON.stringify({ ...sample[i % sample.length], id: `cyc-${i}` });
});
writeFileSync(big, `${body.join('\n')}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--jobs', () => {
  const one = finetax(['classify', big, '--jobs', '1']);
  const two = finetax(['classify', big, '--jobs', '2']);

  it('writes exactly what one thread writes', () => {
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('keeps input order and reports the bad lines in place', () => {
    const ids = jsonLines(one.stdout).map((r) => r.id);
    expect(ids).toHaveLength(RECORDS - 2);
    expect(ids.slice(1497, 1500)).toEqual(['cyc-1497', 'cyc-1498', 'cyc-1500']);
    expect(lines(one.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${big}:1500:27: not valid JSON: `)),
      `${big}:2500: record empty: expected a title or an abstract, found neither`,
      `${RECORDS} read, ${RECORDS - 2} tagged, 2 rejected; ${lines(one.stderr).at(-1)!.match(/; (\d+) with/)![1]} with a method tag`,
    ]);
  });

  it('streams stdin through the pool too, and accepts auto', () => {
    const run = finetax(['classify', '-', '--jobs', 'auto', '--format', 'csv'], { input: readFileSync(big, 'utf8') });
    const csv = finetax(['classify', big, '--format', 'csv']);
    expect(run.stdout).toBe(csv.stdout);
  });
});
