import { describe, expect, it } from 'vitest';
import { readJson, ReadError } from '../../src/records/index.js';
import { ids, issueLines } from './helpers.js';

const LIST = `[
  {
    "id": "2203.05482",
    "title": "Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time",
    "abstractText": "We show that averaging the weights of multiple models fine-tuned with different hyperparameter configurations often improves accuracy and robustness.",
    "authors": [{ "name": "Mitchell Wortsman" }, { "name": "Gabriel Ilharco" }],
    "publication_date": "2022-03-10"
  },
  {
    "title": ["not", "a", "string"],
    "abstract": "x"
  },
  {
    "key": "houlsby2019",
    "paper_title": "Parameter-Efficient Transfer Learning for NLP",
    "Authors": "Houlsby, Neil and Giurgiu, Andrei",
    "venue": "ICML",
    "doi": "https://doi.org/10.48550/arXiv.1902.00751"
  }
]`;

describe('generic JSON reader', () => {
  const result = readJson(LIST, { source: 'list.json' });

  it('reads an array of paper objects in order, through the field aliases', () => {
    expect(result.records).toEqual([
      {
        id: '2203.05482',
        title: 'Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time',
        abstract:
          'We show that averaging the weights of multiple models fine-tuned with different hyperparameter configurations often improves accuracy and robustness.',
        authors: ['Mitchell Wortsman', 'Gabriel Ilharco'],
        year: 2022,
        date: '2022-03-10',
        arxivId: '2203.05482',
        source: 'json:list.json',
      },
      { id: 'list.json:9', title: '', abstract: 'x', source: 'json:list.json' },
      {
        id: 'houlsby2019',
        title: 'Parameter-Efficient Transfer Learning for NLP',
        abstract: '',
        authors: ['Neil Houlsby', 'Andrei Giurgiu'],
        venue: 'ICML',
        doi: '10.48550/arXiv.1902.00751',
        source: 'json:list.json',
      },
    ]);
  });

  it('keeps an entry with a wrongly typed title, reporting the title at its own line and column', () => {
    expect(issueLines(result)).toEqual(['list.json:10:14: title: expected a string, got an array; left out of the record']);
  });

  it.each([
    ['data', '{"total": 2, "data": [{"title": "A"}, {"title": "B"}]}'],
    ['results', '{"meta": {}, "results": [{"title": "A"}, {"title": "B"}]}'],
    ['papers', '{"papers": [{"title": "A"}, {"title": "B"}]}'],
  ])('unwraps {%s: [...]}', (_key, text) => {
    expect(readJson(text).records.map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('reads a single object as one record', () => {
    expect(readJson('{"id": "x", "title": "Only"}').records.map((r) => r.id)).toEqual(['x']);
  });

  it('gives entries of minified JSON distinct fallback ids', () => {
    expect(ids(readJson('[{"title":"A"},{"title":"B"}]', { source: 'm.json' }))).toEqual(['m.json:1', 'm.json:1:16']);
  });

  it('reports non-object entries and keeps going', () => {
    const read = readJson('[\n  null,\n  "text",\n  {"title": "T"}\n]', { source: 'n.json' });
    expect(ids(read)).toEqual(['n.json:4']);
    expect(issueLines(read)).toEqual([
      'n.json:2:3: expected an object for each entry, got null',
      "n.json:3:3: expected an object for each entry, got 'text'",
    ]);
  });

  it('throws ReadError with the place of the syntax error when the file is not JSON', () => {
    expect(() => readJson('[\n  {"title": "A"},\n  {"title": }\n]', { source: 'bad.json' })).toThrowError(
      new ReadError('not valid JSON: unexpected character \'}\', expected a value', { source: 'bad.json', line: 3, column: 13 }),
    );
    try {
      readJson('{', { source: 'bad.json' });
    } catch (error) {
      expect(error).toBeInstanceOf(ReadError);
      expect(error).toMatchObject({ source: 'bad.json', line: 1, column: 2 });
      expect((error as Error).message).toBe('bad.json:1:2: not valid JSON: unexpected end of input; expected a property name in double quotes');
    }
  });

  it('reads an empty file as an empty list', () => {
    expect(readJson('  \n')).toEqual({ format: 'json', records: [], issues: [] });
  });

  it('survives 100k nested brackets without recursion', () => {
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)}, {"title": "after"}]`;
    const read = readJson(deep);
    expect(read.records.map((r) => r.title)).toEqual(['after']);
    expect(read.issues[0]?.message).toBe('expected an object for each entry, got an array');
  });
});
