/**
 * Compile-time guarantees of the query API: ids are checked per facet, results are keyed by the
 * facet's id union, and a user taxonomy generated with `taxonomyModule` types its own ids.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Corpus,
  createClassifier,
  defaultTaxonomy,
  defaultTaxonomyIndex,
  tagCorpus,
  type Classification,
  type CooccurrencePair,
  type CorpusEntry,
  type DefaultTaxonomyFacetIds,
  type DefaultTaxonomyTagId,
  type FacetIds,
  type MethodId,
  type ModalityId,
  type NameId,
  type RankedEntry,
  type Suggestion,
  type Tag,
  type Taxonomy,
  type TypeId,
} from '../../src/index.js';
import { tinyTaxonomy, type DomainId, type TechniqueId, type TinyTaxonomyFacetIds } from './fixtures/tiny-taxonomy.js';

type M = DefaultTaxonomyFacetIds;
type Paper = { id: string; title: string; abstract: string; categories: string[] };
declare const papers: Paper[];
declare const results: Array<Classification<TinyTaxonomyFacetIds>>;
declare const parsed: Taxonomy;

const corpus = tagCorpus(papers);

describe('tagCorpus with the default classifier', () => {
  it('types the corpus by the default taxonomy and keeps the record type', () => {
    expectTypeOf(corpus).toEqualTypeOf<Corpus<M, Paper>>();
    expectTypeOf(corpus.toArray()).toEqualTypeOf<Array<CorpusEntry<M, Paper>>>();
    expectTypeOf(corpus.filter((entry) => entry.record.categories.includes('cs.CV'))).toEqualTypeOf<Corpus<M, Paper>>();
  });
});

describe('filters check ids per facet', () => {
  it('accepts ids of the right facet, alone or in lists', () => {
    expectTypeOf(corpus.where({ method: 'peft.lora', modality: 'vision' })).toEqualTypeOf<Corpus<M, Paper>>();
    expectTypeOf(corpus.where({ method: ['data-selection', 'alignment'], type: 'survey' })).toEqualTypeOf<Corpus<M, Paper>>();
    expectTypeOf(corpus.whereAll({ method: ['peft.lora', 'robustness'] })).toEqualTypeOf<Corpus<M, Paper>>();
  });

  it('rejects a misspelt family', () => {
    // @ts-expect-error 'peft.lroa' is not a MethodId
    corpus.where({ method: 'peft.lroa' });
    // @ts-expect-error nor inside a list
    corpus.whereAll({ method: ['peft.lora', 'robustnes'] });
  });

  it('rejects an id of another facet, and an unknown facet', () => {
    // @ts-expect-error 'peft' is a method id, not a modality
    corpus.where({ modality: 'peft' });
    // @ts-expect-error 'vision' is a modality, not a method
    corpus.whereNone({ method: 'vision' });
    // @ts-expect-error no facet 'methd'
    corpus.where({ methd: 'peft' });
  });

  it('checks minScore and top selectors the same way', () => {
    corpus.minScore(0.8, { facet: 'method', id: 'peft.lora' });
    corpus.minScore(0.8, { id: 'vision' });
    corpus.minScore(0.8, { facet: 'type' });
    // @ts-expect-error 'vision' is not a method id
    corpus.minScore(0.8, { facet: 'method', id: 'vision' });
    // @ts-expect-error misspelt id
    corpus.top(3, { id: 'peft.lroa' });
  });
});

describe('summaries are keyed by the facet id union', () => {
  it('count and groupBy', () => {
    expectTypeOf(corpus.count('method')).toEqualTypeOf<Map<MethodId, number>>();
    expectTypeOf(corpus.count('modality')).toEqualTypeOf<Map<ModalityId, number>>();
    expectTypeOf(corpus.groupBy('method')).toEqualTypeOf<Map<MethodId, Corpus<M, Paper>>>();
    // @ts-expect-error no facet 'methods'
    corpus.count('methods');
  });

  it('cooccurrence, families and top', () => {
    expectTypeOf(corpus.cooccurrence('method')).toEqualTypeOf<Array<CooccurrencePair<MethodId>>>();
    expectTypeOf(corpus.cooccurrenceMatrix('type').ids).toEqualTypeOf<readonly TypeId[]>();
    expectTypeOf(corpus.families('type')).toEqualTypeOf<TypeId[]>();
    expectTypeOf(corpus.families()).toEqualTypeOf<DefaultTaxonomyTagId[]>();
    expectTypeOf(corpus.top(5, { id: 'peft' })).toEqualTypeOf<Array<RankedEntry<M, Paper>>>();
    expectTypeOf(corpus.top(5)[0]!.tag).toEqualTypeOf<Tag<M>>();
  });
});

describe('the taxonomy index', () => {
  const index = defaultTaxonomyIndex();

  it('keeps ancestors and descendants in the facet of the id', () => {
    expectTypeOf(index.ancestors('peft.lora')).toEqualTypeOf<MethodId[]>();
    expectTypeOf(index.descendants('vision')).toEqualTypeOf<ModalityId[]>();
    // @ts-expect-error misspelt id
    index.ancestors('peft.lroa');
  });

  it('types names resolved from strings', () => {
    expectTypeOf(index.resolve('LoRA')).toEqualTypeOf<DefaultTaxonomyTagId | undefined>();
    expectTypeOf(index.resolve('LoRA', 'method')).toEqualTypeOf<MethodId | undefined>();
    expectTypeOf(index.requireId('peft', 'method')).toEqualTypeOf<MethodId>();
    expectTypeOf(index.suggest('lroa', { facet: 'method' })).toEqualTypeOf<Array<Suggestion<MethodId>>>();
    expectTypeOf(index.ids('modality')).toEqualTypeOf<ModalityId[]>();
  });

  it('narrows with has', () => {
    const flag: string = 'peft';
    if (index.has(flag, 'method')) expectTypeOf(flag).toEqualTypeOf<MethodId>();
  });
});

describe('a user taxonomy generated with taxonomyModule', () => {
  const classifier = createClassifier({ taxonomy: tinyTaxonomy });
  const mine = tagCorpus(papers, { classifier });

  it('types its own facets and ids through createClassifier → tagCorpus', () => {
    expectTypeOf(mine).toEqualTypeOf<Corpus<TinyTaxonomyFacetIds, Paper>>();
    expectTypeOf(mine.where({ technique: 'distillation', domain: ['medical', 'legal'] })).toEqualTypeOf<Corpus<TinyTaxonomyFacetIds, Paper>>();
    expectTypeOf(mine.groupBy('domain')).toEqualTypeOf<Map<DomainId, Corpus<TinyTaxonomyFacetIds, Paper>>>();
    expectTypeOf(mine.taxonomy.descendants('distillation')).toEqualTypeOf<TechniqueId[]>();
  });

  it('rejects the default taxonomy ids', () => {
    // @ts-expect-error no facet 'method' in this taxonomy
    mine.where({ method: 'peft' });
    // @ts-expect-error 'peft' is not a technique
    mine.where({ technique: 'peft' });
  });

  it('types Corpus.from by the taxonomy and checks the classifications against it', () => {
    expectTypeOf(Corpus.from(results, { taxonomy: tinyTaxonomy })).toEqualTypeOf<Corpus<TinyTaxonomyFacetIds>>();
    // @ts-expect-error default-taxonomy results do not fit the tiny taxonomy
    Corpus.from([] as Array<Classification<M>>, { taxonomy: tinyTaxonomy });
    expectTypeOf(Corpus.from(results, { taxonomy: tinyTaxonomy, records: papers })).toEqualTypeOf<Corpus<TinyTaxonomyFacetIds, Paper>>();
  });
});

describe('an untyped taxonomy (parsed at run time)', () => {
  it('accepts any strings, leaving the checks to run time', () => {
    const untyped = Corpus.from([], { taxonomy: parsed });
    expectTypeOf(untyped).toEqualTypeOf<Corpus<FacetIds>>();
    expectTypeOf(untyped.count('anything')).toEqualTypeOf<Map<string, number>>();
    untyped.where({ anything: ['a', 'b'] });
  });

  it('the default taxonomy object types like the default classifier', () => {
    expectTypeOf(Corpus.from([], { taxonomy: defaultTaxonomy })).toEqualTypeOf<Corpus<M>>();
  });
});

describe('named methods', () => {
  it('where({ name }) takes the generated NameId union and roles; leaderboard rows carry NameId', () => {
    const corpus = tagCorpus(papers);
    expectTypeOf(corpus.where({ name: 'dora', role: 'studies' })).toEqualTypeOf<Corpus<M, Paper>>();
    expectTypeOf(corpus.where({ method: 'peft', name: ['lora', 'qlora'], role: ['uses', 'compares'] })).toEqualTypeOf<Corpus<M, Paper>>();
    // @ts-expect-error 'dorra' is not a name of the default taxonomy
    corpus.where({ name: 'dorra' });
    // @ts-expect-error 'baseline' is not a role
    corpus.where({ role: 'baseline' });
    expectTypeOf(corpus.nameLeaderboard('compares')[0]!.id).toEqualTypeOf<NameId>();
    expectTypeOf<NameId>().toExtend<string>();
  });
  it('a user taxonomy takes any string as a name id', () => {
    const corpus = Corpus.from<TinyTaxonomyFacetIds>([], { taxonomy: tinyTaxonomy });
    expectTypeOf(corpus.where({ name: 'anything' })).toEqualTypeOf<Corpus<TinyTaxonomyFacetIds>>();
  });
});
