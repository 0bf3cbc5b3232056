import { describe, expect, it } from 'vitest';
import { indexKeys, normaliseKey, splitAuthors } from '../../src/records/fields.js';
import { arxivIdInLink, findArxivId, normaliseArxivId, normaliseDate, normaliseDoi, parseYear } from '../../src/records/text.js';

describe('field aliases', () => {
  it('match keys regardless of case, underscores, dashes and spaces', () => {
    expect(['Paper Title', 'paper_title', 'PAPER-TITLE', 'abstractText'].map(normaliseKey)).toEqual(['papertitle', 'papertitle', 'papertitle', 'abstracttext']);
  });

  it('map each field to the first alias present, a key may serve two fields', () => {
    const index = indexKeys(['arxiv_id', 'Name', 'Summary', 'Title', 'description']);
    expect(Object.fromEntries(index)).toEqual({ id: 'arxiv_id', arxivId: 'arxiv_id', title: 'Title', abstract: 'Summary' });
  });
});

describe('splitAuthors', () => {
  it.each([
    ['Edward J. Hu, Yelong Shen, and Phillip Wallis', ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis']],
    ['Hu, Edward J. and Shen, Yelong', ['Edward J. Hu', 'Yelong Shen']],
    ['Wortsman, Mitchell; Ilharco, Gabriel', ['Mitchell Wortsman', 'Gabriel Ilharco']],
    ['Tim Dettmers and Luke Zettlemoyer', ['Tim Dettmers', 'Luke Zettlemoyer']],
    ['Hu, Edward', ['Edward Hu']],
    ['Edward J. Hu', ['Edward J. Hu']],
    ['Hu, E., Shen, Y.', ['Hu, E., Shen, Y.']],
    ['Hu, E.; Shen, Y.', ['E. Hu', 'Y. Shen']],
    ['Sudha, A. V. Gopala Rao and A. K. Rajagopal', ['Sudha', 'A. V. Gopala Rao', 'A. K. Rajagopal']],
    ['A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, (2) Kurchatov Institute)', ['A. S. Mishchenko', 'N. Nagaosa']],
  ])('%s', (text, names) => {
    expect(splitAuthors(text)).toEqual(names);
  });
});

describe('value normalisers', () => {
  it.each([
    ['2021-06-17', '2021-06-17'],
    ['2021-06-17T17:37:18Z', '2021-06-17'],
    ['2024-02-14T17:59:34.000Z', '2024-02-14'],
    ['2021/6/7', '2021-06-07'],
    ['2021-06', '2021-06'],
    ['2021', '2021'],
    ['Oct 21, 2024', '2024-10-21'],
    ['17 June 2021', '2021-06-17'],
    ['Sept. 2021', '2021-09'],
    ['11/26/2008', '2008-11-26'],
    ['26/11/2008', '2008-11-26'],
    ['3/4/2008', '2008'],
    ['2021-02-30', undefined],
    ['yesterday', undefined],
  ])('date %s → %s (an ambiguous day/month keeps only the year)', (text, iso) => {
    expect(normaliseDate(text)).toBe(iso);
  });

  it('years come from numbers or 4-digit strings only', () => {
    expect([parseYear(2021), parseYear(' 2021 '), parseYear('21'), parseYear(2021.5), parseYear('2021a')]).toEqual([2021, 2021, undefined, undefined, undefined]);
  });

  it('arXiv ids lose URL prefixes and versions', () => {
    expect(normaliseArxivId('http://arxiv.org/abs/2106.09685v2')).toBe('2106.09685');
    expect(normaliseArxivId('https://arxiv.org/pdf/2305.14314v1.pdf')).toBe('2305.14314');
    expect(normaliseArxivId('arXiv:hep-th/9901001v3')).toBe('hep-th/9901001');
    expect(normaliseArxivId('W4221143046')).toBeUndefined();
    expect(findArxivId('10.48550/arXiv.2203.05482')).toBe('2203.05482');
    expect(findArxivId('arXiv preprint arXiv:2305.14314')).toBe('2305.14314');
  });

  it('links give the arXiv id of the paper they point to: arxiv.org, arXiv DOIs, and mirrors that keep the id in the path', () => {
    expect(arxivIdInLink('https://arxiv.org/pdf/2305.14314v1.pdf')).toBe('2305.14314');
    expect(arxivIdInLink('https://doi.org/10.48550/arXiv.2203.05482')).toBe('2203.05482');
    expect(arxivIdInLink('https://huggingface.co/papers/2402.09353')).toBe('2402.09353');
    expect(arxivIdInLink('https://papers.cool/arxiv/2404.02948v2?ref=x')).toBe('2404.02948');
    // A number inside a longer path segment, a non-link and an id-shaped query value are not the paper's id.
    expect(arxivIdInLink('https://example.org/report-2404.02948/page')).toBeUndefined();
    expect(arxivIdInLink('see 2404.02948')).toBeUndefined();
    expect(arxivIdInLink('https://example.org/search?q=2404.02948')).toBeUndefined();
  });

  it('DOIs lose resolver prefixes', () => {
    expect(normaliseDoi('https://doi.org/10.1109/cvpr52688.2022.00780')).toBe('10.1109/cvpr52688.2022.00780');
    expect(normaliseDoi('doi:10.18653/v1/2022.acl-long.125')).toBe('10.18653/v1/2022.acl-long.125');
    expect(normaliseDoi('not a doi')).toBeUndefined();
  });
});
