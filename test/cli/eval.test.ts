/** `finetax eval` on a tiny gold file with known figures (obvious papers, one deliberately wrong label). */
import { describe, expect, it } from 'vitest';
import { cliFixture, lines } from './helpers.js';
import { runCli } from './in-process.js';

const gold = cliFixture('gold-tiny.jsonl');

const run = await runCli(['eval', gold, '--verbose']);

describe('eval', () => {

  it('scores per label and ends with the per-facet summary', async () => {
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toBe(`${gold}: 4 gold records; taxonomy fine-tuning 1.0`);
    expect(out).toContain('  micro                 0.750  0.750  0.750');
    expect(out).toContain('  exact match 0.750 (3 of 4)');
    expect(out.find((l) => l.startsWith('  weight-interpolation'))).toBe('  weight-interpolation  1.000  1.000  1.000     1    0    0');
    expect(out.slice(-2)).toEqual(['summary (4 records)', 'method  micro-F1 0.750  macro-F1 0.600  P 0.750  R 0.750  exact 0.750']);
  });

  it('--verbose lists the disagreements', async () => {
    expect(lines(run.stdout)).toContain('  g3  missed robustness; extra alignment  "Direct Preference Optimization: Your Language Model is Secretly a Rew…"');
  });

  it('reports bad gold lines located, and fails on them only under --strict', async () => {
    expect(lines(run.stderr)).toEqual([
      `${gold}:4:26: not valid JSON: unterminated string`,
      `${gold}:5: labels.method: unknown method 'peft.lroa'; did you mean 'peft.lora'?`,
    ]);
    expect((await runCli(['eval', gold, '--strict'])).code).toBe(1);
  });

  it('--fail-under turns a low score into exit 1; --format json is the report', async () => {
    expect((await runCli(['eval', gold, '--fail-under', '0.8'])).code).toBe(1);
    expect((await runCli(['eval', gold, '--fail-under', '0.7'])).code).toBe(0);
    const json = JSON.parse((await runCli(['eval', gold, '--format', 'json'])).stdout) as { records: number; facets: Array<{ facet: string; micro: { f1: number } }> };
    expect(json.records).toBe(4);
    expect(json.facets[0]).toMatchObject({ facet: 'method', micro: { f1: 0.75 } });
  });

  it('a missing gold file is a usage error', async () => {
    expect((await runCli(['eval', 'missing.jsonl'])).code).toBe(2);
    expect((await runCli(['eval'])).code).toBe(2);
  });
});
