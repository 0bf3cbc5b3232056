/**
 * Hostile records through `classify` and `classifyMany` with the default taxonomy: whatever the
 * text, results keep their documented shape, order and determinism; wrong field types fail with
 * the documented `RecordError` and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defaultTaxonomy, RecordError, type PaperInput } from '../../src/index.js';
import { anyRecord, bigText, hostileText, TAXONOMY_WORDS, TRICKY_PIECES, validRecord } from './arbitraries.js';
import { ancestorsOf, CaseCounter, expectIdOf, expectSound } from './invariants.js';
import { runs } from './runs.js';

const counter = new CaseCounter();
const ancestors = ancestorsOf(defaultTaxonomy);
const shared = createClassifier({ taxonomy: defaultTaxonomy });
const FACETS = defaultTaxonomy.facets.map((f) => f.id);
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** The field `classify` must reject (in the order it checks), `'record'` for a non-object, or undefined. */
function expectedProblem(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'record';
  const { id, title, abstract } = record as Record<string, unknown>;
  const idOk = id === undefined || id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  if (!idOk) return 'id';
  for (const [field, value] of [['title', title], ['abstract', abstract]] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') return field;
  }
  return undefined;
}

describe('classifyMany on hostile but well-typed records', () => {
  it('returns one result per record, ids in input order; evidence quotes the record, scores lie in [0, 1], exactly one type tag; the same on a second run and from a fresh classifier', () => {
    fc.assert(
      fc.property(fc.array(validRecord, { maxLength: 16 }), (records: PaperInput[]) => {
        counter.add(records.length);
        const results = shared.classifyMany(records);
        expect(results).toHaveLength(records.length);
        results.forEach((result, i) => {
          expectIdOf(records[i]!, result.id);
          expectSound(records[i]!, result, defaultTaxonomy, { ancestors });
        });
        expect(shared.classifyMany(records)).toEqual(results);
        expect(createClassifier({ taxonomy: defaultTaxonomy }).classifyMany(records)).toEqual(results);
        expect(records.map((r) => classify(r))).toEqual(results);
      }),
      { numRuns: runs(200) },
    );
  });

  it('keeps the invariants under any options: minScore, a subset of facets, explain', () => {
    const options = fc.record(
      { minScore: fc.double({ min: 0, max: 1, noNaN: true }), facets: fc.subarray(FACETS), explain: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(validRecord, options, (record: PaperInput, opts) => {
        counter.add();
        const result = shared.classify(record, opts);
        expectSound(record, result, defaultTaxonomy, { ancestors, facets: opts.facets });
        if (opts.explain) expect(result.mentions).toBeDefined();
        expect(classify(record, opts)).toEqual(result);
      }),
      { numRuns: runs(600) },
    );
  });

  it('tags text made only of taxonomy words and tricky characters soundly (dense matches)', () => {
    const dense = fc.array(fc.constantFrom(...TAXONOMY_WORDS, ...TRICKY_PIECES, ' ', '. ', ', '), { maxLength: 120 }).map((p) => p.join(''));
    let evidence = 0;
    fc.assert(
      fc.property(dense, dense, (title, abstract) => {
        counter.add();
        const record = { title, abstract };
        const result = shared.classify(record);
        expectSound(record, result, defaultTaxonomy, { ancestors });
        evidence += result.tags.reduce((n, t) => n + t.evidence.length, 0);
      }),
      { numRuns: runs(800) },
    );
    // The invariants were checked on real evidence, not on empty results.
    expect(evidence).toBeGreaterThan(runs(400));
  });
});

describe('classify on records of the wrong shape', () => {
  it('throws RecordError naming the field for wrong types and non-objects, and otherwise classifies', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        counter.add();
        const problem = expectedProblem(record);
        let caught: unknown;
        try {
          expectSound(record as PaperInput, shared.classify(record as PaperInput), defaultTaxonomy, { ancestors });
        } catch (error) {
          caught = error;
        }
        if (problem === undefined) {
          expect(caught).toBeUndefined();
          return;
        }
        expect(caught).toBeInstanceOf(RecordError);
        expect((caught as RecordError).field).toBe(problem === 'record' ? undefined : problem);
      }),
      { numRuns: runs(1200) },
    );
  });

  it('classifyMany stops at the first bad record with its RecordError', () => {
    fc.assert(
      fc.property(fc.array(anyRecord, { minLength: 1, maxLength: 8 }), (records) => {
        counter.add(records.length);
        const firstBad = records.findIndex((r) => expectedProblem(r) !== undefined);
        const run = () => shared.classifyMany(records as PaperInput[]);
        if (firstBad < 0) expect(run()).toHaveLength(records.length);
        else expect(run).toThrow(RecordError);
      }),
      { numRuns: runs(200) },
    );
  });

  // Found by this suite (fixed in a4756d8): describing the bad value with JSON.stringify threw
  // "Do not know how to serialize a BigInt" before the RecordError was built.
  it('throws RecordError (not a TypeError) for a BigInt title, id or record', () => {
    for (const record of [{ title: 10n }, { id: 10n, title: 'LoRA' }, 10n]) {
      expect(() => classify(record as unknown as PaperInput)).toThrow(RecordError);
    }
  });

  // Found with the above: NaN was rendered as "null" ("expected a string or number, got number null").
  it('names a NaN id as NaN in the RecordError message', () => {
    expect(() => classify({ id: Number.NaN, title: 'LoRA' })).toThrow(/NaN/);
  });
});

