import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonLinesReader, readJsonLines, ReadError, type PaperRecord } from '../../src/records/index.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('JSON Lines reader', () => {
  const result = readJsonLines(fixture('papers.jsonl'), { source: 'papers.jsonl' });

  it('keeps good lines in input order around the bad ones, and a record whose only fault is one field', () => {
    expect(ids(result)).toEqual(['2203.05482', '2305.18290', '1902', '2109.01903']);
  });

  it('maps fields exactly, splitting an arXiv-style author string', () => {
    expect(result.records[1]).toEqual({
      id: '2305.18290',
      title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      abstract:
        'While large-scale unsupervised language models (LMs) learn broad world knowledge and some reasoning skills, achieving precise control of their behavior is difficult due to the completely unsupervised nature of their training.',
      authors: ['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell', 'Stefano Ermon', 'Christopher D. Manning', 'Chelsea Finn'],
      year: 2023,
      date: '2023-05-29',
      arxivId: '2305.18290',
      source: 'jsonl:papers.jsonl',
    });
  });

  it('reads field aliases: paper_id (a number), paper_title, summary, a string year and space-separated categories', () => {
    expect(result.records[2]).toEqual({
      id: '1902',
      title: 'Parameter-Efficient Transfer Learning for NLP',
      abstract: 'Fine-tuning large pre-trained models is an effective transfer mechanism in NLP.',
      year: 2019,
      categories: ['cs.LG', 'stat.ML'],
      source: 'jsonl:papers.jsonl',
    });
  });

  it('reads a `source` link as the URL and the arXiv id in it; a `source` that is no link is a note, skipped', () => {
    const text = [
      '{"id": "ho-1", "title": "Editing Models with Task Arithmetic", "abstract": "", "source": "https://papers.cool/arxiv/2212.04089"}',
      '{"id": "ho-2", "title": "LoRA", "abstract": "", "source": "ICLR 2022"}',
    ].join('\n');
    const [linked, noted] = readJsonLines(text, { source: 'gold.jsonl' }).records;
    expect(linked).toEqual({ id: 'ho-1', title: 'Editing Models with Task Arithmetic', abstract: '', url: 'https://papers.cool/arxiv/2212.04089', arxivId: '2212.04089', source: 'jsonl:gold.jsonl' });
    expect(noted).toEqual({ id: 'ho-2', title: 'LoRA', abstract: '', source: 'jsonl:gold.jsonl' });
  });

  it('reports each bad line with file, line, column, record id, field and what was expected', () => {
    expect(issueLines(result)).toEqual([
      'papers.jsonl:4:97: not valid JSON: unterminated string',
      'papers.jsonl:6:31: record 2109.01903: title: expected a string, got the number 2021; left out of the record',
      'papers.jsonl:7: record empty-1: expected a title or an abstract, found neither',
    ]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['entry/syntax', 'error'],
      ['field/invalid', 'warning'],
      ['entry/no-text', 'error'],
    ]);
  });

  it('with strict, a field warning rejects its record instead', () => {
    const strict = readJsonLines(fixture('papers.jsonl'), { source: 'papers.jsonl', strict: true });
    expect(ids(strict)).toEqual(['2203.05482', '2305.18290', '1902']);
    expect(strict.issues[1]).toMatchObject({ code: 'field/invalid', severity: 'error', line: 6, field: 'title' });
  });

  it('skips blank lines without reporting them', () => {
    expect(result.records.length + result.issues.filter((i) => i.severity === 'error').length).toBe(6); // 7 lines, one blank
  });

  it('names records without an id after file and line', () => {
    const read = readJsonLines('{"title": "A"}\n{"title": "B"}', { source: 'x.jsonl' });
    expect(ids(read)).toEqual(['x.jsonl:1', 'x.jsonl:2']);
    expect(ids(readJsonLines('{"title": "A"}'))).toEqual(['jsonl:1']);
  });

  it('keeps a repeated id under a suffixed id, with a warning, instead of losing the record or emitting two under one id', () => {
    const read = readJsonLines('{"id": "a", "title": "A"}\n{"id": "a", "title": "B"}\n{"id": "a", "title": "C"}', { source: 'd.jsonl' });
    expect(ids(read)).toEqual(['a', 'a#2', 'a#3']);
    expect(issueLines(read)).toEqual([
      "d.jsonl:2: record a: id: duplicate id (first used on line 1); kept as 'a#2'",
      "d.jsonl:3: record a: id: duplicate id (first used on line 1); kept as 'a#3'",
    ]);
    expect(read.issues.map((i) => i.code)).toEqual(['record/duplicate-id', 'record/duplicate-id']);
  });

  it('rejects values that are not objects', () => {
    expect(issueLines(readJsonLines('[1, 2]\n"text"\n42', { source: 'v.jsonl' }))).toEqual([
      'v.jsonl:1:1: expected a JSON object per line, got an array',
      "v.jsonl:2:1: expected a JSON object per line, got 'text'",
      'v.jsonl:3:1: expected a JSON object per line, got the number 42',
    ]);
  });

  it('does not let a __proto__ key reach any prototype', () => {
    const read = readJsonLines('{"__proto__": {"polluted": true}, "title": "T", "constructor": {"prototype": {"x": 1}}}');
    expect(read.records[0]).toEqual({ id: 'jsonl:1', title: 'T', abstract: '', source: 'jsonl' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(read.records[0])).toBe(Object.prototype);
  });

  it('counts CRLF and lone CR line breaks like Node readline does', () => {
    const read = readJsonLines('{"title": "A"}\r\n{bad\r{"title": "C"}\r\n', { source: 'w.jsonl' });
    expect(ids(read)).toEqual(['w.jsonl:1', 'w.jsonl:3']);
    expect(read.issues[0]?.line).toBe(2);
  });
});

