import { describe, expect, it } from 'vitest';
import { Corpus, defaultTaxonomy, UnknownIdError, type Classification, type DefaultTaxonomyFacetIds } from '../../src/index.js';
import { CLASSIFICATIONS, handTagged, ids, PAPERS } from './helpers.js';

type M = DefaultTaxonomyFacetIds;

describe('Corpus.from', () => {
  it('pairs each classification with its record, in input order', () => {
    const corpus = handTagged();
    expect(corpus.size).toBe(9);
    const first = corpus.toArray()[0];
    expect(first?.record).toBe(PAPERS[0]);
    expect(first?.classification).toBe(CLASSIFICATIONS[0]);
    expect(ids(corpus)).toEqual(PAPERS.map((paper) => paper.id));
  });

  it('stands in { id } for the record when no records are given', () => {
    const corpus = Corpus.from(CLASSIFICATIONS.slice(0, 2), { taxonomy: defaultTaxonomy });
    expect(corpus.toArray().map((entry) => entry.record)).toEqual([{ id: 'lora-vit' }, { id: 'qlora' }]);
    expect(corpus.search('low-rank').size).toBe(0);
  });

  it('accepts any iterable', () => {
    function* generate(): Generator<Classification<M>> {
      yield* CLASSIFICATIONS;
    }
    expect(Corpus.from(generate(), { taxonomy: defaultTaxonomy }).size).toBe(9);
  });

  it('refuses records and classifications of different lengths', () => {
    expect(() => Corpus.from(CLASSIFICATIONS, { taxonomy: defaultTaxonomy, records: PAPERS.slice(1) })).toThrow(
      'Corpus.from: 9 classifications but 8 records; pass one record per classification, in the same order',
    );
  });

  it('refuses tags from another taxonomy, naming the closest id', () => {
    // As read back from JSON written with another taxonomy: the compiler cannot know.
    const foreign = JSON.parse('{"id": "x", "tags": [{"facet": "method", "id": "peft.lroa", "label": "", "score": 1, "evidence": []}]}') as Classification<M>;
    expect(() => Corpus.from([foreign], { taxonomy: defaultTaxonomy })).toThrow("unknown method id 'peft.lroa'; did you mean 'peft.lora'?");
    const otherFacet = JSON.parse('{"id": "y", "tags": [{"facet": "domain", "id": "legal", "label": "", "score": 1, "evidence": []}]}') as Classification<M>;
    expect(() => Corpus.from([otherFacet], { taxonomy: defaultTaxonomy })).toThrow(UnknownIdError);
  });
});

describe('a corpus is immutable', () => {
  it('leaves the original untouched when filtering', () => {
    const corpus = handTagged();
    const peft = corpus.where({ method: 'peft' });
    expect([corpus.size, peft.size]).toEqual([9, 5]);
    expect(peft).not.toBe(corpus);
  });

  it('hands out copies: changing toArray() does not change the corpus', () => {
    const corpus = handTagged();
    const entries = corpus.toArray();
    entries.length = 0;
    expect(corpus.size).toBe(9);
  });

  it('freezes its entries', () => {
    const [entry] = handTagged().toArray();
    expect(Object.isFrozen(entry)).toBe(true);
  });
});

describe('iteration', () => {
  it('iterates entries in corpus order', () => {
    const seen: unknown[] = [];
    for (const { record } of handTagged().where({ type: 'survey' })) seen.push(record.id);
    expect(seen).toEqual(['data-survey', 'merging-survey']);
  });

  it('exposes the taxonomy it was tagged with', () => {
    expect(handTagged().taxonomy.descendants('peft')).toEqual(['peft.lora', 'peft.adapter', 'peft.prompt']);
  });
});
