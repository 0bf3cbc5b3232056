import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/records/csv.js';
import { readCsv, ReadError } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('CSV reader', () => {
  const result = readCsv(fixture('papers.csv'), { source: 'papers.csv' });

  it('reads rows in order, with a quoted multi-line abstract', () => {
    expect(result.records[0]).toEqual({
      id: '2109.01903',
      title: 'Robust fine-tuning of zero-shot models',
      abstract:
        'Large pre-trained models such as CLIP or ALIGN offer consistent accuracy across a range of data distributions when performing zero-shot inference. Although existing fine-tuning methods substantially improve accuracy on a given target distribution, they often reduce robustness to distribution shifts.',
      authors: ['Mitchell Wortsman', 'Gabriel Ilharco', 'Jong Wook Kim'],
      year: 2022,
      arxivId: '2109.01903',
      categories: ['cs.CV', 'cs.LG'],
      source: 'csv:papers.csv',
    });
  });

  it('unquotes doubled quotes and reorders BibTeX-style author lists', () => {
    expect(result.records[1]).toMatchObject({
      id: '2203.05482',
      abstract:
        'Unlike a conventional ensemble, we may average many models without incurring any additional inference or memory costs -- we call the results "model soups."',
      authors: ['Mitchell Wortsman', 'Gabriel Ilharco'],
      categories: ['cs.LG', 'cs.CV'],
    });
  });

  it('reports a row with the wrong number of fields and keeps the rows after it', () => {
    expect(ids(result)).toEqual(['2109.01903', '2203.05482', '2402.09353']);
    expect(issueLines(result)).toEqual(['papers.csv:5: expected 6 fields as in the header, got 4']);
  });

  it('handles CRLF, a byte-order mark and case-insensitive header aliases', () => {
    const text = '\uFEFFPaper Title,SUMMARY,Publication_Year\r\nQLoRA,"Finetuning\r\nquantized LLMs",2023\r\n';
    expect(readCsv(text, { source: 'q.csv' }).records).toEqual([
      { id: 'q.csv:2', title: 'QLoRA', abstract: 'Finetuning quantized LLMs', year: 2023, source: 'csv:q.csv' },
    ]);
  });

  it('reads TSV by extension and by sniffing the header', () => {
    const tsv = 'title\tabstract\tauthors\nDoRA\tWeight-decomposed, low-rank\tShih-Yang Liu; Min-Hung Chen\n';
    const expected = { title: 'DoRA', abstract: 'Weight-decomposed, low-rank', authors: ['Shih-Yang Liu', 'Min-Hung Chen'] };
    expect(readCsv(tsv, { source: 'p.tsv' }).records[0]).toMatchObject(expected);
    expect(readCsv(tsv).records[0]).toMatchObject(expected);
  });

  it('places a bad value at its own line and column', () => {
    const read = readCsv('id,title,year\nw1,WiSE-FT,"twenty"\n', { source: 'y.csv' });
    expect(issueLines(read)).toEqual(["y.csv:2:12: record w1: year: expected a year like 2021, got 'twenty'; left out of the record"]);
    expect(read.records).toEqual([{ id: 'w1', title: 'WiSE-FT', abstract: '', source: 'csv:y.csv' }]);
  });

  it('reports an unterminated quote on its row and resumes on the next line', () => {
    const read = readCsv('title,abstract\n"LoRA,low rank\nDoRA,decomposed\n', { source: 'u.csv' });
    expect(issueLines(read)).toEqual([`u.csv:2: unterminated quoted field (opened at line 2, column 1); expected a closing '"'`]);
    expect(read.records.map((r) => r.title)).toEqual(['DoRA']);
  });

  it('reports text after a closing quote', () => {
    const read = readCsv('title,abstract\n"LoRA" v2,low rank\n', { source: 't.csv' });
    expect(issueLines(read)).toEqual(["t.csv:2: unexpected text ' v2' after a closing quote; quote the whole field"]);
  });

  it('throws ReadError when no column holds a title or an abstract', () => {
    expect(() => readCsv('file,size\na.pdf,3\n', { source: 'h.csv' })).toThrow(ReadError);
    expect(() => readCsv('file,size\n', { source: 'h.csv' })).toThrow(/^h\.csv:1:1: the header has no title or abstract column \(columns: file, size\)/);
  });

  it('reads an empty file as no records', () => {
    expect(readCsv('')).toEqual({ format: 'csv', records: [], issues: [] });
  });
});

/** Writes one RFC 4180 field, quoting when needed. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('CSV parser properties', () => {
  const cell = fc.string({ unit: 'grapheme', maxLength: 30 });

  it('round-trips any table of strings written with RFC 4180 quoting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (width, table) => {
        const rows = table.map((row) => row.slice(0, width)).filter((row) => !(row.length === 1 && row[0] === ''));
        const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('round-trips records: written as CSV, read back equal', () => {
    const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,"'-]{0,40}[A-Za-z.]$/).map((s) => s.replace(/\s+/g, ' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(words, words, fc.integer({ min: 1950, max: 2030 })), { maxLength: 10 }), (papers) => {
        const text = ['id,title,abstract,year', ...papers.map(([t, a, y], i) => [`p${i}`, t, a, String(y)].map(csvField).join(','))].join('\n');
        const expected = papers.map(([title, abstract, year], i) => ({ id: `p${i}`, title, abstract, year, source: 'csv' }));
        expect(readCsv(text).records).toEqual(expected);
      }),
    );
  });

  it('arbitrary text throws nothing but ReadError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        try {
          readCsv(`title,abstract\n${text}`);
          readCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ReadError);
        }
      }),
    );
  });
});
