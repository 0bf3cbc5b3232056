/** `finetax stats`: counts per facet and node, bars, pairs, and the JSON form. */
import { describe, expect, it } from 'vitest';
import { lines, samplePath } from './helpers.js';
import { runCli } from './in-process.js';

interface StatsJson {
  inputs: string[];
  records: number;
  rejected: number;
  facets: Array<{ facet: string; counts: Record<string, number>; none: number }>;
  pairs: { facet: string; top: Array<{ a: string; b: string; count: number }> };
}

const json = JSON.parse((await runCli(['stats', samplePath, '--format', 'json'])).stdout) as StatsJson;

describe('stats', () => {

  it('counts every record once per facet, parents including their children', async () => {
    expect(json.records).toBe(60);
    const method = json.facets.find((f) => f.facet === 'method')!;
    expect(Object.keys(method.counts)).toEqual(['peft', 'peft.lora', 'peft.adapter', 'peft.prompt', 'sparse-ft', 'weight-interpolation', 'data-selection', 'robustness', 'forgetting', 'alignment', 'editing']);
    expect(method.counts.peft).toBeGreaterThanOrEqual(method.counts['peft.lora']!);
    const type = json.facets.find((f) => f.facet === 'type')!;
    // A single-label facet: every record has exactly one type.
    expect(Object.values(type.counts).reduce((a, b) => a + b, 0)).toBe(60);
    expect(type.none).toBe(0);
  });

  it('matches what classify says', async () => {
    const tagged = lines((await runCli(['classify', samplePath, '--evidence', 'none'])).stdout).map((l) => JSON.parse(l) as { tags: Array<{ facet: string }> });
    const withMethod = tagged.filter((r) => r.tags.some((t) => t.facet === 'method')).length;
    expect(json.facets.find((f) => f.facet === 'method')!.none).toBe(60 - withMethod);
  });

  it('lists the top pairs of the method facet, most frequent first', async () => {
    expect(json.pairs.facet).toBe('method');
    const counts = json.pairs.top.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('prints a plain-text chart when piped', async () => {
    const run = await runCli(['stats', samplePath]);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toBe(`${samplePath}: 60 records`);
    expect(out).toEqual(expect.arrayContaining(['method', 'type', 'modality', 'top method pairs']));
    expect(out.find((l) => /^ {2}method\b/.test(l))).toMatch(/^ {2}method\s+\d+\s+\d+%\s+#+$/);
    expect(run.stdout).not.toMatch(/[\u2580-\u259f]/);
    expect(lines(run.stderr).at(-1)).toMatch(/^60 read, 60 tagged, 0 rejected; \d+ with a method tag$/);
  });
});
