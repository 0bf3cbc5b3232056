import { describe, expect, it } from 'vitest';
import { readHfDaily } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('Hugging Face daily papers reader', () => {
  const result = readHfDaily(fixture('hf-daily.json'), { source: 'hf-daily.json' });

  it('reads the {paper: {...}} items in order, the HF id being the arXiv id', () => {
    expect(ids(result)).toEqual(['2402.09353', '2403.07691']);
    expect(result.issues).toEqual([]);
  });

  it('maps a paper exactly, with the summary collapsed and the paper publishedAt as date', () => {
    expect(result.records[0]).toEqual({
      id: '2402.09353',
      title: 'DoRA: Weight-Decomposed Low-Rank Adaptation',
      abstract:
        'Among the widely used parameter-efficient finetuning (PEFT) methods, LoRA and its variants have gained considerable popularity because of avoiding additional inference costs. However, there still often exists an accuracy gap between these methods and full fine-tuning (FT).',
      authors: ['Shih-Yang Liu', 'Chien-Yi Wang', 'Hongxu Yin', 'Min-Hung Chen'],
      year: 2024,
      date: '2024-02-14',
      url: 'https://huggingface.co/papers/2402.09353',
      arxivId: '2402.09353',
      source: 'hf-daily:hf-daily.json',
    });
  });

  it('reads the plain /api/papers shape without the paper wrapper', () => {
    const text = '[{"id": "2305.18290", "title": "Direct Preference Optimization", "summary": "DPO.", "authors": [{"name": "Rafael Rafailov", "hidden": false}], "publishedAt": "2023-05-29T17:57:46.000Z", "upvotes": 52}]';
    expect(readHfDaily(text).records).toEqual([
      {
        id: '2305.18290',
        title: 'Direct Preference Optimization',
        abstract: 'DPO.',
        authors: ['Rafael Rafailov'],
        year: 2023,
        date: '2023-05-29',
        url: 'https://huggingface.co/papers/2305.18290',
        arxivId: '2305.18290',
        source: 'hf-daily',
      },
    ]);
  });

  it('reports an item whose summary is not a string', () => {
    const text = '[{"paper": {"id": "2106.09685", "title": "LoRA", "summary": {"text": "x"}}}]';
    expect(issueLines(readHfDaily(text, { source: 'd.json' }))).toEqual(['d.json:1:61: record 2106.09685: paper.summary: expected a string, got an object; left out of the record']);
  });
});
