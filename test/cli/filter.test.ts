/** `finetax filter`: any-of within a flag, AND across facets, exclusions, descendants, unknown ids. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonLines, lines, recordsFixture } from './helpers.js';
import { runCli } from './in-process.js';

const papers = recordsFixture('papers.jsonl');
const input = [
  { id: 'lora-vision', title: 'LoRA fine-tuning of vision transformers for image classification' },
  { id: 'qlora', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' },
  { id: 'dpo', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' },
  { id: 'soups', title: 'Model soups: averaging weights of multiple fine-tuned models improves accuracy' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');
const ids = async (args: string[]) => jsonLines((await runCli(['filter', ...args, '--evidence', 'none'], { input })).stdout).map((r) => r.id);

describe('filter', () => {
  it('passes the matching JSON Lines records through unchanged: the original line, byte for byte', async () => {
    const run = await runCli(['filter', '--method', 'weight-interpolation', papers]);
    expect(run.code).toBe(0);
    const original = readFileSync(papers, 'utf8').split(/\r?\n/).find((line) => line.includes('"2203.05482"'));
    expect(run.stdout).toBe(`${original}\n`);
    expect(lines(run.stderr).at(-1)).toBe('6 read, 4 tagged, 2 rejected; 3 with a method tag; 1 matched; 1 warning');
  });

  it('--normalise writes the normalised record with its tags instead', async () => {
    const run = await runCli(['filter', '--method', 'weight-interpolation', '--normalise', papers]);
    const [soups, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    expect(soups).toMatchObject({ id: '2203.05482', authors: ['Mitchell Wortsman', 'Gabriel Ilharco', 'Samir Yitzhak Gadre'], year: 2022 });
    expect(soups!.tags.map((t) => t.id)).toContain('weight-interpolation');
  });

  it('an id includes its descendants; a comma list is any-of', async () => {
    expect(await ids(['--method', 'peft'])).toEqual(['lora-vision', 'qlora']);
    expect(await ids(['--method', 'alignment,weight-interpolation'])).toEqual(['dpo', 'soups']);
    expect(await ids(['--method', 'alignment', '--method', 'weight-interpolation'])).toEqual(['dpo', 'soups']);
  });

  it('flags of different facets must all hold; --not-<facet> excludes', async () => {
    expect(await ids(['--method', 'peft.lora', '--modality', 'vision'])).toEqual(['lora-vision']);
    expect(await ids(['--method', 'peft', '--not-modality', 'vision'])).toEqual(['qlora']);
  });

  it('accepts names the taxonomy knows', async () => {
    expect(await ids(['--method', 'LoRA'])).toEqual(['lora-vision', 'qlora']);
  });

  it('an unknown id is a usage error naming the closest id, before any input is read', async () => {
    const run = await runCli(['filter', '--method', 'peft.lroa', 'missing.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual(["finetax: unknown method 'peft.lroa'; did you mean 'peft.lora'?"]);
    expect((await runCli(['filter', '--not-modality', 'vison'], { input })).stderr).toContain("unknown modality 'vison'; did you mean 'vision'?");
  });

  it('has flags for the facets of a --taxonomy file', async () => {
    const extended = `${JSON.stringify({ id: 'q', title: 'Quantization-Aware Fine-Tuning of Large Language Models' })}\n`;
    const run = await runCli(['filter', '--taxonomy', 'test/fixtures/cli/extension.yaml', '--method', 'quantization'], { input: extended });
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['q']);
    expect((await runCli(['filter', '--help'])).stdout).toContain('--not-modality IDS');
  });
});
