/**
 * The example in docs/querying.md, run for real. The code between the region markers must be the
 * code block of the docs (the first test checks that), and the assertions after it check the
 * results the docs' comments claim.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as finetax from '../../src/index.js';
import { tagCorpus, UnknownIdError } from '../../src/index.js';

const DOCS = new URL('../../docs/querying.md', import.meta.url);
const THIS_FILE = new URL(import.meta.url);

describe('docs/querying.md', () => {
  it('shows exactly the code this test runs, importing only public names', () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(DOCS, 'utf8'))?.[1] ?? '';
    const [importLine, ...body] = block.trimEnd().split('\n');
    const names = /^import \{ (.+) \} from 'finetax';$/.exec(importLine ?? '')?.[1]?.split(', ') ?? [];
    expect(names).toEqual(['tagCorpus', 'UnknownIdError']);
    for (const name of names) expect(finetax).toHaveProperty(name);
    expect(body.join('\n').trim()).toBe(region());
  });

  it('runs and gives the results its comments show', () => {
    // #region docs
    const papers = [
      {
        id: '2106.09685',
        title: 'LoRA: Low-Rank Adaptation of Large Language Models',
        abstract:
          'We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture.',
      },
      {
        id: '2305.14314',
        title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
        abstract:
          'We present QLoRA, an efficient finetuning approach that backpropagates gradients through a frozen, 4-bit quantized pretrained language model into Low Rank Adapters.',
      },
      {
        id: '2203.12119',
        title: 'Visual Prompt Tuning',
        abstract:
          'This paper introduces Visual Prompt Tuning (VPT) as an efficient alternative to full fine-tuning for large-scale Transformer models in vision, keeping the backbone frozen.',
      },
      {
        id: '2305.18290',
        title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
        abstract:
          'We introduce Direct Preference Optimization (DPO), which fine-tunes large language models to align with human preferences without reinforcement learning from human feedback.',
      },
      {
        id: '2402.16827',
        title: 'A Survey on Data Selection for Language Models',
        abstract: 'This survey reviews data selection methods for training large language models, from pretraining data filtering to instruction tuning.',
      },
    ];

    // Tag once; the corpus is typed by the taxonomy (here the default one).
    const corpus = tagCorpus(papers);

    // Filters return new corpora in input order. A family includes its subfamilies.
    const peft = corpus.where({ method: 'peft' }).toArray().map((e) => e.record.id);
    // → ['2106.09685', '2305.14314', '2203.12119']
    const lora = corpus.where({ method: 'peft.lora' }).size; // → 2
    const dataSurveys = corpus.where({ type: 'survey', method: 'data-selection' }).toArray().map((e) => e.record.title);
    // → ['A Survey on Data Selection for Language Models']
    const notPeft = corpus.whereNone({ method: 'peft' }).size; // → 2

    // Summaries: records per family (a parent counts its subfamilies' records), best records.
    const perFamily = corpus.count('method');
    // → Map { 'peft' => 3, 'peft.lora' => 2, 'peft.prompt' => 1, 'data-selection' => 1, 'alignment' => 1 }
    const [bestLora] = corpus.top(1, { id: 'peft.lora' }); // → the entry with the highest LoRA tag, and that tag

    // Fuzzy text search: every word must match, typos tolerated; results come best first.
    const found = corpus.search('prefrence optimization').toArray().map((e) => e.record.id); // → ['2305.18290']

    // Names from people: aliases and labels resolve, misspellings get suggestions.
    const resolved = corpus.taxonomy.resolve('QLoRA'); // → 'peft.lora'
    const suggested = corpus.taxonomy.suggest('lroa')[0]?.id; // → 'peft.lora'

    // Ids from untyped input (a CLI flag, JSON) are checked at run time.
    let message = '';
    try {
      corpus.where({ method: corpus.taxonomy.requireId('peft.lroa', 'method') });
    } catch (error) {
      if (error instanceof UnknownIdError) message = error.message;
      // → "unknown method id 'peft.lroa'; did you mean 'peft.lora'?"
    }
    // #endregion docs

    expect(peft).toEqual(['2106.09685', '2305.14314', '2203.12119']);
    expect(lora).toBe(2);
    expect(dataSurveys).toEqual(['A Survey on Data Selection for Language Models']);
    expect(notPeft).toBe(2);
    expect([...perFamily]).toEqual([
      ['peft', 3],
      ['peft.lora', 2],
      ['peft.prompt', 1],
      ['data-selection', 1],
      ['alignment', 1],
    ]);
    expect(['2305.14314', '2106.09685']).toContain(bestLora?.record.id);
    expect(bestLora?.tag.id).toBe('peft.lora');
    expect(found).toEqual(['2305.18290']);
    expect([resolved, suggested]).toEqual(['peft.lora', 'peft.lora']);
    expect(message).toBe("unknown method id 'peft.lroa'; did you mean 'peft.lora'?");
  });
});

/** The code between the region markers of this file, dedented. */
function region(): string {
  const source = readFileSync(THIS_FILE, 'utf8');
  const lines = /\/\/ #region docs\n([\s\S]*?)\n\s*\/\/ #endregion docs/.exec(source)?.[1]?.split('\n') ?? [];
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines
    .map((line) => line.slice(indent))
    .join('\n')
    .trim();
}
