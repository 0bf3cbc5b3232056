import { describe, expect, it } from 'vitest';
import { readOpenAlex } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('OpenAlex reader', () => {
  const result = readOpenAlex(fixture('openalex-works.json'), { source: 'openalex-works.json' });

  it('reads {results: [...]} in order with the short W id', () => {
    expect(ids(result)).toEqual(['W4221143046', 'W3198357836', 'W2963341956']);
    expect(result.issues).toEqual([]);
  });

  it('rebuilds the abstract from the inverted index, words in position order', () => {
    expect(result.records[0]?.abstract).toBe(
      'The conventional recipe for maximizing model accuracy is to (1) train multiple models with various hyperparameters and (2) pick the individual model which performs best on a held-out validation set, discarding the remainder. In this paper, we revisit the second step of this procedure in the context of fine-tuning large pre-trained models, where fine-tuned models often appear to lie in a single low error basin. We show that averaging the weights of multiple models fine-tuned with different hyperparameter configurations often improves accuracy and robustness.',
    );
  });

  it('maps a work exactly: DOI without https://doi.org/, venue, authors, arXiv id from the arXiv DOI', () => {
    expect({ ...result.records[0], abstract: '…' }).toEqual({
      id: 'W4221143046',
      title: 'Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time',
      abstract: '…',
      authors: ['Mitchell Wortsman', 'Gabriel Ilharco', 'Samir Yitzhak Gadre', 'Ludwig Schmidt'],
      year: 2022,
      date: '2022-03-10',
      venue: 'arXiv (Cornell University)',
      url: 'https://arxiv.org/abs/2203.05482',
      doi: '10.48550/arxiv.2203.05482',
      arxivId: '2203.05482',
      source: 'openalex:openalex-works.json',
    });
  });

  it('finds the arXiv id among secondary locations', () => {
    expect(result.records[1]).toMatchObject({
      doi: '10.1109/cvpr52688.2022.00780',
      venue: '2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
      arxivId: '2109.01903',
    });
  });

  it('keeps a work without an abstract (null inverted index)', () => {
    expect(result.records[2]).toMatchObject({ title: 'Parameter-Efficient Transfer Learning for NLP', abstract: '', year: 2019 });
  });

  it('reads a single work, and hostile positions cannot allocate huge arrays', () => {
    const work = '{"id": "https://openalex.org/W1", "display_name": "T", "abstract_inverted_index": {"end": [1000000000], "__proto__": [0], "start": [1]}}';
    expect(readOpenAlex(work).records[0]?.abstract).toBe('__proto__ start end');
  });

  it('reports a malformed inverted index with the word at fault', () => {
    const work = '{"results": [{"id": "https://openalex.org/W2", "title": "T", "abstract_inverted_index": {"LoRA": [-1]}}]}';
    expect(issueLines(readOpenAlex(work, { source: 'w.json' }))).toEqual([
      'w.json:1:98: record W2: abstract_inverted_index.LoRA: expected word positions as non-negative integers, got the number -1; left out of the record',
    ]);
  });
});
