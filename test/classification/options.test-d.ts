/**
 * The types of the batch calls follow `onError`: `collect` returns results and failures, the
 * other policies a plain list (a corpus for tagCorpus); options are typed.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createClassifier, defaultTaxonomy, tagCorpus, type Classification, type ClassifyFailure, type Corpus, type DefaultTaxonomyFacetIds, type PaperInput } from '../../src/index.js';

const classifier = createClassifier({ taxonomy: defaultTaxonomy });
const records: PaperInput[] = [{ title: 'LoRA' }];

describe('onError in the types', () => {
  it('classifyMany: collect gives results and failures; throw and skip give the results', () => {
    expectTypeOf(classifier.classifyMany(records, { onError: 'collect' })).toEqualTypeOf<{ results: Array<Classification<DefaultTaxonomyFacetIds>>; failures: ClassifyFailure[] }>();
    expectTypeOf(classifier.classifyMany(records, { onError: 'skip' })).toEqualTypeOf<Array<Classification<DefaultTaxonomyFacetIds>>>();
    expectTypeOf(classifier.classifyMany(records)).toEqualTypeOf<Array<Classification<DefaultTaxonomyFacetIds>>>();
  });

  it('tagCorpus: collect gives a corpus and failures', () => {
    expectTypeOf(tagCorpus(records, { onError: 'collect' }).corpus).toEqualTypeOf<Corpus<DefaultTaxonomyFacetIds, PaperInput>>();
    expectTypeOf(tagCorpus(records, { onError: 'collect' }).failures).toEqualTypeOf<ClassifyFailure[]>();
    expectTypeOf(tagCorpus(records, { onError: 'skip' })).toEqualTypeOf<Corpus<DefaultTaxonomyFacetIds, PaperInput>>();
  });

  it('an onError outside the three is a type error', () => {
    // @ts-expect-error 'ignore' is not an OnError
    classifier.classifyMany(records, { onError: 'ignore' });
  });
});