describe('records parsed from JSON with prototype-shaped keys', () => {
  it('ignores __proto__, constructor and prototype keys and pollutes nothing', () => {
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
    fc.assert(
      fc.property(hostileKey, hostileText(10), hostileText(10), fc.boolean(), (key, title, abstract, withOwnTitle) => {
        counter.add();
        const inner = JSON.stringify({ title: 'QLoRA', abstract: 'we propose LoRA', polluted: true });
        const own = withOwnTitle ? `, "title": ${JSON.stringify(title)}` : '';
        const record = JSON.parse(`{"${key}": ${inner}${own}, "abstract": ${JSON.stringify(abstract)}}`) as PaperInput;
        const plain = withOwnTitle ? { title, abstract } : { abstract };
        expect(shared.classify(record)).toEqual(shared.classify(plain));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: runs(120) },
    );
  });
});

describe('huge fields', () => {
  // Mostly filler words with sparse taxonomy words: big, but with a realistic density of matches.
  const filler = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)} `);
  const cases: Array<[string, string]> = [
    ['1 MB of prose with sparse taxonomy words and tricky characters', bigText(1_000_000, [...filler, ...TAXONOMY_WORDS.slice(0, 4), ...TRICKY_PIECES.slice(0, 20)])],
    ['1 MB single word', 'a'.repeat(1_000_000)],
    ['1 MB of LaTeX, entities and ligatures', bigText(1_000_000, [...filler, '\\textbf{x} ', '&amp; ', 'ﬁ ', '$\\alpha$ ', 'e\u0301 '])],
    ['1 MB of lone surrogates and zero-width characters', bigText(1_000_000, ['\ud800', '\udc00', '\u200b', 'x', ' '])],
  ];
  it.each(cases)('%s: classifies soundly and deterministically', (_name, abstract) => {
    counter.add();
    const record = { id: 'big', title: 'LoRA for huge inputs', abstract };
    const result = shared.classify(record);
    expectSound(record, result, defaultTaxonomy, { ancestors });
    expect(createClassifier({ taxonomy: defaultTaxonomy }).classify(record)).toEqual(result);
  });
});

describe('after all of the above', () => {
  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });

  it('ran at least 10,000 generated records through classify', () => {
    console.log(`classify fuzz: ${counter.count} generated records`);
    expect(counter.count).toBeGreaterThanOrEqual(runs(4_000));
  });
});
