/**
 * Exclusions read as a reader reads them: a bracketed acronym after one of their words, or after the
 * last, is part of the phrase it abbreviates, and the positive match that acronym is goes with it.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/index.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';

const yaml = `
facets:
  modality:
    label: Modality
    multiple: true
    threshold: 0.3
    nodes:
      - id: language
        label: Language
        phrases: [natural language processing, large language models]
        acronyms: [NLP, LLMs]
        exclude: [natural language processing and computer vision, success of large language model*]
`;
const classifier = createClassifier({ taxonomy: parseTaxonomy(yaml, { source: 'my.yaml' }) });
const tags = (abstract: string) => classifier.classify({ title: '', abstract }).tags.map((t) => t.id);

describe('exclusions across a bracketed acronym', () => {
  it('an acronym in brackets between two of the words is skipped, and cancelled with them', () => {
    expect(tags('Transformers excel in natural language processing (NLP) and computer vision.')).toEqual([]);
  });

  it('an acronym in brackets after the last word is part of the excluded span', () => {
    expect(tags('Following the success of large language models (LLMs), we pretrain a graph transformer.')).toEqual([]);
  });

  it('both at once: "(NLP)" inside and an acronym after the last word', () => {
    expect(tags('Useful in natural language processing (NLP) and computer vision (CV) alike.')).toEqual([]);
  });

  it('a lowercase word in brackets is no acronym: the phrase is not the excluded one', () => {
    expect(tags('Tools for natural language processing (for example) and computer vision.')).toEqual(['language']);
  });

  it('an acronym after a comma is the next item of a list, not the exclusion\'s: it still counts', () => {
    expect(tags('Since the success of large language models, LLMs have been fine-tuned for dialogue.')).toEqual(['language']);
  });
});
