/**
 * `classifyMany` over real abstracts gives exactly what `classify` gives record by record, key order
 * included, and a bad record fails in its place under every `onError` policy: what any batching of
 * the work inside `classifyMany` (src/classification/batch.ts) must keep.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, defaultTaxonomy, RecordError, type Classification, type ClassifyFailure, type PaperInput } from '../../src/index.js';
import { fixturePapers, type FixturePaper } from './fixture-papers.js';

const sample = readFileSync(new URL('../gold/ml24-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string });
const papers: PaperInput[] = [
  ...sample.map(({ id, title, abstract }) => ({ id, title, abstract })),
  ...['known-papers.jsonl', 'family-papers.jsonl', 'recent-papers.jsonl', 'hard-negatives.jsonl'].flatMap((file) =>
    fixturePapers<FixturePaper>(file).map(({ id, title, abstract }) => ({ id, title, abstract })),
  ),
];

/** Per-record `classify`, with each bad record's failure as `classifyMany` reports it. */
function oneByOne(records: PaperInput[], classify: (record: PaperInput) => Classification) {
  const results: Classification[] = [];
  const failures: Array<Pick<ClassifyFailure, 'index' | 'message'>> = [];
  records.forEach((record, index) => {
    try {
      results.push(classify(record));
    } catch (error) {
      failures.push({ index, message: (error as Error).message });
    }
  });
  return { results, failures };
}

describe('classifyMany gives what classify gives, record by record', () => {
  it.each([{ explain: true }, { maxEvidence: 1, minScore: 0.2 }])('on %o: equal, and equal as JSON (same key order)', (options) => {
    const classifier = createClassifier({ taxonomy: defaultTaxonomy, ...options });
    const expected = papers.map((paper) => classifier.classify(paper));
    const batch = classifier.classifyMany(papers);
    expect(batch).toEqual(expected);
    expect(batch.map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
  });

  it('the papers hold every case: named methods, none, proposed names with and without named methods', () => {
    const results = createClassifier({ taxonomy: defaultTaxonomy }).classifyMany(papers);
    expect(results.filter((r) => r.names!.length > 0).length).toBeGreaterThan(50);
    expect(results.filter((r) => r.names!.length === 0).length).toBeGreaterThan(300);
    expect(results.filter((r) => r.names!.length === 0 && r.proposed!.length > 0).length).toBeGreaterThan(20);
    expect(results.filter((r) => r.names!.length > 0 && r.proposed!.length > 0).length).toBeGreaterThan(5);
  });

  it('a proposed name in a record without named methods is the record\'s own ("… called ATLAS")', () => {
    const record = { id: 'atlas', title: 'Curriculum data selection', abstract: 'We propose a curriculum data selection method for instruction tuning, called ATLAS, that ranks examples by difficulty.' };
    const classifier = createClassifier({ taxonomy: defaultTaxonomy });
    const [result] = classifier.classifyMany([record]);
    expect(result!.names).toEqual([]);
    expect(result!.proposed!.map((p) => p.text)).toEqual(['ATLAS']);
    expect(result).toEqual(classifier.classify(record));
  });

  it('names off: no proposed names, the same results', () => {
    const classifier = createClassifier({ taxonomy: defaultTaxonomy, names: false });
    expect(classifier.classifyMany(papers)).toEqual(papers.map((paper) => classifier.classify(paper)));
  });
});

describe('bad records among good ones', () => {
  const classifier = createClassifier({ taxonomy: defaultTaxonomy, explain: true });
  const bad: Record<number, unknown> = { 0: null, 127: { id: 'bad-title', title: 42 }, 128: [], 129: { id: 7, abstract: ['not', 'text'] }, 256: 'a string', 300: { id: {}, title: 'x' } };
  const records = papers.slice(0, 310).map((paper, i) => (i in bad ? bad[i] : paper)) as PaperInput[];
  const expected = oneByOne(records, (record) => classifier.classify(record));

  it('collect: every good result in order, every failure at its index', () => {
    const { results, failures } = classifier.classifyMany(records, { onError: 'collect' });
    expect(failures.map(({ index, message }) => ({ index, message }))).toEqual(expected.failures);
    expect(failures.map((f) => f.index)).toEqual([0, 127, 128, 129, 256, 300]);
    expect(results).toEqual(expected.results);
    expect(results.map((r) => JSON.stringify(r))).toEqual(expected.results.map((r) => JSON.stringify(r)));
  });

  it('skip: the good results alone, in order', () => {
    expect(classifier.classifyMany(records, { onError: 'skip' })).toEqual(expected.results);
  });

  it('throw: the first bad record\'s error, and nothing after it is read', () => {
    let read = 0;
    const counted = function* () {
      for (const record of records.slice(1)) {
        read++;
        yield record;
      }
    };
    expect(() => classifier.classifyMany(counted())).toThrow(new RecordError('expected a string, got number 42', { recordId: 'bad-title', field: 'title' }));
    expect(read).toBe(127);
  });
});