describe('JsonLinesReader (what streamRecords streams through)', () => {
  it('returns a record for a good line', () => {
    const reader = new JsonLinesReader({ source: 'big.jsonl' });
    expect(reader.push('{"id": 7, "title": "LoRA"}')).toEqual({ record: { id: '7', title: 'LoRA', abstract: '', source: 'jsonl:big.jsonl' }, issues: [] });
  });

  it('returns an issue for a bad line, placed at its line number', () => {
    const reader = new JsonLinesReader({ source: 'big.jsonl' });
    reader.push('{"title": "A"}');
    expect(reader.push('{"title": "x",}')).toEqual({
      issues: [{ code: 'entry/syntax', severity: 'error', source: 'big.jsonl', line: 2, column: 15, message: 'not valid JSON: expected a property name in double quotes' }],
    });
  });

  it('returns nothing for a blank line, but counts it', () => {
    const reader = new JsonLinesReader({ source: 'big.jsonl' });
    expect(reader.push('   ')).toEqual({ issues: [] });
    expect(reader.push('{"title": "T"}').record?.id).toBe('big.jsonl:2');
  });

  it('keeps count and applies the duplicate-id policy across lines', () => {
    const reader = new JsonLinesReader({ source: 's.jsonl' });
    expect(reader.push('{"id": "a", "title": "A"}').record?.id).toBe('a');
    expect(reader.push('')).toEqual({ issues: [] });
    const third = reader.push('{"id": "a", "title": "B"}');
    expect(third.record?.id).toBe('a#2');
    expect(third.issues[0]).toMatchObject({ code: 'record/duplicate-id', line: 3 });
  });
});

describe('JSON Lines properties', () => {
  const text = fc.string({ maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim());
  const record = fc.record(
    {
      title: text.filter((s) => s.length > 0),
      abstract: text,
      authors: fc.array(fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/), { minLength: 1, maxLength: 4 }),
      year: fc.integer({ min: 1900, max: 2100 }),
    },
    { requiredKeys: ['title', 'abstract'] },
  );

  it('round-trips: records serialised as JSON Lines read back equal', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (drafts) => {
        const written: PaperRecord[] = drafts.map((d, i) => ({ id: `p${i}`, ...d, source: 'jsonl:r.jsonl' }));
        const text = written.map((r) => JSON.stringify({ ...r, source: undefined })).join('\n');
        expect(readJsonLines(text, { source: 'r.jsonl' }).records).toEqual(written);
      }),
    );
  });

  it('arbitrary text never throws, and every non-blank line gives exactly one record or one issue', () => {
    const line = fc.oneof(fc.string(), fc.json(), fc.constantFrom('{"title": "x"}', '{"id": 1, "abstract": "y"}', '', '{'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 15 }), (lines) => {
        const text = lines.join('\n');
        const result = readJsonLines(text);
        const physical = text.split(/\r\n|\n|\r/).filter((l) => l.replace(/^\uFEFF/, '').trim() !== '');
        expect(result.records.length + result.issues.filter((i) => i.severity === 'error').length).toBe(physical.length);
      }),
      { numRuns: 300 },
    );
  });

  it('unicode noise never throws anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (noise) => {
        expect(() => readJsonLines(noise)).not.toThrow();
      }),
    );
  });

  it('never throws ReadError either: JSON Lines problems are always per line', () => {
    expect(() => readJsonLines('not json at all\n}{')).not.toThrow(ReadError);
  });
});

describe("the project's JSON Lines corpora", () => {
  for (const [name, count] of [['arxiv-2024-ml.jsonl', 673], ['arxiv-2007-physics.jsonl', 2000]] as const) {
    const file = new URL(`../../../shared/corpus/${name}`, import.meta.url);
    const present = existsSync(file);
    const title = present ? `${name}: all ${count} records, not a single issue` : `${name} (SKIPPED: corpus file not found at ${file.pathname})`;
    it.skipIf(!present)(title, () => {
      const result = readJsonLines(readFileSync(file, 'utf8'), { source: name });
      expect(result.issues).toEqual([]);
      expect(result.records).toHaveLength(count);
    });
  }

  it('reads spreadsheet dates and arXiv author lists with affiliations from the physics dump', () => {
    const line = String.raw`{"id": "arXiv:704.0001", "title": "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", "abstract": "A fully differential calculation in perturbative quantum chromodynamics is presented.", "categories": ["hep-ph"], "authors": "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan", "date": "11/26/2008"}`;
    expect(readJsonLines(line).records[0]).toMatchObject({
      authors: ["C. Bal\\'azs", 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'],
      date: '2008-11-26',
      year: 2008,
      categories: ['hep-ph'],
    });
  });
});
