/**
 * Hostile paper lists through every reader. Documents written in a format's own shape (with
 * hostile values) must never throw, and every entry must come out as a record or an issue, in
 * input order; raw random text may only fail with the documented `ReadError`. Every record the
 * readers return satisfies `PaperRecordSchema`, and reading is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_FORMATS, PaperRecordSchema, ReadError, readRecords, type InputFormat, type ReadResult } from '../../src/records/index.js';
import { bigText, piece, TAXONOMY_WORDS, TRICKY_PIECES } from './arbitraries.js';
import { collapsed, entryList, TRACKED, type Tracked } from './entries.js';
import { serialise, type Document } from './formats.js';
import { CaseCounter } from './invariants.js';
import { runs } from './runs.js';

const counter = new CaseCounter();
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Records are valid, ids unique, issues located: whatever the input. */
function expectWellFormed(result: ReadResult, format: InputFormat): void {
  expect(result.format).toBe(format);
  for (const record of result.records) {
    expect(PaperRecordSchema.safeParse(record).success).toBe(true);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  }
  expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
  for (const issue of result.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    if (issue.column !== undefined) expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.message).not.toBe('');
  }
  for (let i = 1; i < result.issues.length; i++) expect(result.issues[i]!.line, JSON.stringify(result.issues)).toBeGreaterThanOrEqual(result.issues[i - 1]!.line);
}

/** Every entry is a record or an issue; tracked entries keep their order and (where exact) their text. */
function expectAccounted(result: ReadResult, doc: Document): void {
  // Lossless policy: an entry is a record or exactly one error; warnings (fields left out) come on top.
  expect(result.records.length + result.issues.filter((i) => i.severity === 'error').length).toBe(doc.count);
  if (doc.titles) {
    expect(result.records.map((r) => r.title)).toEqual(doc.titles);
    return;
  }
  const byId = new Map(result.records.map((r) => [r.id, r]));
  const tracked = new Set(doc.tracked.map((t) => t.id));
  const order = result.records.map((r) => r.id).filter((id) => tracked.has(id));
  expect(order).toEqual(doc.tracked.map((t) => t.id).filter((id) => byId.has(id)));
  for (const entry of doc.tracked) {
    const record = byId.get(entry.id);
    if (!record) {
      expect(result.issues.map((i) => i.recordId)).toContain(entry.id);
      continue;
    }
    expect(record.title).not.toContain('polluted');
    if (doc.exact) expect([record.title, record.abstract]).toEqual([collapsed(entry.title), collapsed(entry.abstract)]);
  }
  if (doc.exact) for (const entry of doc.tracked) if (hasText(entry)) expect(byId.has(entry.id), `${entry.id} became a record`).toBe(true);
}

const hasText = (entry: Tracked) => collapsed(entry.title) !== '' || collapsed(entry.abstract) !== '';

const read = (doc: Document): ReadResult => readRecords(doc.text, { format: doc.format, source: doc.source });

describe.each(INPUT_FORMATS)('%s reader on documents of its own format with hostile values', (format) => {
  it('never throws, accounts for every entry in input order, and reads the same twice', () => {
    fc.assert(
      fc.property(entryList(), fc.nat(), (entries, variant) => {
        const doc = serialise(format, entries, variant);
        counter.add(doc.count);
        const result = read(doc);
        expectWellFormed(result, format);
        expectAccounted(result, doc);
        expect(read(doc)).toEqual(result);
      }),
      { numRuns: runs(100) },
    );
  });

  it('reads an entry with a 1 MB abstract', () => {
    const abstract = bigText(1_000_000, [...TAXONOMY_WORDS, ...TRICKY_PIECES, ' ', ' w ']);
    const entry: Tracked = { kind: 'tracked', id: `${TRACKED}0`, title: 'LoRA at scale', abstract, authors: ['A. Author'], year: 2024, extra: [] };
    const doc = serialise(format, [entry], 0);
    counter.add();
    const result = read(doc);
    expectWellFormed(result, format);
    expectAccounted(result, doc);
    expect(result.records).toHaveLength(1);
  });
});

