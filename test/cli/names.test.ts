/** `finetax names`, `finetax taxonomy suggest`, `filter --name/--role` and the names part of `eval`, on three short abstracts. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliFixture, lines } from './helpers.js';
import { runCli } from './in-process.js';

const papers = cliFixture('names-tiny.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'finetax-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('names', () => {
  it('lists each name with its family and records per role (CSV)', async () => {
    const run = await runCli(['names', papers, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      'id,label,node,total,proposes,studies,uses,compares,mentions',
      'lora,LoRA,peft.lora,2,0,0,1,1,0',
      'dora,DoRA,peft.lora,1,1,0,0,0,0',
      'ppo,PPO,alignment,1,0,0,1,0,0',
      'prompt-tuning,prompt tuning,peft.prompt,1,0,0,0,1,0',
    ]);
  });
  it('ranks by one role with --role', async () => {
    const run = await runCli(['names', papers, '--format', 'json', '--role', 'uses']);
    expect((JSON.parse(run.stdout) as { names: Array<{ id: string }> }).names.map((n) => n.id)).toEqual(['lora', 'ppo']);
  });
});

describe('filter --name --role', () => {
  it('keeps records that mention the name in that role', async () => {
    const run = await runCli(['filter', '--name', 'LoRA', '--role', 'uses', papers, '--format', 'jsonl', '--evidence', 'none']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['tool']);
  });
  it('refuses an unknown name with a suggestion', async () => {
    const run = await runCli(['filter', '--name', 'dorra', papers]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown name 'dorra'; did you mean 'dora'?");
  });
});

describe('taxonomy suggest', () => {
  it('writes the unknown proposed names as an extends: default file that lint accepts', async () => {
    const out = join(dir, 'suggested.yaml');
    expect((await runCli(['taxonomy', 'suggest', papers, '-o', out])).code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('extends: default');
    expect(yaml).toContain('  # proposed by 1 record: new\n  - id: goracs\n    label: "GORACS"\n    node: alignment\n');
    expect(yaml).not.toContain('DoRA');
    expect((await runCli(['taxonomy', 'lint', out])).code).toBe(0);
  });
});

describe('eval with names gold', () => {
  it('reports names micro-F1, role accuracy and proposed F1 next to the facets', async () => {
    const run = await runCli(['eval', papers]);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out).toContain('names     micro-F1 1.000  P 1.000  R 1.000  role accuracy 1.000');
    expect(out).toContain('proposed  micro-F1 1.000  P 1.000  R 1.000');
  });
});
