import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/records/index.js';
import { fixture } from './helpers.js';

describe('detectFormat', () => {
  it.each([
    ['papers.jsonl', 'jsonl'],
    ['papers.csv', 'csv'],
    ['arxiv-api.atom.xml', 'atom'],
    ['refs.bib', 'bibtex'],
    ['s2-search.json', 's2'],
    ['openalex-works.json', 'openalex'],
    ['hf-daily.json', 'hf-daily'],
    ['csl.json', 'csl'],
    ['hf-search-page.txt', 'hf-page'],
  ])('recognises the %s fixture as %s, by name and by content alone', (name, format) => {
    const text = fixture(name);
    expect(detectFormat(text, name)).toBe(format);
    expect(detectFormat(text)).toBe(format);
  });

  it('trusts the extension first', () => {
    expect(detectFormat('title,abstract\n', 'list.tsv')).toBe('csv');
    expect(detectFormat('anything', 'feed.atom')).toBe('atom');
    expect(detectFormat('{"title": "x"}\n{"title": "y"}', 'stream.ndjson')).toBe('jsonl');
    expect(detectFormat('', 'refs.bibtex')).toBe('bibtex');
  });

  it('tells JSON shapes apart by their keys', () => {
    expect(detectFormat('[{"title": "A", "abstract": "B"}]', 'x.json')).toBe('json');
    expect(detectFormat('{"data": [{"paperId": "1"}]}', 'x.json')).toBe('s2');
    expect(detectFormat('{"results": [{"id": "https://openalex.org/W1"}]}', 'x.json')).toBe('openalex');
    expect(detectFormat('[{"paper": {"id": "2402.09353"}}]', 'x.json')).toBe('hf-daily');
    expect(detectFormat('[{"id": "2305.18290", "summary": "s", "publishedAt": "2023-05-29"}]', 'x.json')).toBe('hf-daily');
    expect(detectFormat('[{"id": "a", "issued": {"date-parts": [[2022]]}}]', 'x.json')).toBe('csl');
  });

  it('recognises JSON Lines saved with a .json extension', () => {
    expect(detectFormat('{"title": "A"}\n{"title": "B"}\n', 'papers.json')).toBe('jsonl');
  });

  it('reads a .txt file as JSON Lines or CSV when it is not a papers page', () => {
    expect(detectFormat('{"title": "A"}\n{"title": "B"}', 'notes.txt')).toBe('jsonl');
    expect(detectFormat('Title\tAbstract\nLoRA\tLow rank\n', 'notes.txt')).toBe('csv');
  });

  it('finds BibTeX after leading % comments', () => {
    expect(detectFormat('% my refs\n\n@article{a, title={x}}')).toBe('bibtex');
  });

  it('returns undefined when it cannot tell', () => {
    expect(detectFormat('')).toBeUndefined();
    expect(detectFormat('just some prose without structure')).toBeUndefined();
    expect(detectFormat('<html><body>hi</body></html>')).toBeUndefined();
  });
});