/** Format-flavoured noise: the syntax of each format shuffled with hostile text. */
const SYNTAX: Record<InputFormat, string[]> = {
  jsonl: ['{', '}', '[', ']', ',', ':', '"', '"title":', '"abstract":', '"id":', '"__proto__":', 'null', 'true', '1e999', '-0', '"\\u0000"', '"\\ud800"', '\\', '\n', '\r\n'],
  json: ['{', '}', '[', ']', ',', ':', '"', '"title":', '"data":', '"results":', '"constructor":', 'null', '1e400', '"\\uZZZZ"', '\n'],
  csv: [',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'title', 'abstract', 'id', 'year', 'authors'],
  atom: ['<feed>', '</feed>', '<entry>', '</entry>', '<title>', '</title>', '<id>', '</id>', '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&amp;', '&#x0;', ' xmlns="http://www.w3.org/2005/Atom"', '<a:b xmlns:a="u">', '/>', '<', '>', '"'],
  bibtex: ['@article{', '@string{', '@comment{', '@preamble{', '@misc(', '}', '{', '(', ')', ',', '=', '"', '#', 'title', 'abstract', '\n', 'jan', '\\', '%', 'k1'],
  s2: ['{', '}', '[', ']', ',', ':', '"data":', '"paperId":', '"authors":', '"externalIds":', '"citingPaper":', 'null', '"x"'],
  openalex: ['{', '}', '[', ']', ',', ':', '"results":', '"abstract_inverted_index":', '"__proto__":', '[1e9]', '[-1]', '"https://openalex.org/W1"'],
  'hf-daily': ['{', '}', '[', ']', ',', ':', '"paper":', '"summary":', '"publishedAt":', '"2024-13-45"', 'null'],
  csl: ['{', '}', '[', ']', ',', ':', '"issued":', '"date-parts":', '[[2023, 13]]', '"author":', '"literal":', 'null'],
  'hf-page': ['\n', '\n\n', '· 5 authors', '·', 'Oct 21, 2024', 'Jan 23', 'Daily Papers', 'and the words go on. '.repeat(20)],
};

/** Readers documented never to throw. */
const NEVER_THROWS = new Set<InputFormat>(['bibtex', 'hf-page']);

function noise(format: InputFormat): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...SYNTAX[format]), piece), { maxLength: 60 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.json() },
  );
}

/** Reads `text`, allowing only a located ReadError. */
function readOrReadError(text: string, options: { format?: InputFormat; source?: string }): ReadResult | undefined {
  try {
    return readRecords(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    const { line, column, message } = error as ReadError;
    expect(line).toBeGreaterThanOrEqual(1);
    expect(column).toBeGreaterThanOrEqual(1);
    expect(message.startsWith(`${options.source ?? '<input>'}:${line}:${column}: `)).toBe(true);
    return undefined;
  }
}

describe.each(INPUT_FORMATS)('%s reader on raw random text', (format) => {
  it(`returns well-formed records and issues${NEVER_THROWS.has(format) ? ' and never throws' : ', or throws a located ReadError'}`, () => {
    fc.assert(
      fc.property(noise(format), fc.boolean(), (text, named) => {
        counter.add();
        const options = named ? { format, source: 'input.txt' } : { format };
        const result = readOrReadError(text, options);
        if (NEVER_THROWS.has(format)) expect(result).toBeDefined();
        if (!result) return;
        expectWellFormed(result, format);
        expect(readRecords(text, options)).toEqual(result);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('format detection on raw random text', () => {
  it('either reads the text as some format or throws a located ReadError', () => {
    const source = fc.constantFrom(undefined, 'a.json', 'a.jsonl', 'a.csv', 'a.tsv', 'a.xml', 'a.bib', 'a.txt', 'noext');
    const text = fc.oneof(...INPUT_FORMATS.map(noise));
    fc.assert(
      fc.property(text, source, (input, name) => {
        counter.add();
        const result = readOrReadError(input, name === undefined ? {} : { source: name });
        if (result) expectWellFormed(result, result.format);
      }),
      { numRuns: runs(250) },
    );
  });
});

describe('after all of the above', () => {
  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ran at least 10,000 generated entries and texts through the readers', () => {
    console.log(`reader fuzz: ${counter.count} generated entries and texts`);
    expect(counter.count).toBeGreaterThanOrEqual(runs(5_000));
  });
});
