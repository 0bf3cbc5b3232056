/**
 * A node's `support` asked only of records whose title names one of its topics
 * (`support: { sentences, topics }`): one sentence naming LLMs in a paper on graphs is the news of
 * the day, not the paper's modality, while the same sentence under another title still counts.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/index.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { issuesOf } from './rejected.js';

const yaml = (support: string) => `
facets:
  modality:
    label: Modality
    multiple: true
    threshold: 0.3
    nodes:
      - id: language
        label: Language
        phrases: [large language models, language models]
        acronyms: [LLMs]
        support: ${support}
`;
const topical = createClassifier({ taxonomy: parseTaxonomy(yaml('{ sentences: 2, topics: [graph neural network, time series] }'), { source: 'my.yaml' }) });
const tags = (title: string, abstract: string) => topical.classify({ title, abstract }).tags.map((t) => t.id);

const news = 'Transformers underpin the large language models of today. We design a network that reads sensor readings.';

describe('support: { sentences, topics }', () => {
  it('a title naming a topic asks for two sentences: one sentence naming LLMs is not the paper\'s modality', () => {
    expect(tags('Graph Neural Networks for Traffic Speed', news)).toEqual([]);
    expect(tags('Forecasting Time Series of Sensor Readings', news)).toEqual([]);
  });

  it('two sentences of evidence meet it', () => {
    expect(tags('Graph Neural Networks for Traffic Speed', 'Large language models read text. We feed LLMs a graph as text.')).toEqual(['language']);
  });

  it('a title mention of the node meets it, as for a plain `support`', () => {
    expect(tags('Graph Neural Networks Meet Large Language Models', news)).toEqual(['language']);
  });

  it('a title naming no topic asks nothing more: the same sentence counts', () => {
    expect(tags('Efficient Adaptive Optimisers', news)).toEqual(['language']);
  });

  it('a topic named only in the abstract is not the record\'s subject', () => {
    expect(tags('Efficient Adaptive Optimisers', `${news} It also suits graph neural networks.`)).toEqual(['language']);
  });

  it('the loader keeps the sentences and the flattened topics; a number stays a plain `support`', () => {
    const node = parseTaxonomy(`definitions:\n  graphs: &graphs [graph neural network, GNN]\n${yaml('{ sentences: 2, topics: [*graphs, time series] }')}`, { source: 'my.yaml' }).nodes[0]!;
    expect(node.topicSupport).toEqual({ sentences: 2, topics: ['graph neural network', 'GNN', 'time series'] });
    expect(node.support).toBeUndefined();
    const plain = parseTaxonomy(yaml('2'), { source: 'my.yaml' }).nodes[0]!;
    expect([plain.support, plain.topicSupport]).toEqual([2, undefined]);
  });

  it('an empty topic list, a misspelt key or a fraction of a sentence is refused where it is written', () => {
    const at = (support: string) => issuesOf(yaml(support)).map((i) => [i.path, i.message]);
    expect(at('{ sentences: 2, topics: [] }')).toEqual([['modality.language.support.topics', 'expected at least one phrase in `topics`']]);
    expect(at('{ sentences: 2, topic: [graphs] }')).toEqual([
      ['modality.language.support.topics', "missing required key 'topics'"],
      ['modality.language.support', "unknown key 'topic'; did you mean 'topics'?"],
    ]);
    expect(at('1.5')).toEqual([['modality.language.support', 'expected a whole number of sentences']]);
    expect(at('{ sentences: 1.5, topics: [graphs] }')).toEqual([['modality.language.support.sentences', 'expected a whole number of sentences']]);
  });
});
