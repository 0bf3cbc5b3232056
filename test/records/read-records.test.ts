import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  INPUT_FORMATS,
  PaperRecordSchema,
  ReadError,
  readRecords,
  type InputFormat,
  type ReadResult,
} from '../../src/records/index.js';
import { fixture } from './helpers.js';

describe('readRecords', () => {
  it('detects the format from the file name and content and names the source', () => {
    const result = readRecords(fixture('refs.bib'), { source: 'refs.bib' });
    expect(result.format).toBe('bibtex');
    expect(result.records[0]?.source).toBe('bibtex:refs.bib');
  });

  it('uses an explicit format over detection', () => {
    const result = readRecords('{"title": "A"}\n', { format: 'jsonl', source: 'odd.csv' });
    expect(result).toEqual({ format: 'jsonl', records: [{ id: 'odd.csv:1', title: 'A', abstract: '', source: 'jsonl:odd.csv' }], issues: [] });
  });

  it('throws ReadError when the format cannot be told', () => {
    expect(() => readRecords('hello world', { source: 'notes' })).toThrowError(
      'notes:1:1: cannot tell the input format; name it explicitly (one of jsonl, json, csv, atom, bibtex, s2, openalex, hf-daily, csl, hf-page)',
    );
  });

  it('reads empty input as no records', () => {
    expect(readRecords('')).toEqual({ format: 'jsonl', records: [], issues: [] });
    expect(readRecords('\uFEFF\n', { source: 'empty.json' })).toEqual({ format: 'json', records: [], issues: [] });
  });

  it('strips a byte-order mark before detection', () => {
    expect(readRecords('\uFEFF[{"title": "A"}]').format).toBe('json');
  });

  it('produces only schema-valid records with unique ids for every fixture', () => {
    const dir = new URL('../fixtures/records/', import.meta.url);
    for (const name of readdirSync(dir)) {
      const result = readRecords(readFileSync(new URL(name, dir), 'utf8'), { source: name });
      for (const record of result.records) expect(PaperRecordSchema.parse(record)).toEqual(record);
      expect(new Set(result.records.map((r) => r.id)).size, name).toBe(result.records.length);
    }
  });
});

describe('formatIssue', () => {
  it('renders FILE:LINE:COL: record ID: field: message', () => {
    expect(formatIssue({ source: 'a.jsonl', line: 3, column: 7, recordId: 'x1', field: 'title', message: 'expected a string' })).toBe(
      'a.jsonl:3:7: record x1: title: expected a string',
    );
  });

  it('leaves out the parts it does not know', () => {
    expect(formatIssue({ source: 'refs.bib', line: 12, message: 'unterminated entry' })).toBe('refs.bib:12: unterminated entry');
  });
});

