/**
 * Properties that hold for every corpus, checked on random classifications (with and without the
 * implied parent tags the classifier adds): filters and summaries share one notion of membership.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Corpus, defaultTaxonomy, METHOD_IDS, MODALITY_IDS, type Classification, type DefaultTaxonomyFacetIds, type Tag } from '../../src/index.js';
import { tag } from './helpers.js';

type M = DefaultTaxonomyFacetIds;

const score = fc.double({ min: 0, max: 1, noNaN: true });
const methodTags = fc.uniqueArray(fc.constantFrom(...METHOD_IDS), { maxLength: 4 });
const modalityTags = fc.uniqueArray(fc.constantFrom(...MODALITY_IDS), { maxLength: 2 });
const classification = fc
  .record({ methods: methodTags, modalities: modalityTags, score })
  .map(({ methods, modalities, score }): Array<Tag<M>> => [
    ...methods.map((id) => tag('method', id, score)),
    ...modalities.map((id) => tag('modality', id, score)),
  ]);
const corpora = fc
  .array(classification, { maxLength: 25 })
  .map((tagLists) =>
    Corpus.from(
      tagLists.map((tags, i): Classification<M> => ({ id: `r${i}`, tags })),
      { taxonomy: defaultTaxonomy },
    ),
  );

const order = (corpus: Corpus<M>): string[] => corpus.toArray().map((entry) => entry.classification.id);

describe('invariants', () => {
  it('count, groupBy and where agree for every id', () => {
    fc.assert(
      fc.property(corpora, (corpus) => {
        const groups = corpus.groupBy('method');
        for (const [id, count] of corpus.count('method')) {
          expect(groups.get(id)?.size).toBe(count);
          expect(corpus.where({ method: id }).size).toBe(count);
        }
        for (const id of METHOD_IDS) expect(corpus.count('method').has(id)).toBe(corpus.where({ method: id }).size > 0);
      }),
    );
  });

  it('every co-occurrence count is the size of whereAll of the pair, and no pair is an id with its ancestor', () => {
    fc.assert(
      fc.property(corpora, (corpus) => {
        for (const { a, b, count } of corpus.cooccurrence('method')) {
          expect(corpus.whereAll({ method: [a, b] }).size).toBe(count);
          expect(corpus.taxonomy.isAncestor(a, b)).toBe(false);
          expect(corpus.taxonomy.compare(a, b)).toBeLessThan(0);
        }
      }),
    );
  });

  it('the matrix diagonal is count, and the matrix is symmetric', () => {
    fc.assert(
      fc.property(corpora, (corpus) => {
        const { ids, counts } = corpus.cooccurrenceMatrix('modality');
        const count = corpus.count('modality');
        ids.forEach((id, i) => {
          expect(counts[i]?.[i]).toBe(count.get(id) ?? 0);
          ids.forEach((_, j) => expect(counts[i]?.[j]).toBe(counts[j]?.[i]));
        });
      }),
    );
  });

  it('where and whereNone split the corpus, both keeping input order', () => {
    fc.assert(
      fc.property(corpora, methodTags, (corpus, query) => {
        const kept = order(corpus.where({ method: query }));
        const dropped = order(corpus.whereNone({ method: query }));
        expect([...kept, ...dropped].sort()).toEqual(order(corpus).sort());
        expect(kept).toEqual(order(corpus).filter((id) => kept.includes(id)));
      }),
    );
  });

  it('families lists exactly the ids count has, in taxonomy order', () => {
    fc.assert(
      fc.property(corpora, (corpus) => {
        expect(corpus.families('method')).toEqual(METHOD_IDS.filter((id) => corpus.count('method').has(id)));
      }),
    );
  });
});
