import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHfPage } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('Hugging Face papers page (copied text) reader', () => {
  const result = readHfPage(fixture('hf-search-page.txt'), { source: 'hf-search-page.txt' });

  it('skips the page header and reads every paper in order, id = file:title line', () => {
    expect(ids(result)).toEqual(['hf-search-page.txt:13', 'hf-search-page.txt:21', 'hf-search-page.txt:27', 'hf-search-page.txt:35']);
    expect(result.issues).toEqual([]);
  });

  it('reads title, abstract and a dated line with an upvote count', () => {
    expect(result.records[0]).toEqual({
      id: 'hf-search-page.txt:13',
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      abstract:
        'An important paradigm of natural language processing consists of large-scale pre-training on general domain data and adaptation to particular tasks or domains. As we pre-train larger models, full fine-tuning, which retrains all model parameters, becomes less feasible. Using GPT-3 175B as an example -- deploying independent instances of fine-tuned models, each with 175B parameters, is prohibitively expensive.',
      year: 2021,
      date: '2021-06-17',
      source: 'hf-page:hf-search-page.txt',
    });
  });

  it('keeps a paper without an abstract, with an empty abstract', () => {
    expect(result.records[1]).toEqual({
      id: 'hf-search-page.txt:21',
      title: 'Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time',
      abstract: '',
      year: 2022,
      date: '2022-03-10',
      source: 'hf-page:hf-search-page.txt',
    });
  });

  it('accepts an organisation line in place of the author count', () => {
    expect(result.records[2]).toMatchObject({ title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model', date: '2023-05-29' });
  });

  it('leaves year and date unset for a date shown without a year ("May 23")', () => {
    expect(result.records[3]?.title).toBe('QLoRA: Efficient Finetuning of Quantized LLMs');
    expect(result.records[3]).not.toHaveProperty('year');
    expect(result.records[3]).not.toHaveProperty('date');
  });

  it('starts a new paper when a title follows an abstract without a metadata block', () => {
    const text = [
      'Daily Papers',
      '',
      'Paper one',
      '',
      'An abstract that is long enough to be prose rather than a title. '.repeat(5),
      '',
      'Paper two',
      '',
      'Another abstract, also long enough to be read as prose and not as a title. '.repeat(5),
      '',
      '  • 2 authors',
      '·',
      'Oct 1, 2024',
    ].join('\n');
    const read = readHfPage(text, { source: 'p.txt' });
    expect(read.records.map((r) => [r.id, r.title, r.date])).toEqual([
      ['p.txt:3', 'Paper one', undefined],
      ['p.txt:7', 'Paper two', '2024-10-01'],
    ]);
  });

  it('reports an abstract paragraph that has no title before it', () => {
    const prose = 'A paragraph of prose that is long enough to count as an abstract for this page reader. '.repeat(4);
    const text = ['Title', '', prose, '', prose, '', '  • 1 authors', '·', 'Jan 2, 2024'].join('\n');
    expect(issueLines(readHfPage(text, { source: 'o.txt' }))).toEqual(['o.txt:5: found an abstract paragraph without a title line before it']);
  });
});

const CORPUS = new URL('../../../shared/corpus/000_0f1b953c0851655a.txt', import.meta.url);
const corpusPresent = existsSync(CORPUS);

describe('the real copied Hugging Face search page', () => {
  const name = corpusPresent
    ? 'reads all 43 papers with title and abstract, in page order'
    : `reads all 43 papers (SKIPPED: corpus file not found at ${fileURLToPath(CORPUS)})`;

  it.skipIf(!corpusPresent)(name, () => {
    const result = readHfPage(readFileSync(CORPUS, 'utf8'), { source: '000_0f1b953c0851655a.txt' });
    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(43);
    expect(result.records[0]?.title).toBe('In Search of the Successful Interpolation: On the Role of Sharpness in CLIP Generalization');
    expect(result.records[42]?.title).toBe('Parameter-Efficient Transfer Learning of Audio Spectrogram Transformers');
    for (const record of result.records) {
      expect(record.title.length, record.id).toBeGreaterThan(0);
      expect(record.abstract.length, record.title).toBeGreaterThan(1000);
    }
    expect(result.records[0]).toMatchObject({ id: '000_0f1b953c0851655a.txt:13', year: 2024, date: '2024-10-21' });
    expect(result.records[0]?.abstract.startsWith('Zero-shot models like CLIP are often fine-tuned on a target dataset')).toBe(true);
    const byTitle = new Map(result.records.map((r) => [r.title, r]));
    // "Sep 10, 2024 2": the trailing 2 is the upvote count.
    expect(byTitle.get('SaRA: High-Efficient Diffusion Model Fine-tuning with Progressive Sparse Low-Rank Adaptation')?.date).toBe('2024-09-10');
    // Organisation line instead of authors, and a date without a year.
    expect(byTitle.get('Fine-tuning Done Right in Model Editing')).not.toHaveProperty('date');
    // A paper with no metadata block at all, directly followed by the next title.
    const uniworld = byTitle.get('Uniworld-V2: Reinforce Image Editing with Diffusion Negative-aware Finetuning and MLLM Implicit Feedback');
    expect(uniworld?.abstract.startsWith('Instruction-based image editing has achieved remarkable progress')).toBe(true);
  });
});
