/**
 * `classifyMany` classifies a chunk of records, then finds the proposed names of those that have
 * no named method's match, one record after another (src/classification/batch.ts). Its results
 * must be exactly what `classify` gives record by record, key order included, and a bad record
 * must fail in its place under every `onError` policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAll, classifyEach, type TwoPhases } from '../../src/classification/batch.js';
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
  it.each([{}, { explain: true }, { maxEvidence: 1, minScore: 0.2 }])('on %o: equal, and equal as JSON (same key order)', (options) => {
    const classifier = createClassifier({ taxonomy: defaultTaxonomy, ...options });
    const expected = papers.map((paper) => classifier.classify(paper));
    const batch = classifier.classifyMany(papers);
    expect(batch).toEqual(expected);
    expect(batch.map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
  });

  it('the papers hold every case: named methods, none, proposed names, and more records without names than one chunk holds', () => {
    const results = createClassifier({ taxonomy: defaultTaxonomy }).classifyMany(papers);
    expect(results.filter((r) => r.names!.length > 0).length).toBeGreaterThan(50);
    expect(results.filter((r) => r.names!.length === 0).length).toBeGreaterThan(300);
    expect(results.filter((r) => r.names!.length === 0 && r.proposed!.length > 0).length).toBeGreaterThan(20);
    expect(results.filter((r) => r.names!.length > 0 && r.proposed!.length > 0).length).toBeGreaterThan(5);
  });

  it('a proposed name found last is the record\'s own ("… called ATLAS")', () => {
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

describe('bad records among good ones, around the chunk boundaries', () => {
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

/**
 * Phases whose second phase can fail: phase one gives `{ id }` and leaves `done` to phase two,
 * which fails for the ids in `failLater`; phase one fails for the ids in `failFirst`.
 */
function fakePhases(failFirst: string[], failLater: string[]): TwoPhases<{ id: string; done: boolean }> & { completed: number } {
  let pending: Array<{ id: string; done: boolean }> = [];
  return {
    completed: 0,
    first(record) {
      const id = String(record.id);
      if (failFirst.includes(id)) throw new RecordError(`first ${id}`);
      const result = { id, done: false };
      pending.push(result);
      return result;
    },
    due: () => pending.length >= 3,
    complete(failed) {
      this.completed++;
      for (const result of pending) {
        if (failLater.includes(result.id)) failed(result, new Error(`later ${result.id}`));
        else result.done = true;
      }
      pending = [];
    },
  };
}

const ids = (...list: string[]): PaperInput[] => list.map((id) => ({ id }));

describe('a failure in the second phase is its record\'s, in its place', () => {
  it('collect: located at the record, between the failures of phase one', () => {
    const { results, failures } = classifyAll(ids('a', 'b', 'c', 'd', 'e'), 'collect', fakePhases(['d'], ['b']));
    expect(results).toEqual([
      { id: 'a', done: true },
      { id: 'c', done: true },
      { id: 'e', done: true },
    ]);
    expect(failures).toEqual([
      { index: 1, code: 'record/failed', severity: 'error', recordId: 'b', message: 'later b' },
      { index: 3, code: 'record/invalid', severity: 'error', recordId: 'd', message: 'first d' },
    ]);
  });

  it('throw: the earlier record\'s failure of phase two wins over a later record\'s of phase one', () => {
    expect(() => classifyAll(ids('a', 'b', 'c', 'd'), 'throw', fakePhases(['c'], ['b']))).toThrow('later b');
    expect(() => classifyAll(ids('a', 'b', 'c', 'd'), 'throw', fakePhases(['b'], ['a']))).toThrow('later a');
    expect(() => classifyAll(ids('a', 'b', 'c', 'd'), 'throw', fakePhases(['b'], ['c']))).toThrow('first b');
  });

  it('an input that fails while read: the records before it are completed first', () => {
    const failing = function* () {
      yield* ids('a', 'b');
      throw new Error('input broke');
    };
    const collect = fakePhases([], []);
    expect(() => classifyAll(failing(), 'collect', collect)).toThrow('input broke');
    expect(collect.completed).toBe(1);
    expect(() => classifyAll(failing(), 'throw', fakePhases([], ['b']))).toThrow('later b');
  });

  it('every outcome is handed out once, in input order, chunk after chunk', () => {
    const seen: string[] = [];
    classifyEach(ids('a', 'b', 'c', 'd', 'e', 'f', 'g'), fakePhases(['e'], ['a']), false, ({ index, record, failed, result }) => {
      seen.push(`${index}:${String(record.id)}:${failed ? 'failed' : String(result!.done)}`);
    });
    expect(seen).toEqual(['0:a:failed', '1:b:true', '2:c:true', '3:d:true', '4:e:failed', '5:f:true', '6:g:true']);
  });
});
