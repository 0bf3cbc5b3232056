import { describe, expect, it } from 'vitest';
import { Corpus, defaultTaxonomy, type DefaultTaxonomyFacetIds } from '../../src/index.js';
import { handTagged, ids, samplePapers, type Paper } from './helpers.js';

/** The 60 real sample abstracts, untagged: search reads only titles and abstracts. */
function sample(): Corpus<DefaultTaxonomyFacetIds, Paper> {
  const papers = samplePapers();
  return Corpus.from(
    papers.map((paper) => ({ id: paper.id, tags: [] })),
    { taxonomy: defaultTaxonomy, records: papers },
  );
}

describe('search over titles and abstracts', () => {
  const corpus = sample();

  it('returns matches best first: title matches before abstract-only ones', () => {
    expect(ids(corpus.search('diffusion models'))).toEqual(['ml24-0001', 'ml24-0022', 'ml24-0514', 'ml24-0074']);
  });

  it('tolerates typos in longer words', () => {
    expect(ids(corpus.search('difusion modls'))).toEqual(ids(corpus.search('diffusion models')));
  });

  it('needs every word to match somewhere, so words narrow the result', () => {
    expect(ids(corpus.search('federated'))).toEqual(['ml24-0030', 'ml24-0253', 'ml24-0622']);
    expect(ids(corpus.search('federated fine-tuning'))).toEqual(['ml24-0030']);
  });

  it('limits the number of results', () => {
    expect(ids(corpus.search('federated', { limit: 2 }))).toEqual(['ml24-0030', 'ml24-0253']);
  });

  it('a stricter threshold drops typo matches', () => {
    expect(corpus.search('difusion', { threshold: 0 }).size).toBe(0);
  });

  it('keeps every entry in input order for a blank query', () => {
    expect(ids(corpus.search('  '))).toEqual(ids(corpus));
  });

  it('refuses a threshold outside 0..1', () => {
    expect(() => corpus.search('lora', { threshold: 2 })).toThrow(RangeError);
  });
});

describe('search combines with filters', () => {
  const corpus = handTagged();

  it('searches only what the filters before it kept', () => {
    expect(ids(corpus.where({ method: 'peft' }).search('vision transformer'))).toEqual(['lora-vit', 'vpt']);
  });

  it('reorders by score, and filters after it keep that order', () => {
    const found = corpus.search('language models');
    expect(ids(found)).toEqual(['data-survey', 'merging-survey', 'robust-clip', 'dpo', 'qlora']);
    expect(ids(found.where({ modality: 'language' }))).toEqual(['data-survey', 'merging-survey', 'dpo', 'qlora']);
  });

  it('leaves the corpus it searched unchanged', () => {
    const before = ids(corpus);
    corpus.search('survey');
    expect(ids(corpus)).toEqual(before);
  });
});