describe('ReadError', () => {
  it('carries source, line and column and prints FILE:LINE:COL: reason', () => {
    const error = new ReadError('not valid JSON: invalid number', { source: 'x.json', line: 2, column: 5 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ReadError', source: 'x.json', line: 2, column: 5, reason: 'not valid JSON: invalid number' });
    expect(error.message).toBe('x.json:2:5: not valid JSON: invalid number');
  });
});

describe('PaperRecordSchema', () => {
  const valid = { id: 'a', title: 'T', abstract: '', source: 'json' };

  it('accepts a minimal record and ISO dates at three precisions', () => {
    for (const date of ['2021', '2021-06', '2021-06-17']) expect(PaperRecordSchema.safeParse({ ...valid, date }).success).toBe(true);
  });

  it('rejects empty ids, non-ISO dates, unknown keys and explicit undefined', () => {
    expect(PaperRecordSchema.safeParse({ ...valid, id: '' }).success).toBe(false);
    expect(PaperRecordSchema.safeParse({ ...valid, date: '17/06/2021' }).success).toBe(false);
    expect(PaperRecordSchema.safeParse({ ...valid, upvotes: 3 }).success).toBe(false);
    expect(PaperRecordSchema.safeParse({ ...valid, year: undefined }).success).toBe(false);
  });
});

/** Every reader either returns a consistent result or throws ReadError; nothing else. */
function readSafely(text: string, format: InputFormat): ReadResult | undefined {
  try {
    return readRecords(text, { format, source: 'input' });
  } catch (error) {
    if (error instanceof ReadError) return undefined;
    throw error;
  }
}

function expectConsistent(result: ReadResult | undefined): void {
  if (!result) return;
  for (const record of result.records) expect(PaperRecordSchema.safeParse(record).success).toBe(true);
  expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
  for (const issue of result.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
}

describe('hostile input', () => {
  it.each(INPUT_FORMATS)('%s: arbitrary Unicode never throws anything but ReadError', (format) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectConsistent(readSafely(text, format))),
      { numRuns: 200 },
    );
  });

  it.each(INPUT_FORMATS)('%s: mutated fixtures never throw anything but ReadError', (format) => {
    const names: Record<InputFormat, string> = {
      jsonl: 'papers.jsonl', json: 's2-search.json', csv: 'papers.csv', atom: 'arxiv-api.atom.xml', bibtex: 'refs.bib',
      s2: 's2-search.json', openalex: 'openalex-works.json', 'hf-daily': 'hf-daily.json', csl: 'csl.json', 'hf-page': 'hf-search-page.txt',
    };
    const text = fixture(names[format]);
    const cut = fc.tuple(fc.nat(text.length), fc.nat(40), fc.string({ unit: 'grapheme', maxLength: 5 }));
    fc.assert(
      fc.property(cut, ([at, length, insert]) => expectConsistent(readSafely(text.slice(0, at) + insert + text.slice(at + length), format))),
      { numRuns: 150 },
    );
  });

  it.each(INPUT_FORMATS)('%s: 100k nested brackets, braces and tags do not overflow the stack', (format) => {
    for (const [open, close] of [['[', ']'], ['{', '}'], ['<a>', '</a>']] as const) {
      const text = `${open.repeat(100_000)}${close.repeat(100_000)}`;
      expectConsistent(readSafely(text, format));
      expectConsistent(readSafely(`@misc{k, title = ${text}}`, format));
    }
  });

  it('a 5 MB field reads through', () => {
    const huge = 'word '.repeat(1_000_000);
    expect(readRecords(`${JSON.stringify({ title: 'Big', abstract: huge })}\n`, { format: 'jsonl' }).records[0]?.abstract.length).toBe(4_999_999);
    expect(readRecords(`title,abstract\nBig,"${huge}"\n`, { format: 'csv' }).records[0]?.title).toBe('Big');
    expect(readRecords(`@misc{big, title = {Big}, abstract = {${huge}}}`, { format: 'bibtex' }).records[0]?.id).toBe('big');
  });

  it('__proto__ and constructor keys and columns stay plain data', () => {
    const json = '[{"__proto__": {"title": "injected"}, "abstract": "A"}, {"constructor": "x", "title": "T"}]';
    expect(readRecords(json, { format: 'json' }).records.map((r) => [r.title, r.abstract])).toEqual([['', 'A'], ['T', '']]);
    expect(readRecords('__proto__,title\n{"polluted":1},T\n', { format: 'csv' }).records[0]?.title).toBe('T');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['title']).toBeUndefined();
  });

  it('numbers where strings belong are issues, numeric ids are strings', () => {
    const result = readRecords('{"id": 12, "title": 3.5}\n{"id": 13, "title": "ok"}\n', { format: 'jsonl', source: 'n.jsonl' });
    expect(result.records.map((r) => r.id)).toEqual(['13']);
    expect(result.issues.map(formatIssue)).toEqual([
      'n.jsonl:1: record 12: expected a title or an abstract, found neither',
      'n.jsonl:1:21: record 12: title: expected a string, got the number 3.5; left out of the record',
    ]);
  });
});

describe('purity', () => {
  it('the records modules import no fs, path or process (they run in a browser too)', () => {
    const dir = new URL('../../src/records/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      expect(source, name).not.toMatch(/from ['"](?:node:)?(?:fs|path|process|fs\/promises)['"]/);
      expect(source, name).not.toMatch(/\bprocess\.|\brequire\(/);
    }
  });
});
