import { describe, expect, it } from 'vitest';
import { readSemanticScholar } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('Semantic Scholar reader', () => {
  const result = readSemanticScholar(fixture('s2-search.json'), { source: 's2-search.json' });

  it('reads a search page {data: [...]} in order, with the S2 paperId as id', () => {
    expect(ids(result)).toEqual([
      'a8ca46b171467ceb2d7652fbfb67fe701ad86092',
      '32ac52069e562d4f900afee70bdca63f53461481',
      '29ddc1f43f28af7c846515e32cc167bc66886d0c',
    ]);
    expect(result.issues).toEqual([]);
  });

  it('maps externalIds, openAccessPdf-free papers, venue and publicationDate exactly', () => {
    expect(result.records[1]).toEqual({
      id: '32ac52069e562d4f900afee70bdca63f53461481',
      title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
      abstract:
        'We present QLoRA, an efficient finetuning approach that reduces memory usage enough to finetune a 65B parameter model on a single 48GB GPU while preserving full 16-bit finetuning task performance. QLoRA backpropagates gradients through a frozen, 4-bit quantized pretrained language model into Low Rank Adapters~(LoRA).',
      authors: ['Tim Dettmers', 'Artidoro Pagnoni', 'Ari Holtzman', 'Luke Zettlemoyer'],
      year: 2023,
      date: '2023-05-23',
      venue: 'Neural Information Processing Systems',
      url: 'https://www.semanticscholar.org/paper/32ac52069e562d4f900afee70bdca63f53461481',
      doi: '10.48550/arXiv.2305.14314',
      arxivId: '2305.14314',
      categories: ['Computer Science'],
      source: 's2:s2-search.json',
    });
  });

  it('keeps a paper whose abstract S2 withholds (null) with an empty abstract', () => {
    expect(result.records[2]).toMatchObject({ title: 'Parameter-Efficient Transfer Learning for NLP', abstract: '', arxivId: '1902.00751' });
  });

  it('reads a single paper object', () => {
    const read = readSemanticScholar('{"paperId": "abc", "title": "DoRA", "openAccessPdf": {"url": "https://arxiv.org/pdf/2402.09353"}}');
    expect(read.records).toEqual([{ id: 'abc', title: 'DoRA', abstract: '', url: 'https://arxiv.org/pdf/2402.09353', source: 's2' }]);
  });

  it('unwraps citingPaper / citedPaper items of citation and reference lists', () => {
    const text = '{"offset": 0, "data": [{"contexts": [], "citingPaper": {"paperId": "p1", "title": "A"}}, {"citedPaper": {"paperId": "p2", "title": "B"}}]}';
    expect(ids(readSemanticScholar(text))).toEqual(['p1', 'p2']);
  });

  it('reports null batch results and wrongly typed fields with the record id, field path and the column of the value', () => {
    const text = `[
  {"paperId": "p1", "title": "Fine"},
  null,
  {"paperId": "p3", "title": "Typed", "externalIds": {"ArXiv": 2106.09685}},
  {"paperId": "p4", "title": "Year", "year": "soon"}
]`;
    const read = readSemanticScholar(text, { source: 'batch.json' });
    expect(ids(read)).toEqual(['p1', 'p3', 'p4']);
    expect(issueLines(read)).toEqual([
      'batch.json:3:3: expected a paper object, got null (the batch API returns null for ids it does not know)',
      'batch.json:4:64: record p3: externalIds.ArXiv: expected a string, got the number 2106.09685; left out of the record',
      "batch.json:5:46: record p4: year: expected a year like 2021, got 'soon'; left out of the record",
    ]);
  });
});
