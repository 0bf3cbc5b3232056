import { describe, expect, it } from 'vitest';
import { readCsl } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('CSL-JSON reader', () => {
  const result = readCsl(fixture('csl.json'), { source: 'csl.json' });

  it('reads items in order with their CSL id, numeric ids as strings', () => {
    expect(ids(result)).toEqual(['hu2022lora', 'http://zotero.org/users/8714223/items/QL7T9RMA', 'wortsman2022model', '42']);
  });

  it('maps an item exactly: given + family names, issued date-parts, container-title', () => {
    expect(result.records[0]).toEqual({
      id: 'hu2022lora',
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      abstract:
        'An important paradigm of natural language processing consists of large-scale pre-training on general domain data and adaptation to particular tasks or domains.',
      authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis'],
      year: 2022,
      date: '2022',
      venue: 'International Conference on Learning Representations',
      url: 'https://openreview.net/forum?id=nZeVKeeFYf9',
      source: 'csl:csl.json',
    });
  });

  it('reads a Zotero arXiv preprint: DOI, full date and the arXiv id', () => {
    expect(result.records[1]).toMatchObject({ doi: '10.48550/arXiv.2305.14314', arxivId: '2305.14314', date: '2023-05-23', year: 2023 });
  });

  it('reads literal names and a container-title given as an array', () => {
    expect(result.records[2]).toMatchObject({
      authors: ['Mitchell Wortsman', 'Gabriel Ilharco', 'ML Foundations Group'],
      venue: 'Proceedings of the 39th International Conference on Machine Learning',
      date: '2022-07',
    });
  });

  it('keeps an item with an impossible date, reporting the date with the item id, the field path and its place', () => {
    expect(issueLines(result)).toEqual([
      'csl.json:51:31: record 42: issued.date-parts: expected [[year, month?, day?]] forming a real date, got [2023, 13, 1]; left out of the record',
    ]);
    expect(result.records[3]).not.toHaveProperty('date');
  });

  it('reads issued.raw and a single item object', () => {
    const read = readCsl('{"id": "x", "title": "T", "issued": {"raw": "June 2021"}, "author": [{"given": "Ludwig", "non-dropping-particle": "van", "family": "Beethoven"}]}');
    expect(read.records[0]).toMatchObject({ date: '2021-06', authors: ['Ludwig van Beethoven'] });
  });
});
