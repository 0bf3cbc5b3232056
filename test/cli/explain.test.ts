/** `finetax explain`: highlighted evidence, reasons per tag, near misses; the three ways to give a record. */
import { describe, expect, it } from 'vitest';
import { ANSI, lines, recordsFixture } from './helpers.js';
import { runCli } from './in-process.js';

const qlora = ['--title', 'QLoRA: Efficient Finetuning of Quantized LLMs', '--abstract', 'We present QLoRA, an efficient finetuning approach. Unlike prior robustness methods, it backpropagates through a frozen 4-bit model into Low Rank Adapters (LoRA).'];

describe('explain', () => {
  it('highlights evidence in [[brackets]] when piped, with each tag, score and reasons', async () => {
    const run = await runCli(['explain', ...qlora]);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out[1]).toMatch(/^title\s+\[\[QLoRA\]\]: /);
    expect(run.stdout).not.toMatch(ANSI);
    const lora = out.findIndex((l) => /^ {2}method\s+peft\.lora\s+\d\.\d{3}\s+LoRA/.test(l));
    expect(lora).toBeGreaterThan(0);
    expect(out[lora + 1]).toMatch(/^\s+title\s+"QLoRA"\s+\w+ '[^']+'\s+weight [\d.]+/);
    expect(out).toContain('near misses (matched, but under the threshold)');
  });

  it('says why a near miss with a high score is not a tag when its node asks for more support', async () => {
    const abstract =
      'We propose a sparse fine-tuning method that updates only the parameters with the largest gradients. Our analysis demonstrates that the method mitigates catastrophic forgetting.';
    const out = lines((await runCli(['explain', '--abstract', abstract])).stdout);
    const misses = out.indexOf('near misses (matched, but under the threshold)');
    const forgetting = out.findIndex((l, i) => i > misses && /^ {2}method\s+forgetting\s+0\.8\d\d/.test(l));
    expect(forgetting).toBeGreaterThan(misses);
    expect(out[forgetting + 2]).toBe('      (support 2: needs a title mention or evidence in 2 sentences)');
  });

  it('says when a near miss needs more support because the title names one of its topics', async () => {
    // ml24-0548: a theory paper on in-context linear regression that names GPT-2 once (LABELS.md: no modality).
    const out = lines((await runCli(['explain', 'test/gold/ml24-sample.jsonl', '--id', 'ml24-0548'])).stdout);
    const misses = out.indexOf('near misses (matched, but under the threshold)');
    const language = out.findIndex((l, i) => i > misses && /^ {2}modality\s+language\s/.test(l));
    expect(language).toBeGreaterThan(misses);
    expect(out[language + 1]).toMatch(/^\s+abstract\s+"GPT-2"\s+acronym 'GPT-2'/);
    expect(out[language + 2]).toBe('      (support 2 when the title names one of its topics, here "linear regression": needs evidence in 2 sentences)');
  });

  it('colours instead of brackets when colour is forced, and not with NO_COLOR', async () => {
    const forced = (await runCli(['explain', ...qlora], { env: { FORCE_COLOR: '1' } })).stdout;
    expect(forced).toMatch(ANSI);
    expect(forced).not.toContain('[[');
    expect((await runCli(['explain', ...qlora], { env: { NO_COLOR: '1' } })).stdout).toContain('[[QLoRA]]');
  });

  it('finds a record by --id in a file, and names a close id when it is not there', async () => {
    const run = await runCli(['explain', recordsFixture('papers.csv'), '--id', '2203.05482']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('2203.05482');
    expect(run.stdout).toMatch(/\[\[Model soups\]\]/);
    const missing = await runCli(['explain', recordsFixture('papers.csv'), '--id', '2203.0548']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`no record with id '2203.0548' in ${recordsFixture('papers.csv')}; did you mean '2203.05482'?`);
  });

  it('explains a bare abstract on stdin', async () => {
    const run = await runCli(['explain'], { input: 'We propose a new direct preference optimization method to align language models.\n' });
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('stdin');
    expect(run.stdout).toContain('[[direct preference optimization]]');
    expect(run.stdout).toMatch(/method\s+alignment/);
  });

  it('--format json gives tags and mentions', async () => {
    const json = JSON.parse((await runCli(['explain', ...qlora, '--format', 'json'])).stdout) as { tags: Array<{ id: string }>; mentions: unknown[] };
    expect(json.tags.map((t) => t.id)).toContain('peft.lora');
    expect(Array.isArray(json.mentions)).toBe(true);
  });
});
