/**
 * Every node of the default taxonomy ships example sentences: positives must get the node's tag,
 * negatives must not. This is how a rule change is tested against the intent written next to it.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classification/classifier.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';

const classifier = createClassifier({ taxonomy: defaultTaxonomy });
const tagIds = (text: string) => classifier.classify({ title: '', abstract: text }).tags.map((t) => t.id);
const titleTagIds = (text: string) => classifier.classify({ title: text }).tags.map((t) => t.id);

/** Short, quoted-title examples are tested as titles; sentences as abstracts. */
const looksLikeTitle = (text: string) => !/[.!?]$/.test(text.trim());

describe.each(defaultTaxonomy.nodes.filter((n) => n.facet !== 'type'))('$id examples', (node) => {
  it.each(node.examples.positive)('tags: %s', (example) => {
    expect(looksLikeTitle(example) ? titleTagIds(example) : tagIds(example)).toContain(node.id);
  });
  it.each(node.examples.negative.length ? node.examples.negative : [])('does not tag: %s', (example) => {
    expect(looksLikeTitle(example) ? titleTagIds(example) : tagIds(example)).not.toContain(node.id);
  });
});

describe('paper type examples', () => {
  it.each(defaultTaxonomy.nodes.filter((n) => n.facet === 'type').flatMap((n) => n.examples.positive.map((e) => [n.id, e] as const)))(
    '%s: %s',
    (id, example) => {
      const tags = (looksLikeTitle(example) ? titleTagIds(example) : tagIds(example)).filter((t) => ['method', 'analysis', 'benchmark', 'survey'].includes(t));
      expect(tags).toEqual([id]);
    },
  );
});
