/**
 * End to end with the real classifiers. Only outcomes that taxonomy tuning cannot change are
 * asserted (a QLoRA title is a LoRA paper); exact results are the hand-tagged tests' job.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, tagCorpus } from '../../src/index.js';
import { tinyTaxonomyModule } from './fixtures/generate.js';
import { tinyTaxonomy } from './fixtures/tiny-taxonomy.js';
import { ids, samplePapers } from './helpers.js';

describe('tagCorpus with the default classifier', () => {
  const corpus = tagCorpus([
    { id: 'qlora', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' },
    { id: 'dpo', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' },
    { id: 'physics', title: 'Traceable random numbers from a nonlocal quantum advantage' },
  ]);

  it('keeps every record, in input order, with its classification', () => {
    expect(ids(corpus)).toEqual(['qlora', 'dpo', 'physics']);
    expect(corpus.toArray().map((entry) => entry.classification.id)).toEqual(['qlora', 'dpo', 'physics']);
  });

  it('finds a QLoRA paper under LoRA and under its parent PEFT, and a DPO paper under alignment', () => {
    expect(ids(corpus.where({ method: 'peft.lora' }))).toEqual(['qlora']);
    expect(ids(corpus.where({ method: 'peft' }))).toEqual(['qlora']);
    expect(ids(corpus.where({ method: 'alignment' }))).toEqual(['dpo']);
  });

  it('passes classify options through', () => {
    const strict = tagCorpus([{ id: 'qlora', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' }], { facets: ['modality'] });
    expect(strict.families('method')).toEqual([]);
  });

  it('tags the 60 bundled sample records, keeping their order', () => {
    const papers = samplePapers();
    expect(ids(tagCorpus(papers))).toEqual(papers.map((paper) => paper.id));
  });
});

describe('a user taxonomy generated with taxonomyModule', () => {
  const classifier = createClassifier({ taxonomy: tinyTaxonomy });
  const corpus = tagCorpus(
    [
      {
        id: 'self-kd',
        title: 'Self-Distillation Improves Clinical Note Summarization',
        abstract: 'We apply self-distillation to a clinical language model and evaluate on medical notes.',
      },
      { id: 'quant', title: 'Post-Training Quantization for Legal Document Classifiers', abstract: 'Quantized models keep accuracy on legal text.' },
    ],
    { classifier },
  );

  it('queries its own facets and ids, a parent including its child', () => {
    expect(ids(corpus.where({ technique: 'distillation' }))).toEqual(['self-kd']);
    expect(ids(corpus.where({ technique: 'quantization', domain: 'legal' }))).toEqual(['quant']);
    expect(corpus.families('technique')).toEqual(['distillation', 'distillation.self', 'quantization']);
  });

  it('checks ids against its own taxonomy at run time', () => {
    expect(() => corpus.taxonomy.requireId('peft', 'technique')).toThrow("unknown technique id 'peft'");
    expect(corpus.taxonomy.resolve('KD')).toBe('distillation');
  });

  it('is the fixture module the code generator produces from tiny-taxonomy.yaml', () => {
    const fixture = readFileSync(new URL('fixtures/tiny-taxonomy.ts', import.meta.url), 'utf8');
    expect(fixture, 'stale fixture: run `npx tsx test/query/fixtures/generate.ts`').toBe(tinyTaxonomyModule());
  });
});
